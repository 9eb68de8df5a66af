// Tidings: show every time in the reader's own time zone and keep "N minutes ago" current.
(function () {
  "use strict";
  // The page's language, not the browser's: an Arabic page says "منذ ٥ دقائق" whatever the browser is set to.
  var lang = document.documentElement.lang || undefined;
  var rtf = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(lang, { numeric: "auto" }) : null;
  var exact = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeStyle: "short" });
  var dateOnly = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });

  // Whole units gone by, as the server counts them (site/Times.relative): the first refresh then writes the text the
  // page already has, and nothing on it moves while it loads.
  function relative(date, now) {
    var gone = Math.floor((now - date) / 1000);
    if (gone < 60) return rtf ? rtf.format(0, "second") : "just now";
    if (gone < 3600) return rtf.format(-Math.floor(gone / 60), "minute");
    if (gone < 86400) return rtf.format(-Math.floor(gone / 3600), "hour");
    if (gone < 7 * 86400) return rtf.format(-Math.floor(gone / 86400), "day");
    return dateOnly.format(date);
  }

  // The instant the server wrote the page's relative times: a page read within the minute (a cached page is seconds
  // old) keeps the server's words on load, so that no "minute ago" crosses its boundary and moves the cards below it.
  var written = Date.parse(document.documentElement.getAttribute("data-written"));

  function refresh(now) {
    document.querySelectorAll("time[datetime]").forEach(function (el) {
      var date = new Date(el.getAttribute("datetime"));
      if (isNaN(date)) return;
      el.title = exact.format(date);
      if (el.hasAttribute("data-relative") && rtf) el.textContent = relative(date, now);
      else if (!el.hasAttribute("data-relative")) el.textContent = exact.format(date);
    });
  }

  // A cited sentence, found in the article's text and highlighted in place (without touching the DOM).
  // The text as a reader reads it: one space between blocks and at a line break, none between inline elements (a link
  // and the comma after it, "<a>Robert Mugabe</a>, his wife", read "Mugabe, his"), runs of white space as one; each
  // character mapped to its node.
  function textIndex(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT), node, text = "", map = [];
    var space = true, last = null, lastBlock = null, broken = false;
    while ((node = walker.nextNode())) {
      if (node.nodeType === 1) { broken = broken || node.nodeName === "BR"; continue; }
      var block = blockOf(node, root);
      if (last && !space && (broken || block !== lastBlock)) { text += " "; map.push([last, last.data.length]); space = true; }
      broken = false;
      for (var i = 0; i < node.data.length; i++) {
        var c = node.data[i], blank = /\s/.test(c);
        if (blank && space) continue;
        text += blank ? " " : c;
        map.push([node, i]);
        space = blank;
      }
      last = node;
      lastBlock = block;
    }
    return { text: text, map: map };
  }

  function blockOf(node, root) {
    for (var el = node.parentElement; el && el !== root; el = el.parentElement) {
      if (!/^inline/.test(getComputedStyle(el).display)) return el;
    }
    return root;
  }

  function highlight(sentence) {
    var root = document.getElementById("text");
    if (!root) return false;
    var index = textIndex(root), wanted = sentence.replace(/\s+/g, " ").trim(), at = index.text.indexOf(wanted);
    if (at < 0) return false;
    var start = index.map[at], end = index.map[at + wanted.length - 1];
    var range = document.createRange();
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1] + 1);
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set("cited", new Highlight(range));
    } else {
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    document.body.setAttribute("data-cited", wanted);
    var target = start[0].parentElement;
    if (target) target.scrollIntoView({ block: "center", behavior: "smooth" });
    return true;
  }

  document.addEventListener("click", function (event) {
    var cite = event.target.closest && event.target.closest("a.cite[data-sentence]");
    if (cite && highlight(cite.getAttribute("data-sentence"))) event.preventDefault();
  });

  // A link from elsewhere (the story digest) names the sentence to show: /article/{id}#cite=<sentence>.
  function citedInAddress() {
    var hash = window.location.hash;
    if (hash.indexOf("#cite=") !== 0) return;
    try { highlight(decodeURIComponent(hash.substring(6))); } catch (e) { /* a malformed address shows the page as it is */ }
  }
  window.addEventListener("hashchange", citedInAddress);

  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });
  document.addEventListener("DOMContentLoaded", function () {
    var fresh = Date.now() - written < 60000;
    refresh(fresh ? written : Date.now());
    setInterval(function () { refresh(Date.now()); }, 60000);
    citedInAddress();
  });
})();

// Tidings: the service worker keeps read pages for offline reading; the offline page lists them.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var list = document.getElementById("offline-list");
    if (list && window.caches) {
      caches.open("tidings-pages-v1").then(function (cache) {
        return cache.keys().then(function (keys) {
          var articles = keys.filter(function (k) { return /\/(article|story)\//.test(new URL(k.url).pathname); }).reverse();
          if (!articles.length) { list.textContent = list.getAttribute("data-empty"); return; }
          return Promise.all(articles.map(function (k) {
            return cache.match(k).then(function (r) { return r.text(); }).then(function (html) {
              var title = new DOMParser().parseFromString(html, "text/html").querySelector("h1");
              var li = document.createElement("li"), a = document.createElement("a");
              a.href = new URL(k.url).pathname;
              a.textContent = title ? title.textContent.trim() : a.href;
              li.appendChild(a);
              list.appendChild(li);
            });
          }));
        });
      });
    }
  });
  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    });
  }
})();

// Tidings: on the source form, the box for another code shows when its list says "other" (or it holds a code);
// without this script both are always shown, and a code typed in the box is taken.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("fieldset.choice").forEach(function (set) {
      var list = set.querySelector("select"), other = set.querySelector(".other"), box = other && other.querySelector("input");
      if (!list || !box) return;
      function update() {
        var shown = list.value === "other" || box.value.trim() !== "";
        other.hidden = !shown;
        if (list.value !== "other" && box.value.trim() !== "" && document.activeElement === list) box.value = "";
      }
      list.addEventListener("change", function () { update(); if (list.value === "other") box.focus(); });
      update();
    });
  });
})();

// Tidings: the section bar shows an arrow at each end that has more sections beyond it (either direction of writing).
(function () {
  "use strict";
  function mark(bar, list) {
    var hidden = list.scrollWidth - list.clientWidth, scrolled = Math.abs(list.scrollLeft);
    bar.classList.add("measured");
    bar.classList.toggle("more-before", scrolled > 1);
    bar.classList.toggle("more-after", hidden - scrolled > 1);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("nav.sections").forEach(function (bar) {
      var list = bar.querySelector("ul");
      if (!list) return;
      var update = function () { mark(bar, list); };
      list.addEventListener("scroll", update, { passive: true });
      window.addEventListener("resize", update);
      // the section being read is in view: the bar alone scrolls to it, never the page
      var current = list.querySelector("[aria-current=page]");
      if (current) {
        var l = list.getBoundingClientRect(), c = current.getBoundingClientRect();
        if (c.left < l.left || c.right > l.right) list.scrollLeft += (c.left + c.right - l.left - l.right) / 2;
      }
      update();
    });
  });
})();

// Tidings: the masthead's menu is open on a wide screen (its search and links in a row) and closed on a phone.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 721px)");
  function fit() {
    document.querySelectorAll("details.menu").forEach(function (menu) { menu.open = wide.matches; });
  }
  document.addEventListener("DOMContentLoaded", fit);
  wide.addEventListener("change", fit);
})();
