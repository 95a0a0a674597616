// Filter a listing as the reader types. An item matches on its visible text, or on the extra
// words of the entry it links to (other Chinese forms, related words, pinyin, Latin
// transliteration), keyed by the entry's id: the last folder of the link, "jin-mu/index.html"
// in the frozen site and "/zh/glossary/jin-mu/" in the live one.
// Those words are in a separate script (data-words), loaded when the filter is first used,
// so that the listing itself stays light on a slow connection.
(function () {
  "use strict";
  var input = document.querySelector("input[data-filter]");
  if (!input) return;
  var items = document.querySelectorAll(input.dataset.filter);
  var groups = document.querySelectorAll(input.dataset.filterGroups);
  var empty = document.querySelector(".filter-empty");
  var words = {}, requested = false;

  function entryId(item) {
    var parts = item.querySelector("a").getAttribute("href").split("/");
    return parts.filter(function (part) { return part && part !== "index.html"; }).pop();
  }

  function apply() {
    var wanted = input.value.trim().toLowerCase(), shown = 0;
    items.forEach(function (item) {
      var text = (item.textContent + " " + (words[entryId(item)] || "")).toLowerCase();
      var match = !wanted || text.indexOf(wanted) >= 0;
      item.hidden = !match;
      if (match) shown++;
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector("li:not([hidden])"); });
    if (empty) empty.hidden = shown > 0;
  }

  function requestWords() {
    if (requested || !input.dataset.words) return;
    requested = true;
    window.portalFilterWords = function (loaded) { words = loaded; apply(); };
    var script = document.createElement("script");
    script.src = input.dataset.words;
    document.head.appendChild(script);
  }

  input.addEventListener("focus", requestWords);
  input.addEventListener("input", function () { requestWords(); apply(); });
})();
