// The search engine of the frozen site: the rules of portal/search/analysis.py over the index
// files written by `portal build`. It touches no page, so the same file runs in the browser
// (as window.PortalSearch, used by search.js) and in Node, where tests/js/parity.test.js
// runs a query list through it and through the Python engine and compares the results.
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.PortalSearch = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
  var LATIN = /[a-z0-9]+/g;
  var TOKEN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:\s+[a-z0-9]+)*|[\u1820-\u1878\u180a-\u180f\u200c\u200d]+|[\u0400-\u04ff]+/g;
  var CYRILLIC_WORD = /^[\u0400-\u04ff]+$/;
  var WORD = /[\u1820-\u1878\u180a-\u180f\u200c\u200d]+/g;
  var MONGOLIAN_LETTER = /[\u1820-\u1878]/;
  var NNBSP = "\u202f";

  // The constants, letters and folds below come from `/search/tables.js`, which `portal build`
  // writes from portal/text/mongolian.py and portal/search/analysis.py: one source for both.
  var MAX_QUERY = 200, MIN_PREFIX = 4, MAX_SUGGESTED = 12, MIN_NEAR = 5, MAX_NEAR = 3, MAX_NEAR_LETTERS = 14, LETTERS = [], MARKS = {}, FOLDS = [];
  var CYRILLIC = {}, VOWELS = "aeiu", FILLER = new Set(), WEAK = 0.1, PHRASE_BONUS = 20;
  function useTables(tables) {
    MAX_QUERY = tables.max_query;
    MIN_PREFIX = tables.min_prefix;
    MAX_SUGGESTED = tables.max_suggested;
    MIN_NEAR = tables.min_near;
    MAX_NEAR = tables.max_near;
    MAX_NEAR_LETTERS = tables.max_near_letters;
    LETTERS = tables.letters;
    MARKS = tables.marks;
    FOLDS = tables.folds;
    CYRILLIC = tables.cyrillic;
    VOWELS = tables.vowels;
    FILLER = new Set(tables.filler);
    WEAK = tables.weak;
    PHRASE_BONUS = tables.phrase_bonus;
  }

  function toLatin(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text[i], code = ch.charCodeAt(0);
      if (code >= 0x1820 && code < 0x1820 + LETTERS.length) out += LETTERS[code - 0x1820];
      else if (MARKS[ch]) out += MARKS[ch];
      else if (ch !== "\u200d" && ch !== "\u200c") out += ch;
    }
    return out;
  }
  function latinKey(word) {
    var latin = MONGOLIAN_LETTER.test(word) ? toLatin(word).toLowerCase() : word.toLowerCase();
    latin = latin.replace(/\^\d|[-_~'’\s]/g, "");
    for (var i = 0; i < FOLDS.length; i++) latin = latin.split(FOLDS[i][0]).join(FOLDS[i][1]);
    return latin;
  }
  // portal/text/mongolian.py: typed_latin and sound_key.
  function typedLatin(word) {
    return Array.from(word.toLowerCase()).map(function (ch) {
      return Object.prototype.hasOwnProperty.call(CYRILLIC, ch) ? CYRILLIC[ch] : ch;
    }).join("").split("ts").join("c");
  }
  function soundKey(key) {
    var k = key.split("h").join("g").split("w").join("b");
    k = k.slice(0, 1) + k.slice(1).split("g").join("");
    if (k.slice(0, 1) === "y" && k.slice(1, 2) && VOWELS.indexOf(k.slice(1, 2)) >= 0) k = k.slice(1);
    var head = k.slice(0, 1) && VOWELS.indexOf(k.slice(0, 1)) >= 0 ? "a" : "";
    var rest = (head ? k.slice(1) : k).replace(/[aeiuy]/g, "").replace(/(.)\1+/g, "$1");
    if (rest.slice(-1) === "n" || rest.slice(-1) === "g") rest = rest.slice(0, -1);
    return head + rest;
  }
  function mongolianWords(text) { return text.split(NNBSP).join(" ").match(WORD) || []; }

  function plainLatin(ch) {
    if (ch < "\u00c0" || !/\p{Script=Latin}/u.test(ch)) return ch;
    if ("üǖǘǚǜ".indexOf(ch) >= 0) return "v";
    return ch.normalize("NFD").replace(/\p{M}/gu, "") || ch;
  }
  function cleanQuery(query) {
    var text = Array.from((query || "").normalize("NFKC")).slice(0, MAX_QUERY * 4);
    text = text.map(function (ch) {
      var keep = "\u180e\u200c\u200d\u202f".indexOf(ch) >= 0 || (ch >= "\u180b" && ch <= "\u180f");
      return !keep && /\p{C}/u.test(ch) ? " " : ch;
    }).join("").toLowerCase();
    text = Array.from(text).map(plainLatin).join("");
    return Array.from(text.replace(/\s+/g, " ").trim()).slice(0, MAX_QUERY).join("");
  }

  function splitPinyin(token, syllables) {
    token = token.replace(/(?<=[a-z])[1-5]/g, "");
    if (!token || !/^[a-z]+$/.test(token) || !syllables.size) return null;
    var best = [[]];
    for (var k = 1; k <= token.length; k++) best.push(null);
    for (var end = 1; end <= token.length; end++) {
      for (var start = Math.max(0, end - 6); start < end; start++) {
        var piece = token.slice(start, end), before = best[start];
        if (before !== null && syllables.has(piece) && (best[end] === null || before.length + 1 < best[end].length)) {
          best[end] = before.concat([piece]);
        }
      }
    }
    return best[token.length];
  }
  function cutKnown(run, corpus) {
    var pieces = [], start = 0;
    while (start < run.length) {
      var end = run.length;
      while (end > start + 1 && corpus.indexOf(run.slice(start, end)) < 0) end--;
      pieces.push(run.slice(start, end));
      start = end;
    }
    return pieces;
  }

  function Engine(tables) {
    useTables(tables);
    this.t2s = {};
    this.readAs = {};
    this.syllables = new Set();
    this.synonyms = [];
    this.groups = {};  // a synonym group by its place in the whole list, from the word shards
    this.colloquial = {};
    this.wordShards = tables.word_shards;
    this.suffixKeys = new Set(tables.suffix_keys);
    this.docs = [];
    this.titles = {};
    this.labels = {};
    this.corpus = "";
    this.patterns = {};
    this.everyday = null;
  }
  Engine.prototype.addTable = function (table) {
    var self = this;
    if (table.kind === "t2s") {
      for (var i = 0; i + 1 < table.t2s.length; i += 2) this.t2s[table.t2s[i]] = table.t2s[i + 1];
    } else if (table.kind === "words") {
      // A shard: groups and everyday words whose forms start with its characters. Groups keep
      // the order of the whole list, whichever shards have come.
      Object.keys(table.synonyms).forEach(function (k) { self.groups[k] = table.synonyms[k]; });
      this.synonyms = Object.keys(this.groups).sort(function (a, b) { return a - b; })
        .map(function (k) { return self.groups[k]; });
      Object.keys(table.colloquial).forEach(function (k) { self.colloquial[k] = table.colloquial[k]; });
      this.everyday = null;  // the words cutEveryday looks for, made again with the new shard
    } else if (table.kind === "pinyin") {
      table.pinyin.split(" ").forEach(function (entry) {
        var split = entry.search(/[^a-z]/);
        self.readAs[entry.slice(0, split)] = entry.slice(split);
      });
      this.syllables = new Set(Object.keys(this.readAs));
      this.pairs = null;
    }
  };
  Engine.prototype.addIndex = function (index) {
    var self = this;
    this.labels[index.lang] = index.labels;
    index.docs.forEach(function (row) {
      var text = row[3], sectionId = "c" + row[1] + "s" + row[2];
      var title = index.titles[sectionId] || "";
      self.docs.push({ id: row[0], lang: index.lang, chapter: row[1], section: row[2], text: text,
        lead: [row[4], row[5]], title: title, latinTokens: text.toLowerCase().match(LATIN) || [],
        mongolianKeys: mongolianWords(text).map(latinKey), titleKeys: mongolianWords(title).map(latinKey) });
      var added = self.docs[self.docs.length - 1];
      added.soundKeys = added.mongolianKeys.map(soundKey);
    });
    // The plan's order: Chinese first, then Mongolian, whichever file arrived first.
    this.docs.sort(function (a, b) { return (a.lang === b.lang) ? 0 : (a.lang === "zh" ? -1 : 1); });
    this.docs.forEach(function (d, i) { d.order = i; });
    this.corpus = this.docs.filter(function (d) { return d.lang === "zh"; }).map(function (d) { return d.text; }).join("\n");
    this.pairs = null;
  };
  // The word shards a query needs: those of its Chinese characters, as typed and simplified
  // (every form it can match starts with one of them). Without t2s loaded, as typed only.
  Engine.prototype.wordShardsFor = function (query) {
    var self = this, wanted = {};
    Array.from(cleanQuery(query)).forEach(function (ch) {
      if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(ch)) return;
      [ch, self.t2s[ch] || ch].forEach(function (c) { wanted[c.codePointAt(0) % self.wordShards] = true; });
    });
    return Object.keys(wanted).map(Number).sort(function (a, b) { return a - b; });
  };
  Engine.prototype.synonymsOf = function (form) {
    var forms = [form];
    this.synonyms.forEach(function (group) {
      if (group.indexOf(form) >= 0) group.forEach(function (other) { if (forms.indexOf(other) < 0) forms.push(other); });
    });
    if (Object.prototype.hasOwnProperty.call(this.colloquial, form)) {
      this.colloquial[form].forEach(function (word) { if (forms.indexOf(word) < 0) forms.push(word); });
    }
    return forms;
  };
  Engine.prototype.isEveryday = function (piece) { return Object.prototype.hasOwnProperty.call(this.colloquial, piece); };
  Engine.prototype.everydayWords = function () {
    if (!this.everyday) {
      var self = this, forms = Object.keys(this.colloquial);
      FILLER.forEach(function (word) { if (Array.from(word).length > 1 && !self.isEveryday(word)) forms.push(word); });
      this.everyday = { words: new Set(forms),
        longest: Math.max.apply(null, forms.map(function (f) { return Array.from(f).length; })) };
    }
    return this.everyday;
  };
  Engine.prototype.cutEveryday = function (run) {
    var everyday = this.everydayWords(), words = everyday.words, longest = everyday.longest;
    var chars = Array.from(run), pieces = [], rest = "", i = 0;
    while (i < chars.length) {
      var word = null;
      for (var n = Math.min(longest, chars.length - i); n > 1; n--) {
        var candidate = chars.slice(i, i + n).join("");
        if (words.has(candidate)) { word = candidate; break; }
      }
      if (word === null) { rest += chars[i]; i += 1; continue; }
      if (rest) { pieces = pieces.concat(cutKnown(rest, this.corpus)); rest = ""; }
      pieces.push(word);
      i += Array.from(word).length;
    }
    return rest ? pieces.concat(cutKnown(rest, this.corpus)) : pieces;
  };
  function term(fields) {
    return { han: fields.han || [], pinyin: fields.pinyin || [], latin: fields.latin || [],
      mongolian: fields.mongolian || [], sounds: fields.sounds || [], weak: !!fields.weak };
  }
  Engine.prototype.parse = function (query) {
    var self = this, text = cleanQuery(query), terms = [], mongolian = [], match, n = 0;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text))) {
      var token = match[0], follows = n++ > 0;
      if (HAN_ONLY.test(token)) {
        terms = terms.concat(self.hanTerms(token));
      } else if (/[a-z0-9]/.test(token[0])) {
        terms = terms.concat(self.latinTerms(token, follows, follows && text[match.index - 1] === "-"));
      } else if (CYRILLIC_WORD.test(token)) {
        var key = latinKey(typedLatin(token)), sound = key.length > 2 ? soundKey(key) : "";
        if (sound.length < 2) sound = "";
        if (key.length > 1) terms.push(term({ mongolian: [key], sounds: sound ? [sound] : [] }));
      } else {
        mongolian = mongolian.concat(mongolianWords(token).filter(function (w) { return latinKey(w); }));
      }
    }
    // A case ending goes with the word before it, also when typed as a token of its own.
    var content = mongolian.filter(function (w) { return !self.suffixKeys.has(latinKey(w)); });
    var keys = [];
    (content.length ? content : mongolian).forEach(function (w) {
      if (keys.indexOf(latinKey(w)) < 0) keys.push(latinKey(w));
    });
    keys.forEach(function (key) { terms.push(term({ mongolian: [key] })); });
    var seen = {};
    return terms.filter(function (t) {
      var key = JSON.stringify([t.han, t.pinyin, t.latin, t.mongolian, t.sounds]);
      var any = t.han.length || t.pinyin.length || t.latin.length || t.mongolian.length || t.sounds.length;
      if (seen[key] || !any) return false;
      seen[key] = true;
      return true;
    });
  };
  Engine.prototype.hanTerms = function (token) {
    var self = this;
    var run = Array.from(token).map(function (ch) { return self.t2s[ch] || ch; }).join("");
    var known = self.corpus.indexOf(run) >= 0 || self.isEveryday(run) ||
      self.synonyms.some(function (g) { return g.indexOf(run) >= 0; });
    var pieces = known ? [run] : self.cutEveryday(run);
    if (pieces.length > 1) {
      var long = pieces.filter(function (p) { return p.length > 1; });
      if (long.length) pieces = long;
    }
    return pieces.map(function (piece) {
      var weak = FILLER.has(piece) || (Array.from(piece).length === 1 && Array.from(run).length > 1);
      return term({ han: self.synonymsOf(piece), weak: weak });
    });
  };
  Engine.prototype.latinTerms = function (phrase, follows, hyphened) {
    var self = this, words = phrase.split(" ");
    var joined = splitPinyin(words.join(""), this.syllables);
    if (words.length > 1 && joined && words.every(function (w) { return splitPinyin(w, self.syllables); }) &&
        new RegExp(this.readingPattern(joined).source, "u").test(this.corpus)) {
      return [term({ pinyin: [joined], latin: words })];
    }
    var terms = [];
    words.forEach(function (word, i) {
      var reading = splitPinyin(word, self.syllables);
      // pinyin of words the text has (caoyuan) is not read as Mongolian as well
      if (i === 0 && hyphened && self.suffixKeys.has(latinKey(typedLatin(word)))) return;  // aǰil-un, bayiγali-yi
      var asPinyin = !!reading && new RegExp(self.readingPattern(reading).source, "u").test(self.corpus);
      var key = /^[a-z]+$/.test(word) && !asPinyin ? latinKey(typedLatin(word)) : "";
      if (self.suffixKeys.has(key) && (i > 0 || follows)) return;  // a case ending: the word before's
      var readings = reading ? [reading] : [];
      if (!asPinyin) readings = readings.concat(self.nearReadings(word));
      var sound = key.length > 2 ? soundKey(key) : "";
      if (sound.length < 2) sound = "";  // one consonant would find dozens of words
      terms.push(term({ pinyin: readings, latin: [word.replace(/[^a-z0-9]/g, "")],
        mongolian: key.length > 1 ? [key] : [], sounds: sound ? [sound] : [] }));
    });
    return terms;
  };
  // portal/search/analysis.py: Tables.syllable_pairs and near_readings.
  Engine.prototype.syllablePairs = function () {
    if (!this.pairs) {
      var self = this, readings = {}, pairs = new Set(), text = Array.from(this.corpus);
      Object.keys(this.readAs).forEach(function (s) {
        Array.from(self.readAs[s]).forEach(function (ch) { (readings[ch] = readings[ch] || []).push(s); });
      });
      for (var i = 0; i + 1 < text.length; i++) {
        var xs = readings[text[i]] || [], ys = readings[text[i + 1]] || [];
        xs.forEach(function (x) { ys.forEach(function (y) { pairs.add(x + " " + y); }); });
      }
      this.pairs = pairs;
    }
    return this.pairs;
  };
  Engine.prototype.nearReadings = function (word) {
    if (word.length < MIN_NEAR || word.length > MAX_NEAR_LETTERS || !/^[a-z]+$/.test(word)) return [];
    var letters = "abcdefghijklmnopqrstuvwxyz", near = new Set(), i, c;
    for (i = 1; i < word.length; i++) near.add(word.slice(0, i) + word.slice(i + 1));
    for (i = 1; i + 1 < word.length; i++) near.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (i = 1; i < word.length; i++) for (c = 0; c < 26; c++) near.add(word.slice(0, i) + letters[c] + word.slice(i + 1));
    for (i = 1; i <= word.length; i++) for (c = 0; c < 26; c++) near.add(word.slice(0, i) + letters[c] + word.slice(i));
    near.delete(word);
    var self = this, pairs = this.syllablePairs(), counted = {}, order = [];
    Array.from(near).sort().forEach(function (spelling) {
      var reading = splitPinyin(spelling, self.syllables);
      if (!reading) return;
      var key = reading.join(" ");
      if (Object.prototype.hasOwnProperty.call(counted, key)) return;
      for (var k = 0; k + 1 < reading.length; k++) if (!pairs.has(reading[k] + " " + reading[k + 1])) return;
      var pattern = self.readingPattern(reading), n = 0, m;
      pattern.lastIndex = 0;
      while ((m = pattern.exec(self.corpus))) { n += 1; pattern.lastIndex = m.index + 1; }
      counted[key] = n;
      if (n) order.push(reading);
    });
    order.sort(function (a, b) {
      var ka = a.join(" "), kb = b.join(" ");
      return (counted[kb] - counted[ka]) || (ka < kb ? -1 : ka > kb ? 1 : 0);
    });
    return order.slice(0, MAX_NEAR);
  };
  Engine.prototype.readingPattern = function (reading) {
    var key = reading.join(" ");
    if (!this.patterns[key]) {
      var self = this;
      var parts = reading.map(function (s) {
        var chars = self.readAs[s];
        return chars ? "[" + chars.replace(/[\\\]^-]/g, "\\$&") + "]" : "(?!)";
      });
      this.patterns[key] = new RegExp("(?=(" + parts.join("") + "))", "gu");
    }
    return this.patterns[key];
  };
  function keyMatches(key, word) { return word === key || (key.length >= MIN_PREFIX && word.indexOf(key) === 0); }
  Engine.prototype.termSpans = function (term, doc) {
    var spans = [], text = doc.text, self = this;
    term.han.forEach(function (form) {
      var start = text.indexOf(form);
      while (start >= 0) { spans.push([start, start + form.length]); start = text.indexOf(form, start + 1); }
    });
    term.pinyin.forEach(function (reading) {
      var pattern = self.readingPattern(reading), m;
      pattern.lastIndex = 0;
      while ((m = pattern.exec(text))) {
        spans.push([m.index, m.index + reading.length]);
        pattern.lastIndex = m.index + 1;
      }
    });
    var lowered = text.toLowerCase();
    term.latin.forEach(function (token) {
      if (token && doc.latinTokens.indexOf(token) >= 0) {
        var m, re = new RegExp(LATIN.source, "g");
        while ((m = re.exec(lowered))) if (m[0] === token) spans.push([m.index, m.index + m[0].length]);
      }
    });
    if (term.mongolian.length || term.sounds.length) {
      var wanted = [];
      doc.mongolianKeys.forEach(function (key, i) {
        if (term.mongolian.some(function (k) { return keyMatches(k, key); }) ||
            term.sounds.indexOf(doc.soundKeys[i]) >= 0) wanted.push(i);
      });
      if (wanted.length) {
        var positions = [], m2, re2 = new RegExp(WORD.source, "g"), spaced = text.split(NNBSP).join(" ");
        while ((m2 = re2.exec(spaced))) positions.push([m2.index, m2.index + m2[0].length]);
        wanted.forEach(function (i) { if (i < positions.length) spans.push(positions[i]); });
      }
    }
    spans.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return spans.filter(function (s, i) { return i === 0 || s[0] !== spans[i - 1][0] || s[1] !== spans[i - 1][1]; });
  };
  // portal/search/analysis.py: find and _score, operation for operation, so that the scores
  // are the same to the last bit (square roots, sums and products are exact in IEEE 754).
  Engine.prototype.score = function (terms, weights, doc, found, cleaned) {
    if (!terms.some(function (t, i) { return found[i].length && !t.weak; })) return null;
    var covered = 0, bonus = 0, marked = [], totalWeight = 0;
    weights.forEach(function (w) { totalWeight += w; });
    terms.forEach(function (term, i) {
      var spans = found[i], weight = weights[i];
      if (!spans.length) return;
      marked = marked.concat(spans);
      covered += weight;
      var extra = 0.1 * Math.min(spans.length, 3);
      if (spans.some(function (s) { return doc.lead[0] <= s[0] && s[0] < doc.lead[1]; })) extra += 0.5;
      if (term.han.some(function (f) { return doc.title.indexOf(f) >= 0; }) ||
          term.mongolian.some(function (k) { return doc.titleKeys.some(function (w) { return keyMatches(k, w); }); })) extra += 0.5;
      if (term.sounds.length &&
          term.mongolian.some(function (k) { return doc.mongolianKeys.some(function (w) { return keyMatches(k, w); }); })) extra += 0.5;
      bonus += weight * extra;
    });
    var value = 100 * covered / totalWeight + bonus;
    if (Array.from(cleaned).length > 1 && doc.text.toLowerCase().indexOf(cleaned) >= 0) value += PHRASE_BONUS;
    marked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    marked = marked.filter(function (s, i) { return i === 0 || s[0] !== marked[i - 1][0] || s[1] !== marked[i - 1][1]; });
    return { doc: doc, score: value, spans: marked };
  };
  // `only`: the reader's language alone, a word's rarity counted in it (scope=lang). The
  // Chinese text still tells how to read a query typed in characters or pinyin.
  Engine.prototype.search = function (query, lang, only) {
    var terms = this.parse(query), cleaned = cleanQuery(query), self = this;
    if (!terms.length) return [];
    var docs = only ? this.docs.filter(function (doc) { return doc.lang === lang; }) : this.docs;
    var found = docs.map(function (doc) { return terms.map(function (t) { return self.termSpans(t, doc); }); });
    var total = docs.length;
    var weights = terms.map(function (t, i) {
      var df = 0;
      found.forEach(function (spans) { if (spans[i].length) df += 1; });
      return Math.sqrt(Math.sqrt((total + 1) / (df + 1))) * (t.weak ? WEAK : 1.0);
    });
    var hits = [];
    docs.forEach(function (doc, d) {
      var hit = self.score(terms, weights, doc, found[d], cleaned);
      if (hit) hits.push(hit);
    });
    return hits.sort(function (a, b) {
      return ((a.doc.lang !== lang) - (b.doc.lang !== lang)) || (b.score - a.score) || (a.doc.order - b.doc.order);
    });
  };
  Engine.prototype.didYouMean = function (query) {
    var self = this;
    var run = Array.from(cleanQuery(query)).map(function (ch) { return self.t2s[ch] || ch; }).join("");
    if (!HAN_ONLY.test(run || "-") || run.length < 2 || run.length > MAX_SUGGESTED || this.corpus.indexOf(run) >= 0) return null;
    var counts = {};
    for (var i = 0; i < run.length; i++) {
      var esc = function (s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); };
      var re = new RegExp(esc(run.slice(0, i)) + "[\u4e00-\u9fff]" + esc(run.slice(i + 1)), "g"), m;
      while ((m = re.exec(this.corpus))) { counts[m[0]] = (counts[m[0]] || 0) + 1; re.lastIndex = m.index + m[0].length; }
    }
    var best = null;
    Object.keys(counts).sort().forEach(function (k) { if (best === null || counts[k] > counts[best]) best = k; });
    return best;
  };

  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
  function escapeHtml(s) { return s.replace(/[&<>"']/g, function (c) { return ESCAPES[c]; }); }
  function snippet(hit, width) {
    width = width || 80;
    var text = hit.doc.text, first = hit.spans.length ? hit.spans[0][0] : 0;
    var start = Math.max(0, Math.min(first - Math.floor(width / 3), text.length - width));
    var end = Math.min(text.length, start + width), out = [], cursor = start;
    hit.spans.forEach(function (s) {
      var left = Math.max(s[0], cursor), right = Math.min(s[1], end);
      if (left >= right) return;
      out.push(escapeHtml(text.slice(cursor, left)), "<mark>" + escapeHtml(text.slice(left, right)) + "</mark>");
      cursor = right;
    });
    out.push(escapeHtml(text.slice(cursor, end)));
    return (start > 0 ? "…" : "") + out.join("") + (end < text.length ? "…" : "");
  }

  return { Engine: Engine, cleanQuery: cleanQuery, escapeHtml: escapeHtml, snippet: snippet,
    latinKey: latinKey, toLatin: toLatin };
});
