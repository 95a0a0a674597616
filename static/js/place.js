// The language switch keeps the reader's place: it opens the other language at the paragraph
// (or section heading) in view, as each paragraph's own link does. Paragraph ids are the same
// in both languages. Horizontal pages read top to bottom, vertical Mongolian pages left to right.
(function () {
  "use strict";
  var ID = /^c\d+s\d+(p\d+)?$/;
  var vertical = document.documentElement.classList.contains("vertical");

  // The first paragraph (else section) that has not yet scrolled past the start of the screen.
  function inView() {
    var marks = document.querySelectorAll("main [id]"), section = null;
    for (var i = 0; i < marks.length; i++) {
      var match = ID.exec(marks[i].id);
      if (!match) continue;
      var box = marks[i].getBoundingClientRect();
      if ((vertical ? box.right : box.bottom) <= 8) continue;
      if (match[1]) return marks[i].id;
      section = section || marks[i].id;
    }
    return section;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-keep-place]");
    if (!link) return;
    var id = inView();
    if (id) link.href = link.href.split("#")[0] + "#" + id;
  });
})();
