// The national entry page (site_builder/national.py): one search across the provinces.
//
// Each province link carries its Pagefind bundle (data-bundle). Pagefind's JavaScript
// API comes from the first province's bundle; every other province's bundle, and every
// further part of each province's index (pagefind/parts.json), is merged with mergeIndex
// (sbSearchCore.open). Each index gets a filter holding its province's name
// (mergeFilter), so the province list narrows the results to one province. Result links
// use each province's own site path (baseUrl).
//
// The queries run through search-core.js, loaded from the first province's site (the
// same code as the provinces' own results pages): every word starting with d or đ is
// searched both ways, so "duong" finds "đường" in every province.
(function () {
  "use strict";
  var PAGE_SIZE = 10;
  var core = window.sbSearchCore;
  var box = document.getElementById("nat-search");
  var links = document.querySelectorAll("#nat-provinces a[data-bundle]");
  if (!box || !links.length) return;
  var failed = document.getElementById("nat-search-failed");
  if (!core) {
    box.setAttribute("data-ready", "failed");
    if (failed) failed.hidden = false;
    return;
  }
  var filterName = box.getAttribute("data-filter");
  var labels = {
    searching: box.getAttribute("data-searching"),
    count: box.getAttribute("data-count"),
    none: box.getAttribute("data-none"),
    kindKey: box.getAttribute("data-kind-key"),
    wardKey: box.getAttribute("data-ward-key"),
  };
  var here = window.location.href;
  var provinces = Array.prototype.map.call(links, function (link) {
    return {
      name: link.textContent.trim(),
      site: new URL(link.getAttribute("href"), here).pathname,
      bundle: new URL(link.getAttribute("data-bundle"), here).pathname,
    };
  });
  var form = document.getElementById("nat-search-form");
  var input = document.getElementById("nat-search-input");
  var select = document.getElementById("nat-filter");
  var status = document.getElementById("nat-search-status");
  var list = document.getElementById("nat-results");
  var more = document.getElementById("nat-more");
  var loading = null;
  var current = [];
  var shown = 0;
  var sequence = 0;
  var timer = null;

  function loadPagefind() {
    if (!loading) {
      loading = core.open(provinces.map(function (province) {
        var filter = {};
        filter[filterName] = province.name;
        return { bundle: province.bundle, options: { baseUrl: province.site, mergeFilter: filter } };
      }));
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  var element = core.element;
  var fill = core.fill;

  function provinceOf(url) {
    var path = new URL(url, here).pathname;
    var found = provinces.filter(function (province) { return path.indexOf(province.site) === 0; });
    return found.length ? found[0].name : null;
  }

  function renderResult(data) {
    var item = element("li", "nat-result");
    var title = element("h3", "nat-result__title");
    var link = element("a", "nat-result__link", (data.meta && data.meta.title) || data.url);
    link.href = data.url;
    title.appendChild(link);
    item.appendChild(title);
    var meta = data.meta || {};
    var tags = element("p", "nat-result__tags");
    [provinceOf(data.url), meta[labels.wardKey], meta[labels.kindKey]].forEach(function (text) {
      if (text) tags.appendChild(element("span", "nat-result__tag", text));
    });
    if (tags.childNodes.length) item.appendChild(tags);
    var excerpt = element("p", "nat-result__excerpt");
    core.appendExcerpt(excerpt, data.excerpt);
    item.appendChild(excerpt);
    return item;
  }

  function remember(text) {
    var url = new URL(window.location.href);
    url.search = "";
    if (text) url.searchParams.set("q", text);
    if (select.value) url.searchParams.set(select.name, select.value);
    window.history.replaceState(window.history.state, "", url.href);
  }

  function filters() {
    var chosen = {};
    if (select.value) chosen[filterName] = select.value;
    return chosen;
  }

  function showMore(ticket) {
    var batch = current.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    more.hidden = true;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (ticket !== sequence) return;
      pages.forEach(function (data) { list.appendChild(renderResult(data)); });
      more.hidden = shown >= current.length;
    });
  }

  function run(text) {
    var ticket = ++sequence;
    text = text.normalize("NFC").trim();
    remember(text);
    list.textContent = "";
    more.hidden = true;
    current = [];
    shown = 0;
    box.setAttribute("data-state", text ? "searching" : "idle");
    if (!text) {
      status.textContent = "";
      return Promise.resolve();
    }
    status.textContent = labels.searching;
    return loadPagefind().then(function (pagefind) {
      return core.find(pagefind, text, filters());
    }).then(function (results) {
      if (ticket !== sequence) return null;
      current = results;
      if (!results.length) {
        status.textContent = fill(labels.none, { q: text });
        box.setAttribute("data-state", "done");
        return null;
      }
      status.textContent = fill(labels.count, { n: results.length.toLocaleString("vi-VN"), q: text });
      return showMore(ticket).then(function () {
        if (ticket === sequence) box.setAttribute("data-state", "done");
      });
    }).catch(function () {
      if (ticket !== sequence) return;
      status.textContent = "";
      box.setAttribute("data-state", "failed");
      if (failed) failed.hidden = false;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    run(input.value);
  });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { run(input.value); }, 300);
  });
  select.addEventListener("change", function () { run(input.value); });
  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore(sequence).then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  var wanted = params.get(select.name);
  if (wanted) select.value = wanted;
  form.hidden = false;
  box.setAttribute("data-ready", "true");
  run(input.value);
})();
