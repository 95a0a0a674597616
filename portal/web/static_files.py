"""Scripts and style sheets are sent minified: comments and spaces taken out by rjsmin and
rcssmin, which change no name and no rule. static/ keeps the readable files; the live app and
the frozen site (which freezes what this view answers) send the same smaller bytes, and the
offline lists hash those. Every page loads these files, so on a slow link each kilobyte saved
counts on every page.
"""

from __future__ import annotations

import hashlib
import mimetypes
from functools import lru_cache
from pathlib import Path

import rcssmin
import rjsmin
from flask import Flask, Response, abort, current_app, request
from werkzeug.security import safe_join

MINIFIERS = {
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True),
}


@lru_cache(maxsize=64)
def _minified(path: str, suffix: str, mtime_ns: int, size: int) -> bytes:
    """Keyed by time and size too, so that a file edited while the dev server runs is read again."""
    return MINIFIERS[suffix](Path(path).read_text(encoding="utf-8")).encode("utf-8")


def minified(path: Path) -> bytes:
    """The bytes sent for the file at `path`: minified if it is a script or a style sheet."""
    if path.suffix not in MINIFIERS:
        return path.read_bytes()
    stat = path.stat()
    return _minified(str(path), path.suffix, stat.st_mtime_ns, stat.st_size)


def static_file(filename: str) -> Response:
    """The view of `/static/<filename>`, in place of Flask's, for the file types above."""
    app = current_app
    found = safe_join(app.static_folder, filename)
    path = Path(found) if found else None
    if path is None or not path.is_file():
        abort(404)
    if path.suffix not in MINIFIERS:
        return app.send_static_file(filename)
    body = minified(path)
    response = Response(body, mimetype=mimetypes.guess_type(path.name)[0])
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    response.last_modified = path.stat().st_mtime
    max_age = app.get_send_file_max_age(filename)
    if max_age is not None:
        response.cache_control.max_age = max_age
        response.cache_control.public = True
    return response.make_conditional(request)


def init_static(app: Flask) -> None:
    app.view_functions["static"] = static_file
