// Autosave for the comment editor: an enhancement only. The Save button works without it. After a
// pause in typing, the form is posted as the button would post it (same CSRF token, same version), minus
// any chosen files; the new version and CSRF token are read back from the answer. A conflict stops
// autosaving and reloads nothing: the person saves by hand and sees the differences.
(function () {
  "use strict";
  const PAUSE_MS = 4000;
  window.marginConsult.register("comment-autosave", (marker) => {
    const form = marker.closest("form");
    const status = document.getElementById("autosave-status");
    if (!form || !window.fetch || !window.FormData) { return; }
    let timer = null;
    let busy = false;
    let stopped = false;
    const say = (text) => { if (status) { status.textContent = text; } };
    const save = async () => {
      if (busy || stopped) { return; }
      busy = true;
      const data = new FormData(form);
      data.delete("file");
      data.set("action", "save");
      try {
        // not form.action: the Save buttons are named "action", so that property is the buttons
        const response = await fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin" });
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        if (response.ok) {
          const version = page.querySelector("input[name=version]");
          if (version) { form.querySelector("input[name=version]").value = version.value; }
          // the page that answered set a new CSRF cookie; its token must go with the next save
          const token = page.querySelector("input[name=csrf-token]");
          const mine = form.querySelector("input[name=csrf-token]");
          if (token && mine) { mine.value = token.value; }
          say("Saved automatically at " + new Date().toLocaleTimeString() + ".");
        } else if (response.status === 409) {
          stopped = true;
          say("Someone else saved this comment. Autosave is paused: press Save to see the differences.");
        } else {
          say("Not saved automatically: press Save to see why.");
        }
      } catch (e) {
        say("Not saved automatically (no connection). Your text is still here.");
      } finally {
        busy = false;
      }
    };
    form.addEventListener("input", (event) => {
      if (event.target && event.target.type === "file") { return; }
      clearTimeout(timer);
      timer = setTimeout(save, PAUSE_MS);
    });
  });
})();
