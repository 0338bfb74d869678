// quorum serve: small improvements on pages that work without it.
// "/" focuses the search box; on a results page the up and down arrows move between
// hits; on a meeting page the passage opened is focused, so screen readers start there.
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var q = document.getElementById("q");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
      return;
    }
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && !typing) {
      var links = Array.prototype.slice.call(document.querySelectorAll("li.hit h2 a"));
      if (!links.length) { return; }
      var i = links.indexOf(document.activeElement);
      var next = e.key === "ArrowDown" ? i + 1 : (i < 0 ? links.length - 1 : i - 1);
      if (next >= 0 && next < links.length) { e.preventDefault(); links[next].focus(); }
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var hit = document.querySelector(".block.hit");
    if (hit) {
      if (!location.hash) { hit.scrollIntoView({ block: "center" }); }
      hit.focus({ preventScroll: true });
    }
  });
})();
