// The national entry page (site_builder/national.py): one search across the provinces.
//
// Each province link carries its Pagefind bundle (data-bundle). Pagefind's UI comes from
// the first province's bundle; every other province's bundle, and every further part of
// each province's index (pagefind/parts.json), is merged with mergeIndex. Each index gets
// a filter holding its province's name (mergeFilter), so results can be narrowed to one
// province. Result links use each province's own site path (baseUrl). Queries are put in
// NFC, as on the provinces' own results pages.
(function () {
  "use strict";
  var box = document.getElementById("nat-search");
  var links = document.querySelectorAll("#nat-provinces a[data-bundle]");
  if (!box || !links.length) return;
  var filterName = box.getAttribute("data-filter");
  var here = window.location.href;
  var provinces = Array.prototype.map.call(links, function (link) {
    return {
      name: link.textContent.trim(),
      site: new URL(link.getAttribute("href"), here).pathname,
      bundle: new URL(link.getAttribute("data-bundle"), here).pathname,
    };
  });

  function loadUi(bundle) {
    return new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = bundle + "pagefind-ui.css";
      document.head.appendChild(css);
      var js = document.createElement("script");
      js.src = bundle + "pagefind-ui.js";
      js.onload = function () { resolve(window.PagefindUI); };
      js.onerror = function () { reject(new Error("search failed to load")); };
      document.head.appendChild(js);
    });
  }

  // The further parts of a province's index, as folders of its bundle ([] for one part).
  function parts(province) {
    return fetch(province.bundle + "parts.json")
      .then(function (response) { return response.ok ? response.json() : []; })
      .catch(function () { return []; });
  }

  function tag(province) {
    var filter = {};
    filter[filterName] = province.name;
    return filter;
  }

  Promise.all([loadUi(provinces[0].bundle)].concat(provinces.map(parts))).then(function (loaded) {
    var PagefindUI = loaded[0];
    var merged = [];
    provinces.forEach(function (province, index) {
      var folders = [""].concat(loaded[index + 1]);
      folders.forEach(function (folder) {
        if (index === 0 && folder === "") return;  // the primary index
        merged.push({
          bundlePath: province.bundle + folder,
          baseUrl: province.site,
          mergeFilter: tag(province),
        });
      });
    });
    var ui = new PagefindUI({
      element: "#nat-search",
      bundlePath: provinces[0].bundle,
      baseUrl: provinces[0].site,
      mergeFilter: tag(provinces[0]),
      mergeIndex: merged,
      showImages: false,
      showSubResults: true,
      processTerm: function (term) { return term.normalize("NFC"); },
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query.normalize("NFC"));
    box.setAttribute("data-ready", "true");
  }).catch(function () {
    box.setAttribute("data-ready", "failed");
    var failed = document.getElementById("nat-search-failed");
    if (failed) failed.hidden = false;
  });
})();
