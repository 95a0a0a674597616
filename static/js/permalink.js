// A shared link may name a paragraph that is not in this chapter (mistyped, or moved in a
// later edition). Say so, instead of silently showing the top of the chapter.
(function () {
  "use strict";
  var note = document.getElementById("missing-anchor");
  if (!note) return;
  function check() {
    var id = decodeURIComponent(location.hash.slice(1));
    var missing = id && !document.getElementById(id);
    note.hidden = !missing;
    if (missing) note.textContent = note.dataset.message.replace("{id}", id);
  }
  check();
  window.addEventListener("hashchange", check);
})();
