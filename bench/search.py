"""Search benchmark: the portal against two references, measured in the same run.

Prints, for a fixed query list:
  * p50 / p95 latency of a warm live search, in-process, and the live index build time;
  * p50 / p95 of distinct queries, each asked once, per script: every Chinese form of the
    glossary, its pinyin, the glossary's Mongolian terms, and the everyday Latin and Cyrillic
    spellings of tests/fixtures/mongolian-word-pairs.yaml;
  * the gzipped bytes a browser downloads for a first search in the frozen site;
and the same figures for
  * a plain Whoosh index with jieba's ChineseAnalyzer and OR grouping, and
  * MkDocs Material's lunr search over the same chapters (payload only; it runs in a browser).

Run:  .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/search.py
Targets (issue "Full-text search"): live p95 ≤ 2 ms for every script; a first static search,
Chinese and Mongolian, ≤ 60 kB gz.
"""

from __future__ import annotations

import gzip
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reference import build_mkdocs, write_mkdocs_project  # noqa: E402

from portal import build_site as build  # noqa: E402
from portal import create_app  # noqa: E402
from portal.search.browser import WORD_SHARDS  # noqa: E402
from portal.search.index import LiveSearch  # noqa: E402

QUERIES = [
    "禁牧",
    "草畜平衡",
    "草原奖补",
    "双峰驼",
    "白绒",
    "苏木",
    "苁蓉",
    "低保",
    "驼奶",
    "河长制",
    "畜種保險",
    "caoyuan",
    "shuangfengtuo",
    "cao yuan",
    "草原 禁牧",
    "养老保险",
    "5G",
    "乌兰牧骑",
    "ᠠᠯᠠᠱᠠ",
    "alasa",
    "巴彦浩特",
    "高标准农田",
    "乡村振兴",
    "易地扶贫搬迁",
]
ROUNDS = 30


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def time_queries(run) -> tuple[float, float, int]:
    for query in QUERIES:  # warm up
        run(query)
    samples = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            start = time.perf_counter()
            run(query)
            samples.append(time.perf_counter() - start)
    empty = sum(1 for query in QUERIES if not run(query))
    p50, p95 = percentiles(samples)
    return p50, p95, empty


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def linked(page: Path) -> list[Path]:
    """The style sheets and scripts a page links to (the font is not counted)."""
    refs = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', page.read_text(encoding="utf-8"))
    return [f for f in ((page.parent / ref).resolve() for ref in refs) if f.is_file()]


def distinct_queries(tables) -> dict[str, list[str]]:
    """Queries by script, each once: what herders and residents type, from the glossary and the
    word pairs, so the list grows with the content."""
    glossary = yaml.safe_load((ROOT / "content" / "glossary.yaml").read_text(encoding="utf-8"))
    pairs = yaml.safe_load((ROOT / "tests" / "fixtures" / "mongolian-word-pairs.yaml").read_text(encoding="utf-8"))
    chinese = sorted({form for entry in glossary for form in entry["zh"]})
    pinyin = sorted(
        {"".join(tables.pinyin[ch][0] for ch in form) for form in chinese if all(ch in tables.pinyin for ch in form)}
    )
    script = sorted({entry["mn"] for entry in glossary} | {pair["written"] for pair in pairs})
    latin = sorted({spelling for pair in pairs for spelling in pair["latin"]} | {pair["translit"] for pair in pairs})
    cyrillic = sorted({spelling for pair in pairs for spelling in pair["cyrillic"]})
    return {"chinese": chinese, "pinyin": pinyin, "mongolian script": script, "mongolian latin": latin,
            "cyrillic": cyrillic}  # fmt: skip


def time_once(run, queries: list[str]) -> tuple[float, float]:
    samples = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


def portal_figures() -> dict:
    content = create_app().extensions["portal.store"].current()
    docs, tables = content.documents, content.tables
    start = time.perf_counter()
    live = LiveSearch(docs, tables)
    build_time = time.perf_counter() - start
    p50, p95, empty = time_queries(lambda q: live.search(q, "zh"))
    distinct = distinct_queries(tables)
    fresh = LiveSearch(docs, tables)  # nothing of the fixed list cached
    by_script = {script: time_once(lambda q: fresh.search(q, "zh"), queries) for script, queries in distinct.items()}
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        # The page with every style sheet and script it links, then the files a query loads.
        zh_page, mn_page = site / "zh/search/index.html", site / "mn/search/index.html"
        search = site / "search"
        payload = {
            "page": gz(zh_page) + sum(gz(f) for f in linked(zh_page) if f.suffix == ".css"),
            "code": sum(gz(f) for f in linked(zh_page) if f.suffix == ".js"),
            # a Chinese query (草畜平衡) loads the word shards of its characters only
            "index": sum(gz(search / f) for f in ("tables.js", "t2s.js", "zh.js"))
            + sum(gz(search / f"words-{n}.js") for n in sorted({ord(ch) % WORD_SHARDS for ch in "草畜平衡"})),
            "pinyin_index": sum(gz(search / f) for f in ("tables.js", "pinyin.js", "zh.js")),
            "other_index": gz(search / "mn.js"),  # fetched next, unless the search is scope=lang
            # a Mongolian page, a query in Mongolian script: its own index first
            "mongolian": gz(mn_page)
            + sum(map(gz, linked(mn_page)))
            + sum(gz(search / f) for f in ("tables.js", "mn.js")),
        }
    return {"build": build_time, "p50": p50, "p95": p95, "empty": empty, "payload": payload, "docs": len(docs),
            "distinct": distinct, "by_script": by_script}  # fmt: skip


