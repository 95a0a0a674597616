// "Listen" on Chinese paragraphs, where the device has a Chinese voice for speech synthesis:
// loaded by tools.js, which passes the labels (data-listen, data-stop, data-listen-label).
(function () {
  "use strict";
  var labels = document.currentScript.dataset;
  var paragraphs = document.querySelectorAll(".paragraph[id]");
  function button(cls, text, label) {
    var b = document.createElement("button");
    b.type = "button"; b.className = cls; b.textContent = text;
    if (label) b.setAttribute("aria-label", label);
    return b;
  }
  var speech = window.speechSynthesis;
  if (!speech) return;
  var speaking = null;
  function chineseVoice() {
    return speech.getVoices().filter(function (v) { return /^(zh|cmn)/i.test(v.lang); })[0] || null;
  }
  function textOf(p) {
    var copy = p.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".tools, .badge, .notice, .changed-marker, .term-pop"), function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  function addListen() {
    var voice = chineseVoice();
    if (!voice || document.querySelector(".listen")) return;
    Array.prototype.forEach.call(paragraphs, function (p) {
      var lang = p.getAttribute("lang") || document.documentElement.lang;
      if (!/^zh/.test(lang)) return;
      var b = button("listen", labels.listen, labels.listenLabel.replace("{id}", p.id));
      b.addEventListener("click", function () {
        var again = speaking === b;
        speech.cancel();
        Array.prototype.forEach.call(document.querySelectorAll(".listen"), function (x) { x.textContent = labels.listen; x.setAttribute("aria-pressed", "false"); });
        speaking = null;
        if (again) return;
        var say = new SpeechSynthesisUtterance(textOf(p));
        say.voice = voice; say.lang = voice.lang;
        say.onend = function () { b.textContent = labels.listen; b.setAttribute("aria-pressed", "false"); speaking = null; };
        speaking = b; b.textContent = labels.stop; b.setAttribute("aria-pressed", "true");
        speech.speak(say);
      });
      p.querySelector(".tools").appendChild(b);
    });
  }
  addListen();
  if (speech.addEventListener) speech.addEventListener("voiceschanged", addListen);

})();
