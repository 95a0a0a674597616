// Paragraph tools added by script (they need it to work): "copy link" and "ask about this
// paragraph" (where the site has somewhere to send questions) on every paragraph, and
// "listen" on Chinese paragraphs where the device has a Chinese voice for speech synthesis.
// Both are buttons: they work from the keyboard and on touch. Also the definitions in the
// term popovers: one script per chapter (data-terms), loaded when a term is first opened.
(function () {
  "use strict";
  var script = document.currentScript, labels = script.dataset;
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function permalink(id) { return location.href.split("#")[0] + "#" + id; }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {  // file:// and plain http: the old way
      var field = document.createElement("textarea");
      field.value = text; field.setAttribute("readonly", ""); field.className = "visually-hidden";
      document.body.appendChild(field); field.select();
      var ok = document.execCommand("copy"); document.body.removeChild(field);
      ok ? resolve() : reject();
    });
  }
  function button(cls, text, label) {
    var b = document.createElement("button");
    b.type = "button"; b.className = cls; b.textContent = text;
    if (label) b.setAttribute("aria-label", label);
    return b;
  }

  var paragraphs = document.querySelectorAll(".paragraph[id]");
  Array.prototype.forEach.call(paragraphs, function (p) {
    var tools = p.querySelector(".tools");
    if (!tools) return;
    var b = button("copy-link", labels.copy, labels.copyLabel.replace("{id}", p.id));
    b.addEventListener("click", function () {
      copy(permalink(p.id)).then(function () {
        b.textContent = labels.copied; status.textContent = labels.copied + " " + permalink(p.id);
        setTimeout(function () { b.textContent = labels.copy; }, 2000);
      }, function () { status.textContent = permalink(p.id); prompt(labels.copy, permalink(p.id)); });
    });
    tools.insertBefore(b, tools.firstChild.nextSibling);
    if (labels.ask) {  // "ask about this paragraph": the live app's form, or an e-mail to the office
      var ask = document.createElement("a");
      ask.className = "ask"; ask.href = labels.ask.split("{id}").join(encodeURIComponent(p.id));
      ask.textContent = labels.askText;
      tools.appendChild(ask);
    }
  });

  // Listening: Chinese only, and only where a Chinese voice exists.
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

  var pops = document.querySelectorAll(".term-pop[id]"), requested = false;
  function fillDefinitions(definitions) {
    Array.prototype.forEach.call(pops, function (pop) {
      var slot = pop.querySelector(".term-def"), text = definitions[pop.id.replace(/^term-/, "")];
      if (slot && text) slot.textContent = text;
    });
  }
  Array.prototype.forEach.call(pops, function (pop) {
    pop.addEventListener("beforetoggle", function (event) {
      if (event.newState !== "open" || requested || !labels.terms) return;
      requested = true;
      window.portalTermDefinitions = fillDefinitions;
      var s = document.createElement("script");  // a script, not fetch(): it loads from file:// too
      s.src = labels.terms;
      document.head.appendChild(s);
    });
  });
})();
