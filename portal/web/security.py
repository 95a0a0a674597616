"""Response headers of the live app. The frozen site needs the same from its web server;
docs/deploy.md gives them for nginx.

The Content-Security-Policy allows nothing inline: every script and stylesheet is a file
under static/, so an injected `<script>` could not run even if escaping failed somewhere.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import Flask

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",  # for browsers that predate frame-ancestors
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}


#: Sent only when the site's address is https: browsers then refuse plain http for a year.
HSTS = "max-age=31536000"


def init_security(app: Flask) -> None:
    https = str(app.config["SITE_URL"]).startswith("https://")  # always set: app.DEFAULTS

    @app.after_request
    def secure_headers(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if https:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        _relative_location(response)
        return response


def _relative_location(response) -> None:
    """Redirects name the path only: werkzeug writes the trailing-slash redirect with the
    client's Host header, so `Host: evil.example` would send readers to another site."""
    location = response.headers.get("Location")
    if location:
        parts = urlsplit(location)
        if parts.scheme or parts.netloc:
            response.headers["Location"] = urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
