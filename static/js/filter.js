// Filter a listing as the reader types: each item carries its searchable words in
// data-search (Chinese forms, Latin transliteration, pinyin, Mongolian).
(function () {
  "use strict";
  var input = document.querySelector("input[data-filter]");
  if (!input) return;
  var items = document.querySelectorAll(input.dataset.filter);
  var groups = document.querySelectorAll(input.dataset.filterGroups);
  var empty = document.querySelector(".filter-empty");
  input.addEventListener("input", function () {
    var wanted = input.value.trim().toLowerCase(), shown = 0;
    items.forEach(function (item) {
      var match = !wanted || item.dataset.search.toLowerCase().indexOf(wanted) >= 0;
      item.hidden = !match;
      if (match) shown++;
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector("li:not([hidden])"); });
    if (empty) empty.hidden = shown > 0;
  });
})();
