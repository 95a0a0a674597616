"""Build benchmark: `portal build` (every page of both languages, search index, JSON files)
against MkDocs Material building the same chapter Markdown in both languages, in one run.

Run:  .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/build.py
Target (issue "Quality gates"): ratio ≤ 1.0; an incremental rebuild of one chapter ≤ 0.2 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal import create_app  # noqa: E402
from reference import build_mkdocs, write_mkdocs_project  # noqa: E402

RUNS = 3


def portal_build(out: Path) -> float:
    """Seconds for `portal build` in a fresh process, as staff run it."""
    started = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "portal"), "build", "--out", str(out)], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    plans = create_app().extensions["portal.plans"].plans()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours = [portal_build(tmp / f"site{i}") for i in range(RUNS)]
        files = sum(1 for p in (tmp / "site0").rglob("*") if p.is_file())
        pages = sum(1 for _ in (tmp / "site0").rglob("*.html"))
        write_mkdocs_project(plans, tmp / "mkdocs")
        theirs = [build_mkdocs(tmp / "mkdocs") for _ in range(RUNS)]
        their_pages = sum(1 for _ in (tmp / "mkdocs" / "site").rglob("*.html"))
    mine, reference = statistics.median(ours), statistics.median(theirs)
    print(f"portal build:          {mine:6.2f} s  ({pages} pages, {files} files; median of {RUNS})")
    print(f"MkDocs Material build: {reference:6.2f} s  ({their_pages} pages; median of {RUNS})")
    print(f"ratio portal / MkDocs: {mine / reference:.2f}  (target ≤ 1.0: {'met' if mine <= reference else 'NOT met'})")
    print("incremental rebuild of one chapter: not available; every build is a full, atomic build")


if __name__ == "__main__":
    main()
