"""What the live app serves: one version of the content, reloaded when a content file
changes, and what the pages derive from it, kept with the version it came from.

Staff edit Markdown while `portal serve` runs and expect a page reload to show the edit. If an
edit breaks a file, the last good content keeps being served and the problem is logged with
its file and line, so the site never falls over mid-edit.

The store does not read files itself: it is given a source (`portal.readers.ContentFolder`)
that loads the content and tells when it changed. Everything derived (the search index, the
term index, comparisons between editions, offline lists) lives on the `Snapshot` of one
version and is dropped with it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import cached_property
from typing import Any, Protocol

from flask import g, has_request_context

from ..errors import ContentErrors
from ..model.content import Content
from ..model.editions import Change, Edition, compare
from ..model.languages import SOURCE_LANG
from ..model.progress import Tracked, tracked
from ..search import build_tables, documents, merge_groups
from ..search.analysis import Document, Tables
from ..text.terms import TermIndex

log = logging.getLogger(__name__)


class ContentSource(Protocol):
    def load(self) -> Content: ...

    def version(self) -> tuple: ...


class Snapshot:
    """One version of the content, and what the pages derive from it on first use."""

    def __init__(self, content: Content):
        self.content = content
        self.plans = content.plans
        self.glossary = content.glossary
        self.figures = content.figures
        self.editions = content.editions
        self.notices = content.notices
        self.synonyms = content.synonyms
        self._lock = threading.RLock()  # re-entrant: one product may be made from another (offline list → changes)
        self._made: dict[Any, Any] = {}

    def derived(self, key: Any, make: Callable[[], Any]) -> Any:
        """`make()`, once per version of the content: for products keyed by their arguments."""
        if key not in self._made:
            with self._lock:
                if key not in self._made:
                    self._made[key] = make()
        return self._made[key]

    def prepare(self) -> None:
        """Make the products most pages share now, before the build forks its processes,
        so that each process inherits them instead of making them again."""
        for product in ("tables", "entries", "terms", "occurrences"):
            getattr(self, product)

    @cached_property
    def targets(self) -> list[Tracked]:
        """Each numeric target with its latest recorded value and status."""
        return tracked(self.figures, self.content.progress)

    @cached_property
    def documents(self) -> list[Document]:
        """The paragraphs as search sees them."""
        return documents(self.plans)

    @cached_property
    def tables(self) -> Tables:
        colloquial = {say: entry.plan for entry in self.content.colloquial for say in entry.say}
        return build_tables(self.documents, merge_groups(self.synonyms, self.glossary.synonym_groups()), colloquial)

    @cached_property
    def search(self):
        """The live search index, built on first use."""
        from ..search.index import LiveSearch

        return LiveSearch(self.documents, self.tables)

    @cached_property
    def entries(self) -> TermIndex:
        """Where every glossary and place entry occurs."""
        return TermIndex(self.glossary.entries)

    @cached_property
    def terms(self) -> TermIndex:
        """Terms only, without places: what chapter pages mark."""
        return TermIndex(self.glossary.terms)

    @cached_property
    def occurrences(self) -> dict[str, list[str]]:
        """Entry id → the Chinese paragraphs that use it."""
        return self.entries.occurrences(self.plans[SOURCE_LANG])

    def changes(self, old: Edition, new: Edition) -> list[Change]:
        """Changes of the Chinese text (the authoritative one) between two editions."""
        return self.derived(
            ("changes", old.name, new.name), lambda: compare(old.plans[SOURCE_LANG], new.plans[SOURCE_LANG])
        )


class ContentStore:
    def __init__(self, source: ContentSource, watch: bool = True, content: Content | None = None):
        self.source = source
        self.watch = watch  # off while freezing: the content cannot change during a build
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = Snapshot(content) if content is not None else None
        self._version: tuple = source.version() if content is not None else ()
        if content is None:
            self.reload(strict=True)

    def reload(self, strict: bool = False) -> None:
        with self._lock:
            try:
                version = self.source.version()
            except OSError:  # a file removed between listing and reading: look again next time
                return
            try:
                content = self.source.load()
            except ContentErrors as exc:
                if strict:
                    raise
                log.error("content has errors; still serving the last good version:\n%s", exc)
            except Exception:  # a file vanishing mid-read, or a reader's own bug: never a 500
                if strict:
                    raise
                log.exception("content could not be read; still serving the last good version")
            else:
                self._snapshot = Snapshot(content)
            self._version = version

    def _changed(self) -> bool:
        try:
            return self.source.version() != self._version
        except OSError:  # a file removed between listing and reading: look again next time
            return False

    def current(self) -> Snapshot:
        in_request = has_request_context()
        if self.watch and not (in_request and g.get("_content_checked")):
            if in_request:
                g._content_checked = True  # look at the files once per request, not per call
            if self._changed():
                self.reload()
        return self._snapshot
