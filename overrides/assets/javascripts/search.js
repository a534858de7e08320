// The search results page (/tim-kiem/?q=...) and the search bar on every page.
//
// Pagefind's index and UI are written by the build into <site>/pagefind/. Their URL is
// derived from this script's own URL, which stays right under any sub-path and after
// Material's instant page changes (a page-relative base would not). Queries are put in
// NFC, so text typed as decomposed Unicode matches; Pagefind folds tone marks itself,
// and every page carries a folded copy of its names for "đ" (see pages.SearchView).
// A large site's index is written in parts (site_builder/search_index.py): the first in
// pagefind/, the others listed in pagefind/parts.json and merged here with mergeIndex.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script ? script.src : window.location.href);
  var loading = null;
  var parts = null;

  function loadUi() {
    if (window.PagefindUI) return Promise.resolve(window.PagefindUI);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = new URL("pagefind/pagefind-ui.css", root).href;
        document.head.appendChild(css);
        var js = document.createElement("script");
        js.src = new URL("pagefind/pagefind-ui.js", root).href;
        js.onload = function () { resolve(window.PagefindUI); };
        js.onerror = function () { loading = null; reject(new Error("search failed to load")); };
        document.head.appendChild(js);
      });
    }
    return loading;
  }

  // The folders of the index's further parts, relative to pagefind/ ([] for one part).
  function loadParts() {
    if (!parts) {
      parts = fetch(new URL("pagefind/parts.json", root).href)
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { parts = null; return []; });
    }
    return parts;
  }

  // Lower case, no diacritics, đ as d: the form of the wards' keys (pages.WardShortcut).
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  // Show the direct link to every ward whose name the query contains.
  function showShortcuts(query) {
    var nav = document.getElementById("sb-shortcuts");
    if (!nav) return;
    var folded = " " + fold(query) + " ";
    var any = false;
    nav.querySelectorAll("li[data-key]").forEach(function (item) {
      var hit = folded.indexOf(" " + item.getAttribute("data-key") + " ") >= 0;
      item.hidden = !hit;
      any = any || hit;
    });
    nav.hidden = !any;
  }

  function setup() {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var input = document.getElementById("sb-q");
    if (input && query) input.value = query;
    var box = document.getElementById("sb-search");
    if (!box || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "loading");
    var nav = document.getElementById("sb-shortcuts");
    if (nav) box.parentNode.insertBefore(nav, box);
    showShortcuts(query);
    box.addEventListener("input", function (event) {
      if (event.target && event.target.value !== undefined) showShortcuts(event.target.value);
    });
    Promise.all([loadUi(), loadParts()]).then(function (loaded) {
      var PagefindUI = loaded[0];
      var ui = new PagefindUI({
        element: "#sb-search",
        bundlePath: new URL("pagefind/", root).pathname,
        baseUrl: root.pathname,
        showImages: false,
        showSubResults: true,
        mergeIndex: loaded[1].map(function (folder) {
          return { bundlePath: new URL("pagefind/" + folder, root).pathname, baseUrl: root.pathname };
        }),
        // Each result shows its ward and status from the page's metadata tags.
        processTerm: function (term) { return term.normalize("NFC"); },
      });
      if (query) ui.triggerSearch(query.normalize("NFC"));
      box.setAttribute("data-ready", "true");
    }).catch(function () {
      box.setAttribute("data-ready", "failed");
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
