// Live progress of an impact run: polls the run's progress and updates the bar in place, then opens
// the result. Without this script the page's meta refresh does the same, a page load at a time.
(function () {
  "use strict";
  marginConsult.register("impact-progress", (el) => {
    const meta = document.querySelector('meta[http-equiv="refresh"]');
    if (meta) { meta.remove(); }
    const bar = el.querySelector("progress");
    const percent = el.querySelector(".run-percent");
    const stage = el.querySelector(".run-stage");
    const badge = el.querySelector(".status-badge");
    const poll = () => {
      fetch(el.dataset.progressUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
        .then((p) => {
          bar.value = p.progress;
          bar.textContent = p.progress + "%";
          percent.textContent = p.progress;
          stage.textContent = p.stage;
          badge.textContent = p.status;
          if (p.status === "DONE" || p.status === "FAILED") {
            window.location.assign(el.dataset.resultUrl);
          } else {
            window.setTimeout(poll, 1000);
          }
        })
        .catch(() => window.setTimeout(() => window.location.reload(), 3000));
    };
    window.setTimeout(poll, 500);
  });
})();
