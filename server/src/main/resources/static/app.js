// Tidings: show every time in the reader's own time zone and keep "N minutes ago" current.
(function () {
  "use strict";
  var rtf = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }) : null;
  var exact = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });
  var dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

  function relative(date, now) {
    var seconds = Math.round((date - now) / 1000), abs = Math.abs(seconds);
    if (abs < 60) return rtf ? rtf.format(0, "second") : "just now";
    if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
    if (abs < 86400) return rtf.format(Math.round(seconds / 3600), "hour");
    if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), "day");
    return dateOnly.format(date);
  }

  function refresh() {
    var now = Date.now();
    document.querySelectorAll("time[datetime]").forEach(function (el) {
      var date = new Date(el.getAttribute("datetime"));
      if (isNaN(date)) return;
      el.title = exact.format(date);
      if (el.hasAttribute("data-relative") && rtf) el.textContent = relative(date, now);
      else if (!el.hasAttribute("data-relative")) el.textContent = exact.format(date);
    });
  }

  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });
  document.addEventListener("DOMContentLoaded", function () {
    refresh();
    setInterval(refresh, 60000);
  });
})();
