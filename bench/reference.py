"""The reference every benchmark compares with: MkDocs Material building the same chapters.

The chapter Markdown of both languages is written as a plain MkDocs project (one page per
chapter and language) and built with the pinned mkdocs-material of the `bench` extra.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def write_mkdocs_project(plans, project: Path) -> None:
    for lang, plan in plans.items():
        for chapter in plan.chapters:
            lines = [f"# {chapter.title}", ""]
            for section in chapter.sections:
                if section.title:
                    lines += [f"## {section.title}", ""]
                lines += [p.text + "\n" for p in section.paragraphs]
            path = project / "docs" / lang / f"{chapter.number:02d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines), encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Plan\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Plan\ntheme:\n  name: material\n  language: zh\nplugins:\n  - search:\n      lang: zh\n",
        encoding="utf-8",
    )


def build_mkdocs(project: Path) -> float:
    """Seconds for `mkdocs build` (a fresh process, as staff would run it)."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
        check=True,
        cwd=project,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    return time.perf_counter() - started