def whoosh_jieba_figures() -> dict:
    from jieba.analyse import ChineseAnalyzer
    from whoosh import fields, qparser
    from whoosh.filedb.filestore import RamStorage

    plans = create_app().extensions["portal.store"].current().plans
    paragraphs = [(p.id, p.text) for p in plans["zh"].paragraphs]
    start = time.perf_counter()
    index = RamStorage().create_index(
        fields.Schema(id=fields.ID(stored=True), text=fields.TEXT(analyzer=ChineseAnalyzer()))
    )
    writer = index.writer()
    for ident, text in paragraphs:
        writer.add_document(id=ident, text=text)
    writer.commit()
    build_time = time.perf_counter() - start
    searcher = index.searcher()
    parser = qparser.QueryParser("text", index.schema, group=qparser.OrGroup)

    def run(query: str):
        return [hit["id"] for hit in searcher.search(parser.parse(query), limit=20)]

    p50, p95, empty = time_queries(run)
    return {"build": build_time, "p50": p50, "p95": p95, "empty": empty, "run": run}


def mkdocs_figures() -> dict:
    """Build the same chapters with MkDocs Material and weigh what its first search loads."""
    plans = create_app().extensions["portal.store"].current().plans
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        write_mkdocs_project(plans, project)
        build_time = build_mkdocs(project)
        site = project / "site"
        bundle = sorted(site.glob("assets/javascripts/bundle.*.min.js"))
        worker = sorted(site.glob("assets/javascripts/workers/search.*.min.js"))
        css = sorted(site.glob("assets/stylesheets/main.*.min.css"))
        page = site / "zh" / "04" / "index.html"
        index = site / "search" / "search_index.json"
        search_specific = sum(map(gz, worker)) + gz(index)
        total = search_specific + sum(map(gz, bundle)) + sum(map(gz, css)) + gz(page)
    return {"build": build_time, "search_specific": search_specific, "total": total}


def main() -> None:
    ours, plain, mkdocs = portal_figures(), whoosh_jieba_figures(), mkdocs_figures()
    kb = lambda n: f"{n / 1024:.1f} kB"  # noqa: E731
    payload = ours["payload"]
    first_search = payload["page"] + payload["code"] + max(payload["index"], payload["pinyin_index"])
    print(f"fixed query list: {len(QUERIES)} queries × {ROUNDS} rounds, {ours['docs']} paragraphs (zh + mn)")
    print()
    print(f"{'':34}{'p50':>9}{'p95':>9}{'build':>10}{'no result':>11}")
    print(
        f"{'portal live search':34}{ours['p50']:>7.2f}ms{ours['p95']:>7.2f}ms{ours['build']:>9.2f}s{ours['empty']:>11}"
    )
    print(
        f"{'reference: Whoosh + jieba, OR':34}{plain['p50']:>7.2f}ms{plain['p95']:>7.2f}ms"
        f"{plain['build']:>9.2f}s{plain['empty']:>11}"
    )
    print()
    total = sum(len(q) for q in ours["distinct"].values())
    print(f"distinct queries, each asked once: {total} in all")
    print(f"{'':34}{'n':>6}{'p50':>9}{'p95':>9}{'ref p50':>10}{'ref p95':>10}")
    worst = 0.0
    for script, queries in ours["distinct"].items():
        p50, p95 = ours["by_script"][script]
        r50, r95 = time_once(plain["run"], queries)
        worst = max(worst, p95)
        print(f"{'  ' + script:34}{len(queries):>6}{p50:>7.2f}ms{p95:>7.2f}ms{r50:>8.2f}ms{r95:>8.2f}ms")
    print("  (ref: the Whoosh + jieba reference over the same queries)")
    print()
    print("first static search, gzipped:")
    print(
        f"  portal: {kb(first_search)} in all, worst case (page + CSS {kb(payload['page'])}, "
        f"its scripts {kb(payload['code'])}, "
        f"index {kb(payload['index'])} for a Chinese query, {kb(payload['pinyin_index'])} for pinyin)"
    )
    both = first_search + payload["other_index"]
    print(
        f"  the whole search, both languages: {kb(both)}; with only this language (scope=lang): "
        f"{kb(first_search)}, the Mongolian index ({kb(payload['other_index'])}) never fetched"
    )
    print(f"  a first Mongolian search (Mongolian page, query in script): {kb(payload['mongolian'])}")
    print(f"  reference MkDocs Material: {kb(mkdocs['total'])} in all, {kb(mkdocs['search_specific'])} search-specific")
    print()
    print(f"target live p95 ≤ 2 ms: {'met' if ours['p95'] <= 2 else 'NOT met'} ({ours['p95']:.2f} ms)")
    print(f"target p95 ≤ 2 ms for every script, distinct queries: {'met' if worst <= 2 else 'NOT met'} "
          f"(worst {worst:.2f} ms)")  # fmt: skip
    worst_first = max(first_search, payload["mongolian"])
    print(f"target first search ≤ 60 kB (Chinese and Mongolian): {'met' if worst_first <= 60 * 1024 else 'NOT met'} "
          f"(Chinese {kb(first_search)}, Mongolian {kb(payload['mongolian'])})")  # fmt: skip
    print(f"payload vs MkDocs Material: {first_search / mkdocs['total']:.2f}×")


if __name__ == "__main__":
    main()
