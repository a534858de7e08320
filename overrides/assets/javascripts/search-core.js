// The search both kinds of site share: a province's results page (search.js) and the
// national page (site_builder/assets/national.js, which loads this file from the first
// province's site). It defines window.sbSearchCore; it draws nothing.
//
// Vietnamese folding: Pagefind folds tone marks ("ho ngheo" finds "hộ nghèo") but not
// "đ", which Unicode does not decompose. So every word that starts with d or đ is
// searched both ways: "dau tu cong" runs "dau tu cong" and "đau tu cong", "đầu tư công"
// runs "dầu tư công" and "đầu tư công", and the results are merged. A query typed with or
// without diacritics therefore finds the same pages, and excerpts come from the page's
// own text, in proper Vietnamese. See docs/maintainers/search.md.
//
// An index may be in parts (site_builder/search_index.py): the first in pagefind/, the
// others listed in pagefind/parts.json. open() loads one bundle and merges its further
// parts and any other bundles (the national page's provinces) with mergeIndex.
(function () {
  "use strict";
  // 2^k searches for k words starting with d/đ; beyond this many words, the rest are
  // searched as typed (Vietnamese queries rarely have more than four such syllables).
  var MAX_VARIED_WORDS = 4;

  // The folders of a bundle's further parts, relative to the bundle ([] for one part).
  // `bundle` is the bundle's URL, ending in "/".
  function parts(bundle) {
    return fetch(bundle + "parts.json")
      .then(function (response) { return response.ok ? response.json() : []; })
      .catch(function () { return []; });
  }

  // Pagefind's JavaScript API for the bundles in `indexes` ({bundle, options}, bundle a
  // path ending in "/", options as Pagefind's: baseUrl, mergeFilter): the first one's
  // pagefind.js, then every further part of every bundle merged with its bundle's options.
  function open(indexes) {
    var first = indexes[0];
    return Promise.all([import(first.bundle + "pagefind.js")].concat(indexes.map(function (index) {
      return parts(index.bundle);
    }))).then(function (loaded) {
      var pagefind = loaded[0];
      return pagefind.options(first.options).then(function () {
        pagefind.init();
        var merges = [];
        indexes.forEach(function (index, number) {
          [""].concat(loaded[number + 1]).forEach(function (folder) {
            if (number === 0 && folder === "") return;  // the primary index
            merges.push(pagefind.mergeIndex(index.bundle + folder, index.options));
          });
        });
        return Promise.all(merges);
      }).then(function () { return pagefind; });
    });
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
    return list.map(function (words) { return words.join(" "); }).filter(Boolean);
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

  // A new element with a class and a text (either may be left out).
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A label with its "{name}" fields filled in: fill("{count} results", {count: 3}).
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  window.sbSearchCore = {
    element: element,
    fill: fill,
    open: open,
    fold: fold,
    variants: variants,
    hasRun: hasRun,
    find: find,
    appendExcerpt: appendExcerpt,
  };
})();
