// Larger text and high contrast, remembered on this device. Loaded in <head> so that a saved
// setting applies before the page is drawn. Sizes scale the root font, which every length in
// portal.css and mongolian.css follows, so vertical Mongolian pages grow without breaking.
(function () {
  "use strict";
  var root = document.documentElement, KEY = "portal-display", STEPS = 4;
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(KEY) || "{}"); } catch (e) { saved = {}; }
  function apply() {
    for (var i = 1; i < STEPS; i++) root.classList.toggle("text-" + i, saved.size === i);
    root.classList.toggle("contrast", !!saved.contrast);
  }
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(saved)); } catch (e) {}
    apply(); update();
    window.dispatchEvent(new Event("resize")); // blocks laid out for the old size (fit.js) lay out again
  }
  function update() {
    var smaller = document.getElementById("text-smaller"), larger = document.getElementById("text-larger");
    var contrast = document.getElementById("contrast-toggle");
    if (smaller) smaller.disabled = !saved.size;
    if (larger) larger.disabled = saved.size === STEPS - 1;
    if (contrast) contrast.setAttribute("aria-pressed", saved.contrast ? "true" : "false");
  }
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("display-panel");
    if (!panel) return;
    document.getElementById("display-toggle").hidden = false;
    document.getElementById("text-smaller").addEventListener("click", function () { saved.size = Math.max(0, (saved.size || 0) - 1); save(); });
    document.getElementById("text-larger").addEventListener("click", function () { saved.size = Math.min(STEPS - 1, (saved.size || 0) + 1); save(); });
    document.getElementById("contrast-toggle").addEventListener("click", function () { saved.contrast = !saved.contrast; save(); });
    update();
  });
})();
