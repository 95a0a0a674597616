"""Security: response headers, a strict CSP that the pages live with, and escaping of every
echoed input."""

from __future__ import annotations

import shutil
import urllib.parse

import pytest
from conftest import FIXTURES

from portal import create_app

XSS = [
    "<script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "<iframe src=javascript:alert(1)>",
    "{{7*7}}",
    '<a href="javascript:alert(1)">x</a>',
    "</textarea><script>alert(1)</script>",
    "<body onload=alert(1)>",
    "\u202e<script>",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "<scr<script>ipt>alert(1)</script>",
]


# What every answer must carry, written out here rather than read from portal.web.security, so
# that a header dropped or weakened there fails this test.
EXPECTED_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}
EXPECTED_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy_of(header: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def test_every_response_carries_the_security_headers(client):
    urls = ["/", "/zh/", "/mn/4/", "/zh/search/?q=x", "/api/search?q=x", "/nope/", "/static/css/portal.css"]
    for url in urls:
        response = client.get(url)
        for name, value in EXPECTED_HEADERS.items():
            assert response.headers.get(name) == value, (url, name)
        assert policy_of(response.headers["Content-Security-Policy"]) == EXPECTED_POLICY, url


@pytest.mark.parametrize("payload", XSS)
def test_echoed_input_is_escaped_everywhere(client, payload):
    quoted = urllib.parse.quote(payload, safe="")
    for url in [
        f"/zh/search/?q={quoted}",
        f"/mn/search/?q={quoted}",
        f"/{quoted}/",
        f"/zh/{quoted}/",
        f"/zh/glossary/{quoted}/",
    ]:
        body = client.get(url).get_data(as_text=True)
        for raw in (
            "<script>alert",
            "<img src=x",
            "<svg/onload",
            "<iframe",
            "<body onload",
            '"><script',
            '<a href="javascript',
        ):
            assert raw not in body, (url, raw)
    data = client.get("/api/search", query_string={"q": payload}).get_json()
    assert data["query"] == payload  # JSON carries the query as data, never as markup
    assert all("<script" not in r["snippet"] for r in data["results"])


def test_script_in_content_is_shown_as_text_not_run(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small", content)
    path = content / "zh" / "01.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "本章介绍草原保护。", "本章<script>alert(1)</script>介绍<img src=x onerror=alert(1)>草原保护。"
        ),
        encoding="utf-8",
    )
    body = create_app({"CONTENT_DIR": str(content)}).test_client().get("/zh/1/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_pages_work_under_the_content_security_policy(browser, live_server):
    browser.get_log("browser")  # start from an empty console
    for path in [
        "/",
        "/zh/",
        "/zh/4/",
        "/mn/0/",
        "/mn/4/parallel/",
        "/zh/search/?q=%E7%A6%81%E7%89%A7",
        "/mn/glossary/",
        "/zh/places/ba-yan-hao-te/",
    ]:
        browser.get(live_server + path)
        assert browser.execute_script("return document.readyState") == "complete"
    refused = [
        entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]
    ]
    assert refused == []
    # The stylesheet and fonts loaded under the policy.
    browser.get(live_server + "/mn/0/")
    assert browser.execute_script("return getComputedStyle(document.documentElement).writingMode") == "vertical-lr"


def test_production_response_cache_serves_the_same_pages_with_headers():
    from portal.site.production import cache_responses

    app = create_app({"WATCH_CONTENT": False})
    cache_responses(app, size=2)
    client = app.test_client()
    first = client.get("/zh/4/")
    again = client.get("/zh/4/")
    assert first.get_data() == again.get_data() and again.status_code == 200
    assert policy_of(again.headers["Content-Security-Policy"]) == EXPECTED_POLICY
    assert client.get("/zh/nope/").status_code == 404 and client.get("/zh/nope/").status_code == 404
    for path in ["/zh/1/", "/zh/2/", "/zh/3/"]:  # evicts the oldest; still correct afterwards
        client.get(path)
    assert client.get("/zh/4/").get_data() == first.get_data()


@pytest.mark.parametrize(
    ("target", "sent"),
    [
        ("http://evil.example/zh/", "/zh/"),
        ("https://evil.example/zh/4/?q=1#c4s1p2", "/zh/4/?q=1#c4s1p2"),
        ("//evil.example/zh/", "/zh/"),  # no scheme: a browser still goes to the other host
        ("https://evil.example", "/"),  # no path: the site's root, not an empty Location
        ("/zh/glossary/", "/zh/glossary/"),  # already a path: left alone
    ],
)
def test_a_redirect_never_names_another_host(target, sent):
    """Whatever address a redirect is made with (werkzeug's use the client's Host header),
    the answer names the path only."""
    from flask import redirect

    app = create_app()
    app.add_url_rule("/go-somewhere/", "go", lambda: redirect(target))
    response = app.test_client().get("/go-somewhere/")
    assert response.status_code == 302 and response.headers["Location"] == sent
