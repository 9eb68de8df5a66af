// Tidings' service worker: pages come from the network when it answers, else from the copies of
// recently read pages; with neither, the offline page lists what can be read. Nothing is fetched
// from anywhere but Tidings itself.
"use strict";
var SHELL = "tidings-shell-v1", PAGES = "tidings-pages-v1", IMAGES = "tidings-images-v1";
// Recently read pages kept for offline reading: a commute's worth, a few megabytes at most.
var MAX_PAGES = 60, MAX_IMAGES = 120;
var SHELL_FILES = ["/offline", "/static/app.css", "/static/app.js", "/static/icon.svg"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  var keep = [SHELL, PAGES, IMAGES];
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return keep.indexOf(n) < 0; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function trim(name, max) {
  return caches.open(name).then(function (cache) {
    return cache.keys().then(function (keys) {
      return Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map(function (k) { return cache.delete(k); }));
    });
  });
}

function keepable(url) {
  return url.pathname === "/" || /^\/(article|story|section|topic|source)\//.test(url.pathname);
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && keepable(url)) {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) {
          return cache.delete(request, { ignoreSearch: false }).then(function () { return cache.put(request, copy); });
        }).then(function () { return trim(PAGES, MAX_PAGES); });
      }
      return response;
    }).catch(function () {
      return caches.match(request, { cacheName: PAGES }).then(function (hit) {
        return hit || caches.match("/offline", { cacheName: SHELL });
      });
    }));
    return;
  }
  if (url.pathname.indexOf("/image/") === 0) {
    // an image's address names its source: once fetched it never changes
    event.respondWith(caches.open(IMAGES).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) {
          if (response.ok) cache.put(request, response.clone()).then(function () { return trim(IMAGES, MAX_IMAGES); });
          return response;
        });
      });
    }));
    return;
  }
  if (url.pathname.indexOf("/static/") === 0) {
    // the shell: answer from the copy at once, refresh it behind
    event.respondWith(caches.open(SHELL).then(function (cache) {
      return cache.match(request).then(function (hit) {
        var fresh = fetch(request).then(function (response) {
          if (response.ok) cache.put(request, response.clone());
          return response;
        });
        return hit ? (fresh.catch(function () {}), hit) : fresh;
      });
    }));
  }
});
