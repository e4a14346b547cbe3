// Progressive enhancement only: every page works without this file. Features register an
// enhancer for elements that carry a data-enhance attribute.
(function () {
  "use strict";
  const enhancers = {};
  window.marginConsult = {
    register(name, fn) { enhancers[name] = fn; }
  };
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-enhance]").forEach((el) => {
      const fn = enhancers[el.dataset.enhance];
      if (fn) { fn(el); }
    });
  });
})();
