// Offline reading: registers the service worker (/sw.js) and runs the "keep for offline
// reading" panel of the home page. The reader sees the download size before anything is
// stored. Pages opened online ask the worker to bring a kept copy up to date.
(function () {
  "use strict";
  var script = document.currentScript;
  var lang = script.dataset.lang, listUrl = script.dataset.list, key = "portal-offline-" + lang;
  var panel = document.getElementById("offline");
  var fromDisk = location.protocol === "file:";
  var supported = "serviceWorker" in navigator && !fromDisk;

  function size(bytes) { return (bytes / 1048576).toFixed(1).replace(/\.0$/, "") + " MB"; }
  function show(id) {
    if (!panel) return;
    ["offline-start", "offline-confirm", "offline-progress", "offline-kept", "offline-failed", "offline-disk", "offline-unsupported"].forEach(function (name) {
      var node = document.getElementById(name);
      if (node) node.hidden = name !== id;
    });
  }

  if (panel) {
    panel.hidden = false;
    if (fromDisk) show("offline-disk");
    else if (!supported) show("offline-unsupported");
    else show(localStorage.getItem(key) ? "offline-kept" : "offline-start");
  }
  if (!supported) return;

  navigator.serviceWorker.register(script.dataset.worker).then(function () {
    if (localStorage.getItem(key) && navigator.onLine) {
      navigator.serviceWorker.ready.then(function (reg) { reg.active.postMessage({ type: "update", lang: lang }); });
    }
  });

  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.lang !== lang || !panel) return;
    if (data.type === "progress") {
      var bar = document.getElementById("offline-bar");
      bar.max = data.total; bar.value = data.bytes;
      document.getElementById("offline-count").textContent = size(data.bytes) + " / " + size(data.total);
    } else if (data.type === "kept") {
      localStorage.setItem(key, data.version);
      show("offline-kept");
    } else if (data.type === "failed") {
      show("offline-failed");
    } else if (data.type === "dropped") {
      localStorage.removeItem(key);
      show("offline-start");
    }
  });

  if (!panel) return;
  var list = null;
  function ask() {
    fetch(listUrl, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (data) {
      list = data;
      var text = document.getElementById("offline-size");
      text.textContent = text.dataset.message.replace("{size}", size(data.bytes));
      show("offline-confirm");
      document.getElementById("offline-go").focus();
    }).catch(function () { show("offline-failed"); });
  }
  function post(type) {
    navigator.serviceWorker.ready.then(function (reg) { reg.active.postMessage({ type: type, lang: lang }); });
  }
  document.getElementById("offline-keep").addEventListener("click", ask);
  document.getElementById("offline-retry").addEventListener("click", ask);
  document.getElementById("offline-cancel").addEventListener("click", function () { show("offline-start"); });
  document.getElementById("offline-go").addEventListener("click", function () { show("offline-progress"); post("keep"); });
  document.getElementById("offline-drop").addEventListener("click", function () { post("drop"); });
  // The zip's size, once known (the link works without it).
  var zip = document.getElementById("offline-zip-size");
  if (zip) fetch(listUrl).then(function (r) { return r.json(); }).then(function (data) {
    if (data.zip && data.zip.bytes) zip.textContent = " (" + size(data.zip.bytes) + ")";
  }).catch(function () {});
})();
