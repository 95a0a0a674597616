"""Where things are: the checkout the package lives in (static files, catalogs and templates
sit beside it), and the content folder a command works on.

The content folder comes from `--content`, then from `content = "…"` in a `portal.toml` in
the current folder or a parent (relative to that file), then `./content`. Commands say which
folder they used, so staff working in a copy of the content never check the original by
mistake.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

#: The checkout the package lives in.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = "portal.toml"


def find_settings(start: Path | None = None) -> Path | None:
    """The nearest portal.toml in `start` (the current folder) or one of its parents."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / SETTINGS_FILE
        if candidate.is_file():
            return candidate
    return None


def read_settings(start: Path | None = None) -> tuple[dict, Path | None]:
    """The settings of the nearest portal.toml, and its path (({}, None) without one)."""
    path = find_settings(start)
    if path is None:
        return {}, None
    with path.open("rb") as handle:
        return tomllib.load(handle), path


def content_folder(given: Path | None = None, start: Path | None = None) -> Path:
    """The content folder to work on: `given`, else portal.toml's `content`, else ./content."""
    if given is not None:
        return Path(given)
    settings, path = read_settings(start)
    if "content" in settings:
        return (path.parent / str(settings["content"])).resolve()
    return (start or Path.cwd()) / "content"
