"""Build benchmark: `portal build` (every page of both languages, search index, JSON files)
against MkDocs Material building the same chapter Markdown in both languages, in one run.

Run:  .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/build.py
Targets: full build ratio ≤ 1.0 against MkDocs; a rebuild after an edit of one paragraph
≤ 0.5 s and a rebuild with no change ≤ 0.3 s, beside `mkdocs build --dirty` after the same edit;
`portal serve` showing a saved edit ≤ 0.2 s.

`portal build --full` renders every page; `portal build` keeps the files of the previous build
whose inputs did not change (portal/site/incremental.py). Each figure is a fresh process, as
staff run it, on a copy of the plan's content.
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


def portal_build(out: Path, content: Path, *options: str) -> float:
    """Seconds for `portal build` in a fresh process, as staff run it."""
    started = time.perf_counter()
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "portal"), "build", "--out", str(out), "--content", str(content), *options],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def edit_paragraph(chapter: Path, n: int) -> None:
    """Append words to the first paragraph of `chapter`, different ones each time."""
    text = chapter.read_text(encoding="utf-8")
    at = text.index("。\n{: #")
    chapter.write_text(
        text[:at] + "又编辑" + "甲乙丙丁戊己"[n] + text[at:], encoding="utf-8"
    )  # no digits: numbers are checked


def rebuilds(tmp: Path, content: Path) -> tuple[list[float], list[float]]:
    """`portal build` over its previous build: with no change, and after a one-paragraph edit."""
    out = tmp / "incremental"
    portal_build(out, content)
    unchanged = [portal_build(out, content) for _ in range(RUNS)]
    edited = []
    for n in range(RUNS):
        edit_paragraph(content / "zh" / "04.md", n)
        edited.append(portal_build(out, content))
    return unchanged, edited


def mkdocs_dirty(project: Path) -> float:
    """`mkdocs build --dirty` after the same kind of edit to one chapter file."""
    chapter = project / "docs" / "zh" / "04.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("。", "。编辑", 1), encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--dirty", "-f", str(project / "mkdocs.yml")],
        check=True,
        cwd=project,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    return time.perf_counter() - started


def preview_after_edit(tmp: Path) -> list[float]:
    """Seconds from saving an edit of chapter 4 to `portal serve` answering with the edited page."""
    content = tmp / "preview"
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
    # beside the project, where staff build: a temporary folder may sit on a slower file system
    with tempfile.TemporaryDirectory(dir=ROOT, prefix=".bench-") as tmp:
        tmp = Path(tmp)
        content = tmp / "content"
        shutil.copytree(ROOT / "content", content)
        ours = [portal_build(tmp / f"site{i}", content, "--full") for i in range(RUNS)]
        files = sum(1 for p in (tmp / "site0").rglob("*") if p.is_file())
        pages = sum(1 for _ in (tmp / "site0").rglob("*.html"))
        write_mkdocs_project(plans, tmp / "mkdocs")
        theirs = [build_mkdocs(tmp / "mkdocs") for _ in range(RUNS)]
        their_pages = sum(1 for _ in (tmp / "mkdocs" / "site").rglob("*.html"))
        unchanged, edited = rebuilds(tmp, content)
        dirty = [mkdocs_dirty(tmp / "mkdocs") for _ in range(RUNS)]
        preview = preview_after_edit(tmp)
    mine, reference = statistics.median(ours), statistics.median(theirs)
    print(f"portal build --full:   {mine:6.2f} s  ({pages} pages, {files} files; median of {RUNS})")
    print(f"MkDocs Material build: {reference:6.2f} s  ({their_pages} pages; median of {RUNS})")
    print(f"ratio portal / MkDocs: {mine / reference:.2f}  (target ≤ 1.0: {'met' if mine <= reference else 'NOT met'})")
    print(
        f"per page:              {mine / pages * 1000:6.1f} ms portal, {reference / their_pages * 1000:6.1f} ms MkDocs"
    )
    again, edit, their_edit = (statistics.median(t) for t in (unchanged, edited, dirty))
    print(f"portal build, no change:        {again:6.2f} s  (target ≤ 0.3 s: {'met' if again <= 0.3 else 'NOT met'})")
    print(f"portal build, one paragraph:    {edit:6.2f} s  (target ≤ 0.5 s: {'met' if edit <= 0.5 else 'NOT met'})")
    print(f"mkdocs build --dirty, one file: {their_edit:6.2f} s  (ratio {edit / their_edit:.2f})")
    worst = max(preview)
    print(
        f"portal serve, edit of chapter 4 to the edited page served: median {statistics.median(preview):.3f} s, "
        f"worst {worst:.3f} s of {EDITS}  (target ≤ 0.2 s: {'met' if worst <= 0.2 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
