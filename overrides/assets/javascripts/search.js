// The search results page (/tim-kiem/?q=...) and the search bar on every page.
//
// The results page's form, filters, result list and "nothing found" help are markup of
// their own (templates/search.html, labelled for screen readers); this script runs the
// queries through Pagefind's JavaScript API (<site>/pagefind/pagefind.js, written by the
// build) and draws the results. Pagefind's URL is derived from this script's own URL,
// which stays right under any sub-path and after Material's instant page changes.
//
// Vietnamese folding: Pagefind folds tone marks ("ho ngheo" finds "hộ nghèo") but not
// "đ", which Unicode does not decompose. So every word that starts with d or đ is
// searched both ways: "dau tu cong" runs "dau tu cong" and "đau tu cong", "đầu tư công"
// runs "dầu tư công" and "đầu tư công", and the results are merged. A query typed with or
// without diacritics therefore finds the same pages, and excerpts come from the page's
// own text, in proper Vietnamese. See docs/maintainers/search.md.
//
// A large site's index is written in parts (site_builder/search_index.py): the first in
// pagefind/, the others listed in pagefind/parts.json and merged here with mergeIndex.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script ? script.src : window.location.href);
  var PAGE_SIZE = 10;
  // 2^k searches for k words starting with d/đ; beyond this many words, the rest are
  // searched as typed (Vietnamese queries rarely have more than four such syllables).
  var MAX_VARIED_WORDS = 4;
  var loading = null;

  // The folders of the index's further parts, relative to pagefind/ ([] for one part).
  function loadParts() {
    return fetch(new URL("pagefind/parts.json", root).href)
      .then(function (response) { return response.ok ? response.json() : []; })
      .catch(function () { return []; });
  }

  function loadPagefind() {
    if (!loading) {
      loading = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href),
        loadParts(),
      ]).then(function (loaded) {
        var pagefind = loaded[0];
        return pagefind.options({ baseUrl: root.pathname }).then(function () {
          pagefind.init();
          return Promise.all(loaded[1].map(function (folder) {
            var bundle = new URL("pagefind/" + folder, root).pathname;
            return pagefind.mergeIndex(bundle, { baseUrl: root.pathname });
          }));
        }).then(function () { return pagefind; });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // Lower case, no diacritics, đ as d: the form of the wards' keys (pages.WardShortcut).
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  // The queries to run for what the reader typed: each word starting with d or đ both
  // ways, the other words as typed (Pagefind folds their tone marks itself).
  function variants(query) {
    var words = query.normalize("NFC").split(/\s+/).filter(Boolean);
    var list = [[]];
    var varied = 0;
    words.forEach(function (word) {
      var alternatives = [word];
      if (/^[dDđĐ]/.test(word) && varied < MAX_VARIED_WORDS) {
        varied += 1;
        var rest = word.slice(1);
        alternatives = ["d" + rest, "đ" + rest];
      }
      var next = [];
      list.forEach(function (prefix) {
        alternatives.forEach(function (alternative) { next.push(prefix.concat([alternative])); });
      });
      list = next;
    });
    return list.map(function (parts) { return parts.join(" "); }).filter(Boolean);
  }

  // Whether matched word positions hold a run of `length` consecutive words: the
  // query's words in a row, as a phrase ("đầu tư công"), not scattered over the page.
  function hasRun(positions, length) {
    if (length < 2) return false;
    var sorted = positions.slice().sort(function (a, b) { return a - b; });
    var run = 1;
    for (var i = 1; i < sorted.length; i += 1) {
      run = sorted[i] === sorted[i - 1] + 1 ? run + 1 : (sorted[i] === sorted[i - 1] ? run : 1);
      if (run >= length) return true;
    }
    return false;
  }

  // Every page any variant finds: pages holding the query as a phrase first, then by
  // Pagefind's score (the best of the variants that found the page).
  function find(pagefind, query, filters) {
    var options = { filters: filters || {} };
    var length = query.split(/\s+/).filter(Boolean).length;
    return Promise.all(variants(query).map(function (term) {
      return pagefind.search(term, options);
    })).then(function (answers) {
      var byId = new Map();
      answers.forEach(function (answer) {
        if (!answer) return;  // a search superseded by a newer one
        answer.results.forEach(function (result) {
          var known = byId.get(result.id);
          var phrase = hasRun(result.words || [], length);
          if (!known) {
            byId.set(result.id, { result: result, score: result.score, phrase: phrase });
          } else {
            known.score = Math.max(known.score, result.score);
            known.phrase = known.phrase || phrase;
          }
        });
      });
      return Array.from(byId.values()).sort(function (a, b) {
        return (b.phrase - a.phrase) || (b.score - a.score);
      }).map(function (entry) { return entry.result; });
    });
  }

  // Pagefind's excerpt is page text with <mark> around the matched words and only "<"
  // and ">" escaped: draw it as text nodes and <mark> elements, never as HTML.
  function appendExcerpt(container, excerpt) {
    var target = container;
    (excerpt || "").split(/(<\/?mark>)/).forEach(function (part) {
      if (part === "<mark>") {
        target = container.appendChild(document.createElement("mark"));
      } else if (part === "</mark>") {
        target = container;
      } else if (part) {
        target.appendChild(document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">")));
      }
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
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
    appendExcerpt(excerpt, data.excerpt);
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
        return find(pagefind, text, filters()).then(function (results) {
          if (ticket !== sequence) return null;
          current = results;
          if (!results.length) {
            status.textContent = fill(labels.none, { q: text });
            help.hidden = false;
            box.setAttribute("data-state", "done");
            return null;
          }
          status.textContent = fill(labels.count, { n: results.length.toLocaleString("vi-VN"), q: text });
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
      variants: variants,
      find: function (text, chosen) {
        return loadPagefind().then(function (pagefind) {
          return find(pagefind, text.normalize("NFC"), chosen);
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
