// Autosave for the comment editor: an enhancement only. The Save button works without it. After a
// pause in typing, the form is posted as the button would post it (same CSRF token, same version), minus
// any chosen files; the new version and CSRF token are read back from the answer. A conflict stops
// autosaving and reloads nothing: the person saves by hand and sees the differences.
// When the sign-in has ended (30 minutes without a request), the server answers 499 instead of sending
// the post to the login page (quarkus.oidc.authentication.java-script-auto-redirect=false and the
// X-Requested-With header): the page says so, keeps the text, offers a new tab to sign in again, and
// tries again every 15 seconds. "Saved" is said only when the answer is the editor itself.
(function () {
  "use strict";
  const PAUSE_MS = 4000;
  const SIGNED_OUT_RETRY_MS = 15000;
  window.marginConsult.register("comment-autosave", (marker) => {
    const form = marker.closest("form");
    const status = document.getElementById("autosave-status");
    if (!form || !window.fetch || !window.FormData) { return; }
    let timer = null;
    let busy = false;
    let stopped = false;
    const say = (text) => { if (status) { status.textContent = text; } };
    const saySignedOut = () => {
      if (!status) { return; }
      window.marginConsult.saySignedOut(status, "Not saved: your sign-in has ended. Your text is still on this page; ",
          ". This page saves it as soon as you are signed in (it tries every 15 seconds).");
    };
    const save = async () => {
      if (busy || stopped) { return; }
      busy = true;
      const data = new FormData(form);
      data.delete("file");
      data.set("action", "save");
      try {
        // not form.action: the Save buttons are named "action", so that property is the buttons
        const response = await fetch(form.getAttribute("action"), { method: "POST", body: data,
          credentials: "same-origin", headers: { "X-Requested-With": "JavaScript" } });
        if (response.status === 499) {
          saySignedOut();
          clearTimeout(timer);
          timer = setTimeout(save, SIGNED_OUT_RETRY_MS);
          return;
        }
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const version = page.querySelector("input[name=version]");
        if (response.ok && !version) {
          say("Not saved automatically: press Save to see why.");
        } else if (response.ok) {
          form.querySelector("input[name=version]").value = version.value;
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
