// Upload progress for the portfolio form. Without this script the form is a plain multipart POST;
// with it, the same POST goes through XMLHttpRequest so the bar can show the bytes sent, then the
// page follows the server's answer exactly as the browser would have. When the sign-in has ended, the
// server answers 499 to this request (X-Requested-With; java-script-auto-redirect=false) instead of
// sending it to the login page, and the page says so with the file and fields still in the form.
(function () {
  "use strict";

  function enhance(container) {
    const form = container.closest("form");
    const box = container.querySelector(".upload-progress");
    const bar = container.querySelector("progress");
    const status = container.querySelector("#upload-progress-status");
    const button = container.querySelector("button[type=submit]");
    const maxBytes = Number(container.dataset.maxBytes);

    form.addEventListener("submit", (event) => {
      const file = form.querySelector("input[type=file]").files[0];
      if (file && maxBytes && file.size > maxBytes) {
        event.preventDefault();
        box.hidden = false;
        status.textContent = "This file is " + Math.ceil(file.size / 1048576) + " MB: the limit is "
          + container.dataset.maxSize + ". Split the portfolio into several uploads.";
        return;
      }
      event.preventDefault();
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-Requested-With", "JavaScript");
      xhr.upload.addEventListener("progress", (e) => {
        if (e.lengthComputable) {
          bar.value = Math.round((e.loaded / e.total) * 100);
          status.textContent = "Sent " + bar.value + "%";
        }
      });
      xhr.upload.addEventListener("load", () => {
        bar.removeAttribute("value");
        status.textContent = "Sent. Checking every line and storing the positions…";
      });
      xhr.addEventListener("load", () => {
        if (xhr.status === 499) {
          window.marginConsult.saySignedOut(status, "Not uploaded: your sign-in has ended. The file and the fields"
            + " are still here; ", ", then press Check and upload again.");
          button.disabled = false;
          return;
        }
        const landed = xhr.responseURL && new URL(xhr.responseURL).pathname !== new URL(form.action).pathname;
        if (xhr.status >= 200 && xhr.status < 300 && landed) {
          window.location.assign(xhr.responseURL);
          return;
        }
        const page = new DOMParser().parseFromString(xhr.responseText, "text/html");
        const main = page.querySelector("main");
        if (!main) {
          status.textContent = "The server answered " + xhr.status + ". Please try again.";
          button.disabled = false;
          return;
        }
        document.querySelector("main").replaceWith(main);
        document.title = page.title;
        const again = document.querySelector("[data-enhance=upload-progress]");
        if (again) {
          enhance(again);
        }
        const alert = document.querySelector("[role=alert]");
        if (alert) {
          alert.setAttribute("tabindex", "-1");
          alert.focus();
        }
      });
      xhr.addEventListener("error", () => {
        status.textContent = "The upload was interrupted. Check your connection and try again.";
        button.disabled = false;
      });
      box.hidden = false;
      button.disabled = true;
      bar.value = 0;
      status.textContent = "Starting upload…";
      xhr.send(new FormData(form));
    });
  }

  window.marginConsult.register("upload-progress", enhance);
})();
