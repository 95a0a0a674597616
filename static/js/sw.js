// Offline reading. Nothing is stored until the reader asks for it on the home page ("keep for
// offline reading", after seeing the download size). Then every file of that language's list
// (/offline/<lang>.json) is kept; kept files are answered from the device, everything else
// from the network. When pages are opened online (at most every 15 minutes) the list is
// fetched again and exactly the files whose hash changed are replaced; removed ones are dropped.
"use strict";

var PREFIX = "portal-offline-";
var SCOPE = self.registration.scope;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function listUrl(lang) { return SCOPE + "offline/" + lang + ".json"; }

function tell(message) {
  return self.clients.matchAll({ includeUncontrolled: true }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage(message); });
  });
}

// Fetch and keep `files` (entries of a list), a few at a time, reporting progress.
function fetchInto(cache, lang, files, done, total) {
  var queue = files.slice(), failed = [];
  function next() {
    var file = queue.shift();
    if (!file) return Promise.resolve();
    return fetch(SCOPE + file.url, { cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return cache.put(SCOPE + file.url, response);
    }).catch(function () { failed.push(file.url); }).then(function () {
      done.bytes += file.bytes;
      return tell({ type: "progress", lang: lang, bytes: done.bytes, total: total });
    }).then(next);
  }
  return Promise.all([next(), next(), next(), next()]).then(function () {
    if (failed.length) throw new Error("could not download " + failed.length + " files");
  });
}

function keep(lang) {
  return fetch(listUrl(lang), { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (list) {
    return caches.open(PREFIX + lang).then(function (cache) {
      return fetchInto(cache, lang, list.files, { bytes: 0 }, list.bytes).then(function () {
        return cache.put(listUrl(lang), new Response(JSON.stringify(list), { headers: { "Content-Type": "application/json" } }));
      });
    }).then(function () { return tell({ type: "kept", lang: lang, version: list.version }); });
  }).catch(function (error) { return tell({ type: "failed", lang: lang, message: String(error) }); });
}

function update(lang) {
  return caches.open(PREFIX + lang).then(function (cache) {
    return cache.match(listUrl(lang)).then(function (stored) {
      if (!stored) return null;
      return Promise.all([stored.json(), fetch(listUrl(lang), { cache: "no-store" }).then(function (r) { return r.json(); })]);
    }).then(function (lists) {
      if (!lists || lists[0].version === lists[1].version) return;
      var old = {}, changed = [], wanted = {};
      lists[0].files.forEach(function (f) { old[f.url] = f.hash; });
      lists[1].files.forEach(function (f) { wanted[f.url] = true; if (old[f.url] !== f.hash) changed.push(f); });
      var total = changed.reduce(function (n, f) { return n + f.bytes; }, 0);
      return fetchInto(cache, lang, changed, { bytes: 0 }, total).then(function () {
        var gone = lists[0].files.filter(function (f) { return !wanted[f.url]; });
        return Promise.all(gone.map(function (f) { return cache.delete(SCOPE + f.url); }));
      }).then(function () {
        return cache.put(listUrl(lang), new Response(JSON.stringify(lists[1]), { headers: { "Content-Type": "application/json" } }));
      }).then(function () { return tell({ type: "updated", lang: lang, files: changed.length }); });
    });
  }).catch(function () { /* still offline, or the site is unreachable: keep what we have */ });
}

function drop(lang) {
  return caches.delete(PREFIX + lang).then(function () { return tell({ type: "dropped", lang: lang }); });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (!/^(zh|mn)$/.test(data.lang || "")) return;
  if (data.type === "keep") event.waitUntil(keep(data.lang));
  if (data.type === "update") event.waitUntil(update(data.lang));
  if (data.type === "drop") event.waitUntil(drop(data.lang));
});

// A folder address (…/4/) is kept as its index.html (…/4/index.html), and a search page is
// the same file whatever its query.
function lookup(request) {
  var url = request.url.split("#")[0];
  var options = { ignoreSearch: true };
  return caches.match(url, options).then(function (found) {
    if (found || !/\/$/.test(url.split("?")[0])) return found;
    return caches.match(url.split("?")[0] + "index.html", options);
  });
}

var lastCheck = 0, CHECK_EVERY = 15 * 60 * 1000;

function updateKept() {
  return keptLanguages().then(function (langs) { return Promise.all(langs.map(update)); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0 || /\/offline\/(zh|mn)\.json$/.test(request.url)) return;
  if (request.mode === "navigate" && Date.now() - lastCheck > CHECK_EVERY) {
    lastCheck = Date.now();
    event.waitUntil(updateKept());
  }
  event.respondWith(lookup(request).then(function (kept) {
    if (kept) return kept;
    return fetch(request).catch(function (error) {
      // No network, and the page is not kept (a page of the language not kept, say): the
      // "not kept on this device" page of a kept language, instead of the browser's error.
      if (request.mode !== "navigate") throw error;
      return notKept(request.url).then(function (page) { if (page) return page; throw error; });
    });
  }));
});

function notKept(url) {
  var wanted = (/^(zh|mn)\//.exec(url.slice(SCOPE.length)) || [])[1];
  return keptLanguages().then(function (langs) {
    langs.sort(function (a, b) { return (b === wanted) - (a === wanted); });
    // A redirect, not the page itself: its relative links must resolve from its own address.
    return langs.length ? Response.redirect(SCOPE + langs[0] + "/offline/index.html", 302) : null;
  });
}

function keptLanguages() {
  return caches.keys().then(function (names) {
    return names.filter(function (n) { return n.indexOf(PREFIX) === 0; }).map(function (n) { return n.slice(PREFIX.length); });
  });
}
