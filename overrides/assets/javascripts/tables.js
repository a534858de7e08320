// Makes a wide Markdown table a scroll region a keyboard can reach and a screen reader
// can name.
//
// Material wraps each Markdown table in `.md-typeset__scrollwrap` (overflow-x: auto) from
// its own script. A region that scrolls must be reachable with the keyboard (WCAG 2.1.1,
// axe rule scrollable-region-focusable) and a focusable region needs a name, so each
// wrapper that actually scrolls gets role="region", tabindex="0" and is named by the
// table's caption or the heading before it; one that stops scrolling (a wider window)
// loses them again, so it is no extra tab stop. Generated tables (`.sb-scroll`) carry
// this in their markup and stack on phones instead.
(function () {
  "use strict";
  var MARK = "data-sb-region";

  function labelFor(wrap, table) {
    if (table.caption && table.caption.id) return { labelledby: table.caption.id };
    if (table.caption) return { label: table.caption.textContent.trim() };
    // The nearest heading before the table names it ("Cách tính theo loại chỉ tiêu").
    var node = wrap;
    while (node && node !== document.body) {
      var previous = node.previousElementSibling;
      while (previous) {
        if (/^H[1-6]$/.test(previous.tagName) && previous.id) return { labelledby: previous.id };
        if (/^H[1-6]$/.test(previous.tagName)) return { label: previous.textContent.trim() };
        previous = previous.previousElementSibling;
      }
      node = node.parentElement;
    }
    return { label: document.title };
  }

  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var table = wrap.querySelector("table");
      if (!table) return;
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute(MARK)) {
        var name = labelFor(wrap, table);
        wrap.setAttribute(MARK, "");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("tabindex", "0");
        if (name.labelledby) wrap.setAttribute("aria-labelledby", name.labelledby);
        else wrap.setAttribute("aria-label", name.label);
      } else if (!scrolls && wrap.hasAttribute(MARK)) {
        [MARK, "role", "tabindex", "aria-labelledby", "aria-label"].forEach(function (name) {
          wrap.removeAttribute(name);
        });
      }
    });
  }

  function later() { window.requestAnimationFrame(update); }

  var resizing = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(update, 150);
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(later);
  } else {
    document.addEventListener("DOMContentLoaded", later);
  }
})();
