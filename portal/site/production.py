"""`portal serve --production`: the live app under gunicorn.

The content and the search index are loaded once, before gunicorn forks its workers, so every
worker shares them and none pays for building the index on its first search. Content files
are not watched in production: restart the server after publishing an update.
"""

from __future__ import annotations

import html
from collections import OrderedDict

from flask import Flask, Response, request
from gunicorn import util as gunicorn_util
from gunicorn.app.base import BaseApplication

from ..web.security import HEADERS

CACHE_SIZE = 2048  # rendered responses kept per worker (pages and searches)


def _write_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's own answers to requests it cannot parse (400, 414, 431), with the security
    headers the app sends on every other answer. gunicorn has no hook for these headers, so
    its writer is replaced (`gunicorn.util.write_error`, which its workers call)."""
    body = (
        f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(reason)}</title>"
        f"<h1>{html.escape(reason)}</h1><p>{html.escape(mesg)}</p></html>"
    ).encode()
    headers = "".join(f"{name}: {value}\r\n" for name, value in HEADERS.items())
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n{headers}\r\n"
    )
    gunicorn_util.write_nonblock(sock, head.encode("latin-1") + body)


class _Server(BaseApplication):
    def __init__(self, app: Flask, options: dict):
        self.app, self.options = app, options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.app


def cache_responses(app: Flask, size: int = CACHE_SIZE) -> None:
    """Keep rendered GET responses: without watched content files a page never changes
    until the server restarts, and rendering a chapter costs far more than sending it."""
    cache: OrderedDict[str, tuple[bytes, int, list]] = OrderedDict()

    @app.before_request
    def from_cache():
        hit = cache.get(request.full_path) if request.method == "GET" else None
        if hit is not None:
            cache.move_to_end(request.full_path)
            body, status, headers = hit
            return Response(body, status=status, headers=headers)
        return None

    @app.after_request
    def into_cache(response):
        if request.method == "GET" and response.status_code in (200, 404) and not response.direct_passthrough:
            cache[request.full_path] = (response.get_data(), response.status_code, list(response.headers.items()))
            if len(cache) > size:
                cache.popitem(last=False)
        return response


def serve_production(app: Flask, host: str, port: int, workers: int) -> None:
    cache_responses(app)
    gunicorn_util.write_error = _write_error
    _ = app.extensions["portal.store"].current().search  # build the index now, in the parent, so the workers inherit it
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gevent",
        "timeout": 30,
        # One request per connection. A gevent worker keeps every connection it accepted, so
        # with keep-alive a busy worker starves its own clients while another idles (p99 over
        # 2 s in bench/load.py --distinct); closed connections come back through the kernel's
        # accept queue to whichever worker is free. nginx in front keeps browsers' connections.
        "keepalive": 0,
        "accesslog": None,
        "preload_app": True,
    }
    _Server(app, options).run()
