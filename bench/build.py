"""Build benchmark: `portal build` (every page of both languages, search index, JSON files)
against MkDocs Material building the same chapter Markdown in both languages, in one run.

Run:  .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/build.py
Target (issue "Quality gates"): ratio ≤ 1.0; an incremental rebuild of one chapter ≤ 0.2 s.

The static build has no incremental mode: every `portal build` is a full, atomic build. What
staff see after editing one chapter is `portal serve`, which re-reads the content on the next
page load; the second figure is that time, from saving the file to the edited page served.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reference import build_mkdocs, write_mkdocs_project  # noqa: E402

from portal import create_app  # noqa: E402

RUNS = 3
EDITS = 5


def portal_build(out: Path) -> float:
    """Seconds for `portal build` in a fresh process, as staff run it."""
    started = time.perf_counter()
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "portal"), "build", "--out", str(out)], check=True, capture_output=True
    )
    return time.perf_counter() - started


def preview_after_edit(tmp: Path) -> list[float]:
    """Seconds from saving an edit of chapter 4 to `portal serve` answering with the edited page."""
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    app = create_app({"CONTENT_DIR": str(content), "WATCH_CONTENT": True})
    client = app.test_client()
    client.get("/zh/4/")  # the server has been running: the first page is not part of an edit
    chapter = content / "zh" / "04.md"
    original = chapter.read_text(encoding="utf-8")
    times = []
    for n in range(EDITS):
        marker = f"编辑{n}"
        started = time.perf_counter()
        chapter.write_text(original.replace("。\n{: #c4s1p1 }", f"。{marker}\n{{: #c4s1p1 }}", 1), encoding="utf-8")
        page = client.get("/zh/4/").get_data(as_text=True)
        times.append(time.perf_counter() - started)
        if marker not in page:
            raise SystemExit(f"the edit {marker!r} did not reach the served page")
    return times


def main() -> None:
    plans = create_app().extensions["portal.store"].current().plans
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours = [portal_build(tmp / f"site{i}") for i in range(RUNS)]
        files = sum(1 for p in (tmp / "site0").rglob("*") if p.is_file())
        pages = sum(1 for _ in (tmp / "site0").rglob("*.html"))
        write_mkdocs_project(plans, tmp / "mkdocs")
        theirs = [build_mkdocs(tmp / "mkdocs") for _ in range(RUNS)]
        their_pages = sum(1 for _ in (tmp / "mkdocs" / "site").rglob("*.html"))
        preview = preview_after_edit(tmp)
    mine, reference = statistics.median(ours), statistics.median(theirs)
    print(f"portal build:          {mine:6.2f} s  ({pages} pages, {files} files; median of {RUNS})")
    print(f"MkDocs Material build: {reference:6.2f} s  ({their_pages} pages; median of {RUNS})")
    print(f"ratio portal / MkDocs: {mine / reference:.2f}  (target ≤ 1.0: {'met' if mine <= reference else 'NOT met'})")
    print(
        f"per page:              {mine / pages * 1000:6.1f} ms portal, {reference / their_pages * 1000:6.1f} ms MkDocs"
    )
    print("incremental static rebuild of one chapter: not available; every portal build is a full, atomic build")
    worst = max(preview)
    print(
        f"portal serve, edit of chapter 4 to the edited page served: median {statistics.median(preview):.3f} s, "
        f"worst {worst:.3f} s of {EDITS}  (target ≤ 0.2 s: {'met' if worst <= 0.2 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
