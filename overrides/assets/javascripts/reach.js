// The report's print button and the embed code's copy button (issue #17).
//
// Both buttons are hidden in the markup and shown here, so a reader without JavaScript
// never sees a button that does nothing (the report prints with the browser's own
// command; the embed code can be selected and copied by hand). Where the site's address
// is not configured, the embed code carries the embed page's address relative to the
// target page; it is made absolute here from the page's own location, which is right
// under any sub-path. Instant navigation swaps pages without running page scripts
// again, so setup subscribes to Material's `document$`.
(function () {
  "use strict";

  function copy(textarea, button) {
    var done = function () {
      button.textContent = button.getAttribute("data-done");
    };
    textarea.focus();
    textarea.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(textarea.value).then(done, function () {
        if (document.execCommand("copy")) done();
      });
    } else if (document.execCommand("copy")) {
      done();
    }
  }

  function setup() {
    document.querySelectorAll("[data-sb-print]").forEach(function (button) {
      button.hidden = false;
      button.onclick = function () { window.print(); };
    });
    document.querySelectorAll("[data-sb-embed]").forEach(function (box) {
      var textarea = box.querySelector("textarea");
      var button = box.querySelector("[data-sb-copy]");
      var relative = textarea.getAttribute("data-relative-src");
      if (relative) {
        var absolute = new URL(relative, window.location.href).href;
        textarea.value = textarea.value.replace('src="' + relative + '"', 'src="' + absolute + '"');
        textarea.removeAttribute("data-relative-src");
        box.querySelectorAll("[data-sb-embed-relative]").forEach(function (note) { note.hidden = true; });
      }
      if (button) {
        button.hidden = false;
        button.onclick = function () { copy(textarea, button); };
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
