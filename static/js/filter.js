// Filter a listing as the reader types: an item matches on its visible text or on the
// extra words in its data-search (other Chinese forms, pinyin, Latin transliteration).
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
      var words = (item.textContent + " " + item.dataset.search).toLowerCase();
      var match = !wanted || words.indexOf(wanted) >= 0;
      item.hidden = !match;
      if (match) shown++;
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector("li:not([hidden])"); });
    if (empty) empty.hidden = shown > 0;
  });
})();
