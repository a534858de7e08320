// The search results page (/tim-kiem/?q=...) and the search bar on every page.
//
// The results page's form, filters, result list and "nothing found" help are markup of
// their own (templates/search.html, labelled for screen readers); this script runs the
// queries through Pagefind's JavaScript API (<site>/pagefind/pagefind.js, written by the
// build) and draws the results. Pagefind's URL is derived from this script's own URL,
// which stays right under any sub-path and after Material's instant page changes.
//
// The Vietnamese folding of queries (every word starting with d or đ searched both ways),
// the ranking of the merged results and the loading of an index in parts are in
// search-core.js (window.sbSearchCore), shared with the national page. See
// docs/maintainers/search.md.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script ? script.src : window.location.href);
  var PAGE_SIZE = 10;
  // Counts written the page's way: "1.234" on Vietnamese pages, "1,234" on English ones.
  var LOCALE = document.documentElement.lang === "en" ? "en" : "vi-VN";
  var core = window.sbSearchCore;
  var loading = null;

  function loadPagefind() {
    if (!loading) {
      var options = { baseUrl: root.pathname };
      loading = core.open([{ bundle: new URL("pagefind/", root).pathname, options: options }]);
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  var element = core.element;
  var fill = core.fill;

  // Show the direct link to every ward whose name the query contains.
  function showShortcuts(query) {
    var nav = document.getElementById("sb-shortcuts");
    if (!nav) return;
    var folded = " " + core.fold(query) + " ";
    var any = false;
    nav.querySelectorAll("li[data-key]").forEach(function (item) {
      var hit = folded.indexOf(" " + item.getAttribute("data-key") + " ") >= 0;
      item.hidden = !hit;
      any = any || hit;
    });
    nav.hidden = !any;
  }

  // The index holds the Vietnamese pages; the English results page (data-page-prefix
  // "en/") links to each page's English copy, at the same path under en/.
  function inCopy(url, prefix) {
    var base = root.pathname;
    return url.indexOf(base) === 0 ? base + prefix + url.slice(base.length) : url;
  }

  function renderResult(data, labels) {
    var item = element("li", "sb-result");
    var title = element("h2", "sb-result__title");
    var link = element("a", "sb-result__link", (data.meta && data.meta.title) || data.url);
    link.href = labels.prefix ? inCopy(data.url, labels.prefix) : data.url;
    title.appendChild(link);
    item.appendChild(title);
    var meta = data.meta || {};
    var tags = element("p", "sb-result__tags");
    [
      meta[labels.kindKey],
      meta[labels.wardKey],
      meta[labels.statusKey] ? labels.statusKey + ": " + meta[labels.statusKey] : null,
    ].forEach(function (text) {
      if (text) tags.appendChild(element("span", "sb-result__tag", text));
    });
    if (tags.childNodes.length) item.appendChild(tags);
    var excerpt = element("p", "sb-result__excerpt");
    core.appendExcerpt(excerpt, data.excerpt);
    item.appendChild(excerpt);
    return item;
  }

  function setup() {
    var box = document.getElementById("sb-search");
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q") || "";
    var bar = document.getElementById("sb-q");
    if (bar && query) bar.value = query;
    if (!box || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "loading");

    var form = document.getElementById("sb-search-form");
    var input = document.getElementById("sb-search-input");
    var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-filter]"));
    var status = document.getElementById("sb-search-status");
    var list = document.getElementById("sb-results");
    var more = document.getElementById("sb-more");
    var help = document.getElementById("sb-no-results");
    var labels = {
      searching: box.getAttribute("data-searching"),
      count: box.getAttribute("data-count"),
      none: box.getAttribute("data-none"),
      failed: box.getAttribute("data-failed"),
      wardKey: box.getAttribute("data-ward-key"),
      kindKey: box.getAttribute("data-kind-key"),
      statusKey: box.getAttribute("data-status-key"),
      prefix: box.getAttribute("data-page-prefix"),
    };
    var current = [];
    var shown = 0;
    var sequence = 0;
    var timer = null;

    input.value = query;
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted) select.value = wanted;
    });

    function filters() {
      var chosen = {};
      selects.forEach(function (select) {
        if (select.value) chosen[select.getAttribute("data-filter")] = select.value;
      });
      return chosen;
    }

    function remember(text) {
      var url = new URL(window.location.href);
      url.search = "";
      if (text) url.searchParams.set("q", text);
      selects.forEach(function (select) {
        if (select.value) url.searchParams.set(select.name, select.value);
      });
      window.history.replaceState(window.history.state, "", url.href);
    }

    function showMore(pagefind, ticket) {
      var batch = current.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      more.hidden = true;
      return Promise.all(batch.map(function (result) { return result.data(); }))
        .then(function (pages) {
          if (ticket !== sequence) return;
          pages.forEach(function (data) { list.appendChild(renderResult(data, labels)); });
          more.hidden = shown >= current.length;
        });
    }

    function run(text) {
      var ticket = ++sequence;
      text = text.trim();
      showShortcuts(text);
      remember(text);
      list.textContent = "";
      more.hidden = true;
      help.hidden = true;
      current = [];
      shown = 0;
      box.setAttribute("data-state", text ? "searching" : "idle");
      if (!text) {
        status.textContent = "";
        return Promise.resolve();
      }
      status.textContent = labels.searching;
      return loadPagefind().then(function (pagefind) {
        return core.find(pagefind, text, filters()).then(function (results) {
          if (ticket !== sequence) return null;
          current = results;
          if (!results.length) {
            status.textContent = fill(labels.none, { q: text });
            help.hidden = false;
            box.setAttribute("data-state", "done");
            return null;
          }
          status.textContent = fill(labels.count, { n: results.length.toLocaleString(LOCALE), q: text });
          return showMore(pagefind, ticket).then(function () {
            if (ticket === sequence) box.setAttribute("data-state", "done");
          });
        });
      }).catch(function () {
        if (ticket !== sequence) return;
        status.textContent = labels.failed;
        box.setAttribute("data-state", "failed");
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      run(input.value.normalize("NFC"));
    });
    input.addEventListener("input", function () {
      showShortcuts(input.value);
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { run(input.value.normalize("NFC")); }, 300);
    });
    selects.forEach(function (select) {
      select.addEventListener("change", function () { run(input.value.normalize("NFC")); });
    });
    more.addEventListener("click", function () {
      var first = list.children.length;
      loadPagefind().then(function (pagefind) { return showMore(pagefind, sequence); })
        .then(function () {
          var link = list.children[first] && list.children[first].querySelector("a");
          if (link) link.focus();
        });
    });

    // For tests and measurements: the page ids the site's own search finds for a query.
    window.sbSearch = {
      variants: core.variants,
      find: function (text, chosen) {
        return loadPagefind().then(function (pagefind) {
          return core.find(pagefind, text.normalize("NFC"), chosen);
        }).then(function (results) { return results.map(function (result) { return result.id; }); });
      },
    };

    box.setAttribute("data-ready", "true");
    run(query.normalize("NFC"));
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
