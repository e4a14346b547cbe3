// Enhances the server-written deadline with the reader's local time and a live countdown. The server
// text stays right without this script; the countdown corrects for a wrong clock on the reader's
// machine by measuring it against the server's time at render.
(function () {
  "use strict";

  function plural(n, unit) {
    return n + " " + unit + (n === 1 ? "" : "s");
  }

  // Rounded down, in the same words as the server: never tells a reader they have more time than they do.
  function remaining(ms) {
    if (ms <= 0) {
      return "no time: the comment period has closed";
    }
    const s = Math.floor(ms / 1000);
    const days = Math.floor(s / 86400);
    const hours = Math.floor((s % 86400) / 3600);
    const minutes = Math.floor((s % 3600) / 60);
    const seconds = s % 60;
    const parts = [];
    if (days > 0) {
      parts.push(plural(days, "day"));
      if (hours > 0) { parts.push(plural(hours, "hour")); }
    } else if (hours > 0) {
      parts.push(plural(hours, "hour"));
      if (minutes > 0) { parts.push(plural(minutes, "minute")); }
    } else {
      if (minutes > 0) { parts.push(plural(minutes, "minute")); }
      if (seconds > 0 || minutes === 0) { parts.push(plural(seconds, "second")); }
    }
    return parts.join(" and ");
  }

  marginConsult.register("countdown", (el) => {
    const closesAt = Date.parse(el.dataset.closesAt);
    const serverNow = Date.parse(el.dataset.serverNow);
    if (Number.isNaN(closesAt)) {
      return;
    }
    const skew = Number.isNaN(serverNow) ? 0 : serverNow - Date.now();
    const localRow = el.querySelector("[data-local-row]");
    const localTime = el.querySelector("[data-local-time]");
    if (localRow && localTime) {
      localTime.textContent = new Date(closesAt).toLocaleString(undefined, {
        weekday: "long", year: "numeric", month: "long", day: "numeric",
        hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short"
      });
      localRow.hidden = false;
    }
    const counter = el.querySelector("[data-countdown]");
    const basis = el.querySelector("[data-countdown-basis]");
    if (!counter) {
      return;
    }
    if (basis) {
      basis.hidden = true;
    }
    // The period ends at the end of the closing second.
    const endsAt = closesAt + 1000;
    function tick() {
      const left = endsAt - (Date.now() + skew);
      counter.textContent = remaining(left);
      if (left > 0) {
        setTimeout(tick, left > 3600000 ? 60000 : 1000);
      }
    }
    tick();
  });
})();
