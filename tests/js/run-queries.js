// Runs queries through the browser search engine in Node, over the index files of a built site.
// Usage: node tests/js/run-queries.js BUILD_DIR INPUT.json
// INPUT: {"queries": [[lang, query], …], "words": [word, …]}
// Prints {"results": {"<lang>\t<query>": ["zh:c1s1p1", …]}, "keys": [latin key of each word]}.
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
const engine = new Engine(data("tables.js"));
engine.addTable(data("t2s.js"));
engine.addTable(data("pinyin.js"));
engine.addIndex(data("zh.js"));
engine.addIndex(data("mn.js"));
const input = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const results = {};
for (const [lang, query] of input.queries) {
  results[lang + "\t" + query] = engine.search(query, lang).map((hit) => hit.doc.lang + ":" + hit.doc.id);
}
process.stdout.write(JSON.stringify({ results: results, keys: input.words.map(latinKey) }));
