"""One rule for links: every page links through `link()` (an endpoint) or `site_link()` (a
path from the site root), which give relative URLs while the site is frozen.

So the static site works from disk, from a USB stick and from any sub-path of a web server.
In a frozen site a folder address ends in index.html, because a folder link opened from disk
shows a listing, not the page.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from flask import current_app, request, url_for
from flask_babel import gettext as _


def frozen_path(path: str) -> str:
    """The path a page is written to and linked as."""
    if current_app.config.get("RELATIVE_URLS") and path.endswith("/"):
        return path + "index.html"
    return path


def site_link(path: str) -> str:
    """A link to `path` (from the site root, '/zh/4/#c4s1p3'), made relative to the current
    page when the site is being frozen; also for files that are not routes, like the zip."""
    path, hash_mark, fragment = path.partition("#")
    path = frozen_path(path)
    if current_app.config.get("RELATIVE_URLS"):
        base = request.path if request.path.endswith("/") else posixpath.dirname(request.path)
        path = posixpath.relpath(path, base)
    return path + hash_mark + fragment


def link(endpoint: str, **values) -> str:
    """url_for, made relative to the current page when the site is being frozen."""
    return site_link(url_for(endpoint, **values))


def public_url(endpoint: str, **values) -> str:
    """A page's full address on the public site (SITE_URL): for the sitemap, the canonical
    link, the language alternates and the metadata that other sites read."""
    return current_app.config["SITE_URL"].rstrip("/") + url_for(endpoint, **values)


def site_path(endpoint: str, **values) -> str:
    """A page's path from the site root, in the form the pages link to it (no leading '/')."""
    return frozen_path(url_for(endpoint, **values)).lstrip("/")


def ask_link(lang: str) -> str:
    """Where a paragraph's "ask about this paragraph" leads, with `{id}` for the paragraph: this
    app's form, the live app's (FEEDBACK_URL) from the frozen site, or an e-mail to the office
    (OFFICE_EMAIL); "" when the site has none of them."""
    config = current_app.config
    if not config.get("RELATIVE_URLS"):  # the live app
        return link("feedback.form", lang=lang) + "?p={id}"
    if config.get("FEEDBACK_URL"):
        return config["FEEDBACK_URL"].rstrip("/") + f"/{lang}/feedback/?p={{id}}"
    if config.get("OFFICE_EMAIL"):
        subject = quote(_("About paragraph %(id)s", id="{id}"), safe="{}")
        return f"mailto:{config['OFFICE_EMAIL']}?subject={subject}"
    return ""
