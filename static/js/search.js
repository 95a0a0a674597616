// The search page of the frozen site: loads the index files a query needs and shows what
// search-engine.js finds. The live app renders results on the server and this script then
// does nothing.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) return;
  // Ticking or clearing "only this language" searches again at once, live and frozen.
  var scopeBox = document.getElementById("scope"), input = document.getElementById("q");
  if (scopeBox) scopeBox.addEventListener("change", function () { if (input.value.trim()) scopeBox.form.submit(); });
  if (root.dataset.server === "1") return;
  var Engine = PortalSearch.Engine, cleanQuery = PortalSearch.cleanQuery;
  var escapeHtml = PortalSearch.escapeHtml, snippet = PortalSearch.snippet;

  // ---- The page
  var lang = root.dataset.lang, other = lang === "zh" ? "mn" : "zh";
  var notes = [], audiences = JSON.parse(root.dataset.audiences || "{}");  // the reader's language's notes, from its index
  var results = document.getElementById("search-results"), help = root.querySelector(".search-help");
  var strings = {};
  root.querySelectorAll("#search-strings").forEach(function (t) {
    t.content.querySelectorAll("[data-key]").forEach(function (el) { strings[el.dataset.key] = el.textContent; });
  });
  var htmlLang = { zh: "zh-Hans", mn: "mn-Mong" }, names = { zh: root.dataset.nameZh, mn: root.dataset.nameMn };
  function needMongolianFont() {
    // Chinese pages leave the Mongolian stylesheet (and so the font) out until it is needed.
    if (document.querySelector('link[href="' + root.dataset.mongolianCss + '"]')) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = root.dataset.mongolianCss;
    document.head.appendChild(link);
  }

  function chapterUrl(code, number, id) {
    var template = root.dataset["chapter" + code[0].toUpperCase() + code.slice(1)];
    return template ? template.replace(/(^|\/)0\//, "$1" + number + "/") + "#" + id : null;
  }
  // `loading`: the other language's index is still on its way, so no results yet is not
  // "nothing found" but "searching…".
  function render(engine, query, loading) {
    var cleaned = cleanQuery(query);
    if (!cleaned) { results.innerHTML = ""; help.hidden = false; return; }
    var hits = engine.search(query, lang, only), html = [];
    if (!hits.length && loading) {
      results.innerHTML = '<p class="search-summary">' + escapeHtml(strings.loading) + "</p>";
      return;
    }
    html.push('<p class="search-summary">' + escapeHtml(strings.summary.replace("{count}", hits.length).replace("{query}", query)) + "</p>");
    var suggestion = engine.didYouMean(query);
    if (suggestion) {
      html.push('<p class="did-you-mean">' + escapeHtml(strings.didyoumean) + ' <a href="?q=' + encodeURIComponent(suggestion) + (only ? "&amp;scope=lang" : "") + '">' + escapeHtml(suggestion) + "</a>?</p>");
    }
    // One group per chapter, in the order of each chapter's best hit (as the live page does).
    // The plain-language notes on the reader's best hits, as the live page lists them.
    var rank = {}, n = 0, found = [];
    hits.filter(function (h) { return h.doc.lang === lang; }).slice(0, 20).forEach(function (h) {
      if (!(h.doc.id in rank)) rank[h.doc.id] = n++;
    });
    notes.forEach(function (note) {
      var best = Math.min.apply(null, note[4].map(function (p) { return p in rank ? rank[p] : Infinity; }));
      if (best < Infinity) found.push([best, note]);
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    if (found.length) {
      html.push('<section class="search-notes" id="search-notes"><h2>' + escapeHtml(root.dataset.notesTitle) + "</h2><ul>");
      found.forEach(function (f) {
        var note = f[1], url = root.dataset.notes.replace(/(^|\/)0\//, "$1" + note[1] + "/") + "#" + note[0];
        html.push('<li><a href="' + escapeHtml(url) + '">' + escapeHtml(note[2]) + '</a> <span class="explainer-for">(' + escapeHtml(audiences[note[3]] || "") + ")</span></li>");
      });
      html.push("</ul></section>");
    }
    root.dataset.notesFound = found.map(function (f) { return f[1][0]; }).join(" ");
    var groups = [], groupOf = {};
    hits.slice(0, 100).forEach(function (hit) {
      var key = hit.doc.lang + hit.doc.chapter;
      if (!groupOf[key]) { groupOf[key] = []; groups.push(groupOf[key]); }
      groupOf[key].push(hit);
    });
    groups.forEach(function (group) {
      var first = group[0].doc;
      html.push('<section class="result-group" lang="' + htmlLang[first.lang] + '"><h2>' + escapeHtml(engine.labels[first.lang][first.chapter] || "") + '</h2><ol class="results">');
      group.forEach(showHit);
      html.push("</ol></section>");
    });
    function showHit(hit) {
      var d = hit.doc;
      var sectionLabel = d.section ? (engine.labels[d.lang]["c" + d.chapter + "s" + d.section] || "") : "";
      html.push('<li class="result"><a class="result-link" href="' + escapeHtml(chapterUrl(d.lang, d.chapter, d.id)) + '"><span class="pid">' + d.id + "</span> " + escapeHtml(sectionLabel) + "</a>");
      html.push('<p class="snippet">' + snippet(hit) + "</p>");
      var otherUrl = chapterUrl(d.lang === "zh" ? "mn" : "zh", d.chapter, d.id);
      if (otherUrl) {
        var code = d.lang === "zh" ? "mn" : "zh";
        html.push('<a class="counterpart" href="' + escapeHtml(otherUrl) + '" hreflang="' + htmlLang[code] + '">' + escapeHtml(names[code]) + "</a>");
      }
      html.push("</li>");
    }
    if (hits.some(function (h) { return h.doc.lang === "mn"; })) needMongolianFont();
    if (!hits.length) {
      html.push('<p class="no-results">' + escapeHtml(strings.none) + "</p>");
      html.push(document.getElementById("search-elsewhere").innerHTML);
    }
    results.innerHTML = html.join("");
    help.hidden = hits.length > 0;
    root.dataset.results = hits.map(function (h) { return h.doc.lang + ":" + h.doc.id; }).join(" ");
    markNotKept();
  }

  // A reader who kept one language for offline reading is told which results are not kept on
  // this device: without a network they open the "not kept" page instead of the text.
  function markNotKept() {
    if (!window.caches || !navigator.serviceWorker || !navigator.serviceWorker.controller) return;
    caches.keys().then(function (names) {
      var kept = {};
      var prefix = "portal-offline-"; // the cache names of sw.js: prefix + language
      names.forEach(function (n) { if (n.indexOf(prefix) === 0) kept[n.slice(prefix.length)] = true; });
      if (!Object.keys(kept).length) return;
      results.querySelectorAll(".result-group").forEach(function (group) {
        var code = group.getAttribute("lang") === htmlLang.mn ? "mn" : "zh";
        group.querySelectorAll(".result").forEach(function (item) {
          item.querySelectorAll("a.result-link, a.counterpart").forEach(function (a) {
            var target = a.classList.contains("counterpart") ? (code === "zh" ? "mn" : "zh") : code;
            if (kept[target] || a.nextElementSibling && a.nextElementSibling.classList.contains("not-kept")) return;
            var note = document.createElement("span");
            note.className = "not-kept";
            note.lang = htmlLang[lang];
            note.textContent = strings.notkept;
            a.insertAdjacentElement("afterend", note);
          });
        });
      });
    }).catch(function () {});
  }

  // Index files are scripts that hand their data to portalSearchData(): unlike fetch(),
  // a script loads from a site opened straight from disk (file://) as well as from a server.
  var pending = {};
  window.portalSearchData = function (data) {
    var resolve = pending[data.kind === "index" ? data.lang : data.kind === "words" ? "words-" + data.shard : data.kind];
    if (resolve) resolve(data);
  };
  function load(url, key) {
    return new Promise(function (resolve, reject) {
      pending[key] = resolve;
      var script = document.createElement("script");
      script.src = url;
      script.onerror = function () { reject(new Error(url)); };
      document.head.appendChild(script);
    });
  }
  var params = new URLSearchParams(location.search);
  var query = params.get("q") || "";
  // scope=lang: the reader's language only, and only its index is fetched (the live app
  // counts how rare a word is within that language too, so both rank alike).
  var only = params.get("scope") === "lang";
  input.value = query;
  if (scopeBox) scopeBox.checked = only;
  if (only) help.querySelectorAll(".suggestions a").forEach(function (a) { a.href += "&scope=lang"; });
  if (!cleanQuery(query)) return;
  results.innerHTML = '<p class="search-summary">' + escapeHtml(strings.loading) + "</p>";
  var own = root.dataset["index" + lang[0].toUpperCase() + lang.slice(1)];
  var theirs = only ? null : root.dataset["index" + other[0].toUpperCase() + other.slice(1)];
  // The tables this query needs: traditional forms for Chinese, readings for Latin letters.
  var cleaned = cleanQuery(query), wanted = [load(root.dataset.tables, "tables"), load(own, lang)];
  // A Mongolian page searching its own text alone still reads characters and pinyin against
  // the Chinese text, so it fetches that index too unless the query is all Mongolian script.
  var corpus = only && lang !== "zh" && /[^\u1800-\u18af\u202f\s]/.test(cleaned) ? load(root.dataset.indexZh, "zh") : null;
  // Synonyms and everyday words come in shards by first character: those of the query's
  // characters now, and after the traditional forms are known, any of their simplified ones.
  var shards = Number(root.dataset.wordShards), asked = {};
  function wordShards(numbers) {
    var loads = [];
    numbers.forEach(function (n) {
      if (asked[n]) return;
      asked[n] = true;
      loads.push(load(root.dataset.words.replace(/0\.js$/, n + ".js"), "words-" + n));
    });
    return loads;
  }
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(cleaned)) {
    wanted.push(load(root.dataset.t2s, "t2s"));
    wanted = wanted.concat(wordShards(Array.from(cleaned).filter(function (ch) {
      return /[\u3400-\u9fff\uf900-\ufaff]/.test(ch);
    }).map(function (ch) { return ch.codePointAt(0) % shards; })));
  }
  if (/[a-z]/.test(cleaned)) wanted.push(load(root.dataset.pinyin, "pinyin"));
  Promise.all(wanted).then(function (loaded) {
    var engine = new Engine(loaded[0]);
    loaded.slice(2).forEach(function (table) { engine.addTable(table); });
    return Promise.all(wordShards(engine.wordShardsFor(query))).then(function (more) {
      more.forEach(function (table) { engine.addTable(table); });
      engine.addIndex(loaded[1]);
      return [engine, loaded];
    });
  }).then(function (made) {
    var engine = made[0], loaded = made[1];
    notes = loaded[1].notes || [];
    if (corpus) return corpus.then(function (index) { engine.addIndex(index); render(engine, query, false); root.dataset.state = "done"; });
    render(engine, query, !!theirs);
    if (!theirs) { root.dataset.state = "done"; return; }
    // Then the other language, whose results follow the reader's own.
    return load(theirs, other).then(function (index) {
      engine.addIndex(index);
      render(engine, query, false);
      root.dataset.state = "done";
    });
  }).catch(function () {
    results.innerHTML = '<p class="no-results">' + escapeHtml(strings.failed) + "</p>";
    root.dataset.state = "failed";
  });
})();
