// Vertical Mongolian pages scroll sideways. A mouse wheel only scrolls up and down, so turn
// its vertical motion into horizontal scrolling of the page. Touch, trackpad sideways swipes
// and the keyboard already scroll the right way and are left alone.
(function () {
  var scroller = document.scrollingElement || document.documentElement;
  window.addEventListener("wheel", function (event) {
    if (event.ctrlKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) return;
    var unit = event.deltaMode === 1 ? 32 : event.deltaMode === 2 ? scroller.clientWidth : 1;
    var before = scroller.scrollLeft;
    scroller.scrollLeft += event.deltaY * unit;
    if (scroller.scrollLeft !== before) event.preventDefault();
  }, { passive: false });
})();
