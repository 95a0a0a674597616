"""`portal check`: every content problem, in every language, as `file:line: [id] message` lines.

It runs the same loader as the site, so a content tree that passes the check also builds.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ContentError, ContentErrors
from .loader import available_languages, load_plan


def check_content(content_dir: Path, languages: tuple[str, ...] | None = None, chapter: int | None = None) -> list[ContentError]:
    findings: list[ContentError] = []
    for lang in languages or available_languages(content_dir) or ("zh",):
        try:
            load_plan(content_dir, lang)
        except ContentErrors as exc:
            findings.extend(exc.errors)
    if chapter is not None:
        findings = [f for f in findings if f.path.suffix != ".md" or f.path.stem.split("-")[0] == f"{chapter:02d}"]
    return findings
