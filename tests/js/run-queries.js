// Runs queries through the browser search engine in Node, over the index files of a built site.
// Usage: node tests/js/run-queries.js BUILD_DIR INPUT.json
// INPUT: {"queries": [[lang, query], …], "words": [word, …]}
// Prints {"results": {"<lang>\t<query>": ["zh:c1s1p1", …]}, "only": {the same with only the
// reader's language's index loaded, as a search with scope=lang}, "keys": [latin key of each word]}.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { Engine, latinKey } = require("../../static/js/search-engine.js");

const [site, queriesFile] = process.argv.slice(2);
function data(name) {
  // Each index file is a script that hands its data to portalSearchData(), as in the page.
  let loaded = null;
  vm.runInNewContext(fs.readFileSync(path.join(site, "search", name), "utf8"), {
    portalSearchData: (d) => { loaded = d; },
  });
  return loaded;
}
function engineOf(langs) {
  const tables = data("tables.js"), made = new Engine(tables);
  made.addTable(data("t2s.js"));
  for (let n = 0; n < tables.word_shards; n++) made.addTable(data(`words-${n}.js`));
  made.addTable(data("pinyin.js"));
  langs.forEach((code) => made.addIndex(data(code + ".js")));
  return made;
}
const engine = engineOf(["zh", "mn"]);
const alone = { zh: engineOf(["zh"]), mn: engineOf(["mn"]) };
const input = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const results = {}, only = {};
const named = (hit) => hit.doc.lang + ":" + hit.doc.id;
for (const [lang, query] of input.queries) {
  results[lang + "\t" + query] = engine.search(query, lang).map(named);
  // as search.js loads for scope=lang: a Chinese page its own index; a Mongolian page its own,
  // and the Chinese one as well unless the query is all Mongolian script
  const script = !/[^\u1800-\u18af\u202f\s]/.test(query);
  const loaded = lang === "zh" || script ? alone[lang] : engine;
  only[lang + "\t" + query] = loaded.search(query, lang, true).map(named);
}
process.stdout.write(JSON.stringify({ results: results, only: only, keys: input.words.map(latinKey) }));
