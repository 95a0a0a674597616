"""The Alxa Left Banner plan portal. The package follows the data, one way:

    content/ ─readers→ model ─┬→ web (pages, open data) ─site→ build/
                              ├→ search (live index, browser index)
                              └→ check (portal check)

`staff` holds the only code that writes content; `cli` is a thin layer of commands. This module
composes the layers (the web layer never opens content files itself), and nothing runs at import.
See docs/architecture.md.
"""

from __future__ import annotations

from pathlib import Path

from .settings import PROJECT_ROOT, content_folder

__all__ = ["PROJECT_ROOT", "build_site", "check_content", "create_app", "load_content"]


def create_app(config: dict | None = None, content=None):
    """The live app of the content folder `config["CONTENT_DIR"]` (see portal.settings for the
    default). Raises ContentErrors on bad content. `content` (portal.model.Content) is that
    folder's content when the caller has already loaded it."""
    from .readers import ContentFolder
    from .web.app import make_app
    from .web.store import ContentStore

    config = dict(config or {})
    folder = Path(config.setdefault("CONTENT_DIR", str(content_folder())))
    store = ContentStore(ContentFolder(folder), watch=config.get("WATCH_CONTENT", True), content=content)
    return make_app(config, store)


def load_content(content_dir: Path | str):
    """Everything in a content folder (portal.model.Content); raises ContentErrors."""
    from .readers import load_content as load

    return load(content_dir)


def check_content(
    content_dir: Path | str,
    languages: tuple[str, ...] | None = None,
    chapter: int | None = None,
    allow_missing: bool = False,
    strict: bool = False,
):
    """`portal check` on a content folder: a portal.check.Report."""
    from .check import check_loaded, report_of
    from .errors import ContentErrors

    try:
        content = load_content(content_dir)
    except ContentErrors as exc:
        return report_of(exc, chapter)
    return check_loaded(content, languages, chapter, allow_missing, strict)


def build_site(out: Path | str, config: dict | None = None, content=None, full: bool = False, sources=None) -> int:
    """Freeze the portal of `config`'s content folder into `out`; returns the number of files
    (with `.kept`: how many the previous build gave unchanged; `full` renders every one).
    `sources` is recorded for `portal build`'s no-change answer (portal.site.sources).
    Raises ContentErrors or BuildError, and `out` is then untouched."""
    from .site.build import build

    # loads and validates all content first; the frozen site has no form of its own (it links to
    # FEEDBACK_URL's), so nothing of the form is set up
    app = create_app({**(config or {}), "WATCH_CONTENT": False, "FEEDBACK_FORM": False}, content)
    return build(out, app, full, sources)
