// Paragraph tools added by script (they need it to work): "copy link" and "ask about this
// paragraph" (where the site has somewhere to send questions) on every paragraph, and
// "listen" on Chinese paragraphs where the device has a Chinese voice for speech synthesis.
// Both are buttons: they work from the keyboard and on touch. Also the term hints' popovers,
// with the definitions of one script per chapter (data-terms), loaded when a term is first opened.
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

  // Term hints are links to the glossary; with script, a link opens a popover with the term's
  // name and definition instead, drawn at its first opening beside the link (so it takes the
  // text's writing direction) from the chapter's definitions script, loaded once.
  var definitions = null, waiting = [];
  function withDefinitions(then) {
    if (definitions) return then();
    waiting.push(then);
    if (waiting.length > 1) return;
    window.portalTermDefinitions = function (loaded) {
      definitions = loaded;
      waiting.forEach(function (f) { f(); });
      waiting = [];
    };
    var s = document.createElement("script");  // a script, not fetch(): it loads from file:// too
    s.src = labels.terms;
    document.head.appendChild(s);
  }
  function termOf(link) { return (link.getAttribute("href").match(/glossary\/([^\/]+)\//) || [])[1]; }
  function popoverOf(link) {
    var id = "term-" + termOf(link), pop = document.getElementById(id);
    if (pop) return pop;
    pop = document.createElement("span");
    pop.id = id; pop.className = "term-pop"; pop.setAttribute("popover", ""); pop.setAttribute("role", "note");
    var name = document.createElement("b"), text = document.createElement("span"), more = document.createElement("a");
    name.textContent = link.textContent; text.className = "term-def"; more.href = link.href; more.textContent = "→";
    pop.append(name, " ", text, " ", more);
    link.insertAdjacentElement("afterend", pop);
    withDefinitions(function () {
      var known = definitions[termOf(link)];
      if (!known) return;
      name.textContent = known[0]; text.textContent = known[1];
      if (labels.more) more.setAttribute("aria-label", labels.more.replace("{term}", known[0]));
    });
    return pop;
  }
  if (labels.terms && HTMLElement.prototype.showPopover) {
    Array.prototype.forEach.call(document.querySelectorAll("a.term"), function (link) {
      if (!termOf(link)) return;
      link.setAttribute("aria-controls", "term-" + termOf(link));
      link.setAttribute("aria-expanded", "false");
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var pop = popoverOf(link);
        if (!pop.dataset.watched) {
          pop.dataset.watched = "1";
          pop.addEventListener("toggle", function (e) {
            document.querySelectorAll('a.term[aria-controls="' + pop.id + '"]').forEach(function (a) {
              a.setAttribute("aria-expanded", String(e.newState === "open"));
            });
          });
        }
        if (pop.matches(":popover-open")) pop.hidePopover(); else pop.showPopover();
      });
    });
  }

  // Listening is for Chinese paragraphs only: its code (listen.js) is loaded only where the
  // page has one and the device can speak.
  if (window.speechSynthesis && document.querySelector(".paragraph[id]:lang(zh)")) {
    var listen = document.createElement("script");
    listen.src = script.src.replace(/tools\.js$/, "listen.js");
    ["listen", "stop", "listenLabel"].forEach(function (k) { listen.dataset[k] = labels[k]; });
    document.head.appendChild(listen);
  }
})();
