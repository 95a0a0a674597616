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


KNOWN = {
    "content": str,
    "out": str,
    "site_url": str,
    "feedback_db": str,
    "feedback_url": str,
    "office_email": str,
    "trusted_proxies": int,  # proxies (nginx) in front of `portal serve --production`
}
#: portal.toml's settings the live app and the build read, by their names in the app's config.
APP_SETTINGS = {
    "site_url": "SITE_URL",
    "feedback_db": "FEEDBACK_DB",
    "feedback_url": "FEEDBACK_URL",
    "office_email": "OFFICE_EMAIL",
    "trusted_proxies": "TRUSTED_PROXIES",
}


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
        if KNOWN[key] is int and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise SettingsError(path, where, f"{key} must be a whole number, like {key} = 1")
        if KNOWN[key] is str and not isinstance(value, str):
            raise SettingsError(path, where, f'{key} must be text in quotes, like {key} = "…"')
    for key in ("site_url", "feedback_url"):
        if key in settings and (problem := site_url_problem(settings[key])):
            raise SettingsError(path, _line_of(text, key), f"{key} {problem}")
    email = settings.get("office_email")
    if email is not None and not re.fullmatch(r"[^@\s<>\"?&]+@[^@\s<>\"?&/]+\.[a-z]{2,}", email, re.IGNORECASE):
        raise SettingsError(
            path, _line_of(text, "office_email"), f"office_email must be an e-mail address, not {email!r}"
        )
    if "feedback_db" in settings:
        settings["feedback_db"] = _database_url(settings["feedback_db"], path)
    return settings, path


def _database_url(value: str, path: Path) -> str:
    """A SQLAlchemy URL; a plain file path is a SQLite file, relative to portal.toml."""
    if "://" in value:
        return value
    return f"sqlite:///{(path.parent / value).resolve()}"


def app_settings(settings: dict) -> dict:
    """portal.toml's settings under their names in the app's config."""
    return {APP_SETTINGS[k]: v for k, v in settings.items() if k in APP_SETTINGS}


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
