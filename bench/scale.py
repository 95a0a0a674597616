"""Scale benchmark: the plan's content at 1×, 10× (and, asked for, 100×) its size, with every
figure at each size beside the same figure at 1× in the same run.

Run:  .venv/bin/python bench/scale.py [--sizes 1,10,100]
Target (issue "Build speed and scale"): growth linear or better, 10× the content in ≤ 12× the
time (a growth figure ≤ 1.2, see below), and the live index never spilling to disk.

The content at N× is the plan's own: every chapter file of content/ and of each recorded
edition, copied N − 1 times as chapters numbered 100, 200, … above the original, with their
paragraph ids renumbered to match. The glossary, places, figures and updates stay as they
are, so glossary pages list N times the uses. `portal check` must pass on it.

For each size it prints:
- `portal build --full`, and `portal build` after an edit of one paragraph, over that build;
- the live search index: loading the content, building the index, whether the index writer
  spilled to disk (files in TMPDIR), and the median and p95 of distinct queries of every script;
- `portal serve --production` (3 workers): seconds from start to the first search answered,
  and each worker's memory, resident (RSS) and proportional (PSS: pages shared with the other
  processes counted in part);
- the first search of the frozen site: the gzipped bytes of the index files a Chinese search loads.

Growth is a figure at N× divided by N times the figure at 1×: 1.0 is linear, less is better.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORTAL = ROOT / ".venv" / "bin" / "portal"
sys.path.insert(0, str(ROOT / "bench"))

from build import edit_paragraph  # noqa: E402  (bench/build.py: the same one-paragraph edit)

# a frozen build/ beside the project makes `build` look like a first-party package to the
# import sorter, so these two are sorted apart, the same with or without one
# isort: split
from load import free_port  # noqa: E402  (bench/load.py)

LANGS = ("zh", "mn")
STEP = 100  # copy k of chapter n is chapter n + k × STEP; the largest chapter number is 9999
FIRST_SEARCH = ("search/tables.js", "search/t2s.js", "search/zh.js")  # what a Chinese query loads


def scaled_content(times: int, target: Path) -> Path:
    """A copy of content/ with every chapter file repeated `times` times."""
    shutil.copytree(ROOT / "content", target)
    folders = [target / lang for lang in LANGS]
    folders += [edition / lang for edition in sorted((target / "editions").iterdir()) for lang in LANGS]
    for folder in (f for f in folders if f.is_dir()):
        for chapter in sorted(folder.glob("*.md")):
            text = chapter.read_text(encoding="utf-8")
            number = int(re.search(r"^chapter: *(\d+)", text, re.MULTILINE).group(1))
            for k in range(1, times):
                new = number + k * STEP
                copy = re.sub(rf"\bc{number}s(?=\d)", f"c{new}s", text)
                copy = re.sub(r"^chapter: *\d+", f"chapter: {new}", copy, count=1, flags=re.MULTILINE)
                (folder / f"{new}.md").write_text(copy, encoding="utf-8")
    return target


def run_portal(*args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([str(PORTAL), *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"portal {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return time.perf_counter() - started, done.stdout


def live_figures(content: Path) -> dict:
    """The live index of `content`, measured in a process of its own (its memory is its own)."""
    with tempfile.TemporaryDirectory(prefix="scale-tmp-") as spill:
        done = subprocess.run(
            [sys.executable, __file__, "--live", str(content)],
            capture_output=True,
            text=True,
            env={**os.environ, "TMPDIR": spill},
            check=True,
        )
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        # the index spills its writer's pool into portal-index-* folders of TMPDIR
        figures["spilled"] = sum(1 for p in Path(spill).rglob("*") if p.is_file() and "portal-index-" in str(p))
    return figures


def live_in_this_process(content: Path) -> None:
    from search import distinct_queries, time_once  # bench/search.py: the queries of every script

    from portal import load_content
    from portal.search.index import LiveSearch
    from portal.web.store import Snapshot

    started = time.perf_counter()
    snapshot = Snapshot(load_content(content))
    docs, tables = snapshot.documents, snapshot.tables
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    live = LiveSearch(docs, tables)
    indexed = time.perf_counter() - started
    queries = [q for group in distinct_queries(tables).values() for q in group]
    p50, p95 = time_once(lambda q: live.search(q, "zh"), queries)
    print(
        json.dumps(
            {"load": loaded, "index": indexed, "p50": p50, "p95": p95, "queries": len(queries), "docs": len(docs)}
        )
    )


def memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of process `pid` in kB."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value)
    return fields["Rss"], fields["Pss"]


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parts = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(parts[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def server_figures(content: Path) -> dict:
    port = free_port()
    url = f"http://127.0.0.1:{port}/api/search?q=%E7%A6%81%E7%89%A7&lang=zh"  # 禁牧
    started = time.perf_counter()
    server = subprocess.Popen(
        [str(PORTAL), "serve", "--production", "--port", str(port), "--content", str(content)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                if server.poll() is not None or time.perf_counter() - started > 600:
                    raise SystemExit("portal serve --production did not start") from None
                time.sleep(0.05)
        ready = time.perf_counter() - started
        workers = [memory_kb(pid) for pid in children(server.pid)]
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {
        "start": ready,
        "rss": max(w[0] for w in workers),
        "pss": max(w[1] for w in workers),
        "workers": len(workers),
    }


def measure(times: int, tmp: Path) -> dict:
    content = scaled_content(times, tmp / f"content-{times}")
    checked, _ = run_portal("check", "--allow-missing", "--content", str(content))
    out = tmp / f"build-{times}"
    full, said = run_portal("build", "--full", "--out", str(out), "--content", str(content))
    files = int(re.search(r"built (\d+) files", said).group(1))
    first = sum((out / (name + ".gz")).stat().st_size for name in FIRST_SEARCH)
    edit_paragraph(content / "zh" / "04.md", 0)
    again, _ = run_portal("build", "--out", str(out), "--content", str(content))
    shutil.rmtree(out)
    figures = {"check": checked, "full": full, "files": files, "edit": again, "first_search": first}
    figures.update(live_figures(content))
    figures.update(server_figures(content))
    shutil.rmtree(content)
    return figures


ROWS = [  # (label, key, unit, scaled: whether the figure should grow with the content)
    ("portal check", "check", "s", True),
    ("portal build --full", "full", "s", True),
    ("files built", "files", "", True),
    ("portal build, one paragraph edited", "edit", "s", True),
    ("content loaded (live)", "load", "s", True),
    ("live index built", "index", "s", True),
    ("live index: files spilled to disk", "spilled", "", False),
    ("search median, distinct queries", "p50", "ms", True),
    ("search p95, distinct queries", "p95", "ms", True),
    ("serve --production: start to first search", "start", "s", True),
    ("worker memory, RSS", "rss", "kB", True),
    ("worker memory, PSS", "pss", "kB", True),
    ("first search, gzipped index bytes", "first_search", "B", True),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10", help="multiples of the plan's content, comma-separated")
    parser.add_argument("--live", type=Path, help=argparse.SUPPRESS)  # the live-index measurement, run alone
    args = parser.parse_args()
    if args.live:
        live_in_this_process(args.live)
        return
    sizes = sorted({int(s) for s in args.sizes.split(",")} | {1})
    results = {}
    with tempfile.TemporaryDirectory(dir=ROOT, prefix=".bench-") as tmp:
        for times in sizes:
            results[times] = measure(times, Path(tmp))
            print(f"measured {times}×", file=sys.stderr, flush=True)
    base = results[1]
    header = (
        f"{'':44}"
        + "".join(f"{str(n) + '×':>12}" for n in sizes)
        + "".join(f"{'growth ' + str(n) + '×':>13}" for n in sizes[1:])
    )
    print(header)
    for label, key, unit, scaled in ROWS:
        cells = "".join(f"{_shown(results[n][key], unit):>12}" for n in sizes)
        growth = ""
        if scaled:
            growth = "".join(
                f"{results[n][key] / (n * base[key]) if base[key] else float('nan'):>13.2f}" for n in sizes[1:]
            )
        print(f"{label + (' (' + unit + ')' if unit else ''):44}{cells}{growth}")
    worst = {n: max(results[n][k] / (n * base[k]) for _, k, _, s in ROWS if s and base[k]) for n in sizes[1:]}
    spilled = any(results[n]["spilled"] for n in sizes)
    for n, value in worst.items():
        print(f"{n}×: largest growth {value:.2f} (target ≤ 1.2: {'met' if value <= 1.2 else 'NOT met'})")
    print(f"live index spilled to disk: {'yes (target: never)' if spilled else 'never (target met)'}")
    print("documents indexed: " + ", ".join(f"{n}× {results[n]['docs']}" for n in sizes))


def _shown(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f}"
    if unit == "ms":
        return f"{value:.1f}"
    return f"{int(value):,}"


if __name__ == "__main__":
    main()
