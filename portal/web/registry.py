"""The page registry: every kind of page the site has, declared by the blueprint that serves it.

A page kind names its endpoint, how to list its URLs from the content, and whether its pages
belong in the sitemap and in the offline packs. The static build, the sitemap, the offline
lists and the tests all walk the registry, so a new kind of page (an EPUB, say) is one new
module in `portal/web/pages/` and nothing else.

    bp = Blueprint("notes", __name__)
    pages = PageSet(bp)

    @pages.route("/<lang:lang>/notes/", each=per_language, sitemap=True)
    def index(lang): ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from flask import Blueprint, Flask

from .store import Snapshot

#: Values for url_for of each page of a kind, from the content being served.
Enumerate = Callable[[Snapshot], Iterable[dict]]

#: A page's own inputs, from the content and the page's url_for values.
Inputs = Callable[..., object]

#: Offline packs: a page of the reader's language, a file every pack needs, or not kept.
OFFLINE_LANG, OFFLINE_ALL = "lang", "all"


@dataclass(frozen=True)
class PageKind:
    endpoint: str
    each: Enumerate
    sitemap: bool = False
    offline: str | None = None  # OFFLINE_LANG, OFFLINE_ALL or None
    #: What one page is made from, besides what every page shows (`Registry.frame`), as plain
    #: values and model objects; None: all of the content. An incremental build renders a page
    #: again only when these change, so they must cover everything the view reads.
    inputs: Inputs | None = None


def once(snapshot: Snapshot) -> Iterable[dict]:
    """A page without arguments."""
    return ({},)


def per_language(snapshot: Snapshot) -> Iterable[dict]:
    """One page per language with content."""
    return ({"lang": lang} for lang in snapshot.plans)


class PageSet:
    """The pages a blueprint declares; they join the app's registry with the blueprint."""

    def __init__(self, blueprint: Blueprint):
        self.blueprint = blueprint
        self.kinds: list[PageKind] = []
        blueprint.record_once(lambda state: registry_of(state.app).kinds.extend(self.kinds))

    def route(
        self,
        rule: str,
        each: Enumerate | None = None,
        *,
        sitemap: bool = False,
        offline: str | None = OFFLINE_LANG,
        inputs: Inputs | None = None,
        **options,
    ):
        """`Blueprint.route`, and with `each` the page kind that lists its URLs; a route
        without `each` (an API, an error page) is served but never frozen."""

        def decorator(view):
            self.blueprint.route(rule, **options)(view)
            if each is not None:
                self.kinds.append(PageKind(f"{self.blueprint.name}.{view.__name__}", each, sitemap, offline, inputs))
            return view

        return decorator


class Registry:
    def __init__(self) -> None:
        self.kinds: list[PageKind] = []

    def pages(self, snapshot: Snapshot) -> Iterator[tuple[str, dict]]:
        """(endpoint, values) of every page, in the order the kinds were declared."""
        for kind in self.kinds:
            for values in kind.each(snapshot):
                yield kind.endpoint, values

    def kind(self, endpoint: str) -> PageKind:
        return next(k for k in self.kinds if k.endpoint == endpoint)

    def inputs(self, snapshot: Snapshot, endpoint: str, values: dict) -> object | None:
        """What the page is made from, or None for a kind that depends on all content."""
        kind = self.kind(endpoint)
        return None if kind.inputs is None else kind.inputs(snapshot, **values)

    @staticmethod
    def frame(snapshot: Snapshot) -> object:
        """What every page shows besides its own inputs: the languages, each plan's title and
        chapter numbers (the language switch links only to chapters a language has), and which
        statements exist (the footer links to them)."""
        return [
            (lang, plan.edition, plan.title, plan.title_lang, [c.number for c in plan.chapters])
            for lang, plan in snapshot.plans.items()
        ] + [sorted(snapshot.content.statements.by_key)]


def registry_of(app: Flask) -> Registry:
    return app.extensions.setdefault("portal.pages", Registry())


def site_pages(app: Flask) -> list[tuple[str, dict]]:
    """(endpoint, values) of every page `app` serves now, for the build and the tests."""
    return list(registry_of(app).pages(app.extensions["portal.store"].current()))
