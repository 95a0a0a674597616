"""Where things are: the checkout the package lives in (static files, catalogs and templates
sit beside it), and the content folder a command works on.

The content folder comes from `--content`, then from `content = "…"` in a `portal.toml` in
the current folder or a parent (relative to that file), then `./content`. Commands say which
folder they used, so staff working in a copy of the content never check the original by
mistake.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

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


KNOWN = {"content": str, "out": str, "site_url": str}


class SettingsError(Exception):
    """A portal.toml that cannot be used; printed as `file:line: settings message`."""

    def __init__(self, path: Path, line: int | None, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line or 1}: settings {message}")


def read_settings(start: Path | None = None) -> tuple[dict, Path | None]:
    """The settings of the nearest portal.toml, and its path (({}, None) without one)."""
    path = find_settings(start)
    if path is None:
        return {}, None
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        settings = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise SettingsError(path, int(line.group(1)) if line else None, f"not valid TOML: {exc}") from None
    for key, value in settings.items():
        where = _line_of(text, key)
        if key not in KNOWN:
            raise SettingsError(path, where, f"unknown setting {key!r}; portal.toml knows {', '.join(KNOWN)}")
        if not isinstance(value, KNOWN[key]):
            raise SettingsError(path, where, f'{key} must be text in quotes, like {key} = "…"')
    if "site_url" in settings and (problem := site_url_problem(settings["site_url"])):
        raise SettingsError(path, _line_of(text, "site_url"), f"site_url {problem}")
    return settings, path


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return None


def site_url_problem(url: str) -> str | None:
    """What is wrong with a public address for sitemap.xml, the feeds and the QR codes, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"must be a web address like https://plan.example.org, not {url!r}"
    if any(c.isspace() for c in url) or parts.query or parts.fragment or parts.username or parts.password:
        return f"must be a plain address without spaces, ?query, #fragment or user name, not {url!r}"
    return None


def content_folder(given: Path | None = None, start: Path | None = None) -> Path:
    """The content folder to work on: `given`, else portal.toml's `content`, else ./content."""
    if given is not None:
        return Path(given)
    settings, path = read_settings(start)
    if "content" in settings:
        return (path.parent / str(settings["content"])).resolve()
    return (start or Path.cwd()) / "content"
