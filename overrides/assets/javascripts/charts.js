// Draws each chart of a page when it scrolls into view.
//
// plotly.js (about 1.2 MB) is loaded once, and only by pages that have a chart: the
// chart element carries its spec in `data-chart` and the bundle's relative URL in
// `data-plotly-src`. Material's instant navigation swaps pages without running page
// scripts again, so setup subscribes to its `document$` observable, which fires on
// the first load and after every instant page change.
(function () {
  "use strict";
  var loading = null;

  function loadPlotly(src) {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL(src, window.location.href).href;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { loading = null; reject(new Error("plotly.js failed to load")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function draw(element) {
    var spec = JSON.parse(element.getAttribute("data-chart"));
    return loadPlotly(element.getAttribute("data-plotly-src"))
      .then(function (Plotly) { return Plotly.newPlot(element, spec.data, spec.layout, spec.config); })
      .then(function () { element.setAttribute("data-drawn", "true"); })
      .catch(function () { element.setAttribute("data-drawn", "failed"); });
  }

  function setup() {
    var elements = document.querySelectorAll("[data-chart]:not([data-drawn])");
    if (!elements.length) return;
    if (!("IntersectionObserver" in window)) { elements.forEach(draw); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); draw(entry.target); }
      });
    }, { rootMargin: "200px" });
    elements.forEach(function (element) { observer.observe(element); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
