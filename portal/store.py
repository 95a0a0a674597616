"""What the live app serves: the plans in every language and the synonyms, reloaded when a
content file changes, and the live search index built from them on first use.

Staff edit Markdown while `portal serve` runs and expect a page reload to show the edit.
If an edit breaks a file, the last good content keeps being served and the error is logged
with its file and line, so the site never falls over mid-edit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from flask import g, has_request_context

from .editions import Editions
from .errors import ContentErrors
from .figures import Figures
from .glossary import Glossary
from .loader import load_editions, load_figures, load_glossary, load_notices, load_plans, load_synonyms
from .model import Plan
from .translation import SOURCE_LANG
from .updates import Notices

log = logging.getLogger(__name__)


@dataclass
class Content:
    """Everything read from content/ at one moment."""

    plans: dict[str, Plan]
    synonyms: tuple[tuple[str, ...], ...]
    glossary: Glossary = field(default_factory=Glossary)
    figures: Figures = field(default_factory=Figures)
    editions: Editions = field(default_factory=Editions)
    notices: Notices = field(default_factory=lambda: Notices({}))
    _cache: dict = field(default_factory=dict, repr=False)

    def documents(self):
        """The paragraphs as search sees them (portal.search.analysis.Document)."""
        if "documents" not in self._cache:
            from .search import documents

            self._cache["documents"] = documents(self.plans)
        return self._cache["documents"]

    def tables(self):
        if "tables" not in self._cache:
            from .search import build_tables, merge_groups

            groups = merge_groups(self.synonyms, self.glossary.synonym_groups())
            self._cache["tables"] = build_tables(self.documents(), groups)
        return self._cache["tables"]

    def search(self):
        """The live search index, built on first use, once per version of the content."""
        if "search" not in self._cache:
            from .search.index import LiveSearch

            self._cache["search"] = LiveSearch(self.documents(), self.tables())
        return self._cache["search"]


def load_content(content_dir: Path) -> Content:
    plans = load_plans(content_dir)
    return Content(
        plans,
        load_synonyms(content_dir),
        load_glossary(content_dir),
        load_figures(content_dir, plans[SOURCE_LANG]),
        load_editions(content_dir, plans),
        load_notices(content_dir),
    )


class PlanStore:
    def __init__(self, content_dir: Path, watch: bool = True, content: Content | None = None):
        self.content_dir = Path(content_dir)
        self.watch = watch  # off while freezing: the content cannot change during a build
        self._content: Content | None = content  # given when the caller has just loaded it
        self._stamp: tuple = self._current_stamp() if content is not None else ()
        if content is None:
            self.reload(strict=True)

    def _current_stamp(self) -> tuple:
        files = sorted(
            [
                *self.content_dir.glob("*/*.md"),
                *self.content_dir.glob("*.yaml"),
                *self.content_dir.glob("editions/*/*.yaml"),
                *self.content_dir.glob("editions/*/*/*.md"),
            ]
        )
        return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)

    def reload(self, strict: bool = False) -> None:
        stamp = self._current_stamp()
        try:
            content = load_content(self.content_dir)
        except ContentErrors as exc:
            if strict:
                raise
            log.error("content has errors; still serving the last good version:\n%s", exc)
        else:
            self._content = content
        self._stamp = stamp

    def content(self) -> Content:
        in_request = has_request_context()
        if self.watch and not (in_request and g.get("_content_checked")):
            if in_request:
                g._content_checked = True  # look at the files once per request, not per call
            if self._current_stamp() != self._stamp:
                self.reload()
        return self._content

    def plans(self) -> dict[str, Plan]:
        return self.content().plans
