// Vertical Mongolian inside a horizontal page (side-by-side cells, glossary definitions): the
// width of such a block is set by the page, and its columns need a height that CSS cannot
// derive from that width. Make each block just tall enough for all its columns to fit the
// width it has, so that none of it is hidden behind a sideways scrollbar. Without script the
// blocks keep the heights of portal.css and scroll sideways.
(function () {
  var MIN = 64; // px: a block never shrinks below a short word

  function fit(block) {
    block.style.height = "";
    block.style.overflowX = "hidden";
    var height = block.clientHeight;
    // Text area is about constant: height × columns' width. Two estimates, then grow until it fits.
    for (var i = 0; i < 2; i++) {
      var have = block.clientWidth, need = block.scrollWidth;
      if (!have) return;
      height = Math.max(MIN, Math.ceil(height * need / have));
      block.style.height = height + "px";
    }
    for (var tries = 0; tries < 40 && block.scrollWidth > block.clientWidth + 1; tries++) {
      height = Math.ceil(height * 1.05) + 4;
      block.style.height = height + "px";
    }
    block.dataset.fitted = String(height);
  }

  function fitAll() {
    var blocks = document.querySelectorAll("[data-fit]");
    for (var i = 0; i < blocks.length; i++) fit(blocks[i]);
  }

  var pending = null;
  function later() {
    if (pending) clearTimeout(pending);
    pending = setTimeout(fitAll, 120);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fitAll);
  else fitAll();
  // The web font changes every column's length: fit again once it is in.
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitAll);
  window.addEventListener("resize", later);
  window.addEventListener("load", fitAll);
})();
