// Progressive enhancement only: every page works without this file. Features register an
// enhancer for elements that carry a data-enhance attribute.
(function () {
  "use strict";
  const enhancers = {};
  window.marginConsult = {
    register(name, fn) { enhancers[name] = fn; },
    // When the sign-in has ended, a script's request is answered 499 (the server does not send it to
    // the login page): the status says so around a link that signs in again in a new tab.
    saySignedOut(status, before, after) {
      const again = document.createElement("a");
      again.href = window.location.href;
      again.target = "_blank";
      again.rel = "noopener";
      again.textContent = "sign in again in a new tab";
      status.replaceChildren(before, again, after);
    }
  };
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-enhance]").forEach((el) => {
      const fn = enhancers[el.dataset.enhance];
      if (fn) { fn(el); }
    });
  });
})();
