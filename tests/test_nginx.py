"""The nginx configuration of docs/deploy.md, as written there, with Debian's nginx: it passes
`nginx -t`, redirects http to https, and serves a build with the security headers, HSTS and
the right content types, at the root of a host and under a sub-path."""

from __future__ import annotations

import os
import re
import shutil
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from portal import PROJECT_ROOT

BLOCK = re.compile(r"<!-- nginx: (\S+) -->\n```nginx\n(.*?)```", re.S)
TYPES = {
    "/zh/": "text/html; charset=utf-8",
    "/static/css/portal.css": "text/css",
    "/search/zh.js": "javascript",
    "/zh/plan.json": "application/json",
    "/static/fonts/NotoSansMongolian-Regular.woff2": "font/woff2",
    "/static/favicon.svg": "image/svg+xml",
    "/zh/updates.xml": "application/atom+xml",
    "/zh/figures.csv": "text/csv",
    "/sitemap.xml": "xml",
}
HEADERS = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, headers: dict | None = None):
    """(status, headers, body) without following redirects; certificates are not checked."""
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    opener = urllib.request.build_opener(_NoRedirect, urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(binary).exists(), "nginx is required for these tests (apt-get install nginx-light)"
    home = tmp_path_factory.mktemp("nginx")
    blocks = dict(BLOCK.findall((PROJECT_ROOT / "docs/deploy.md").read_text(encoding="utf-8")))
    assert set(blocks) == {"plan-headers.conf", "plan-files.conf", "plan.conf", "plan-subpath.conf"}
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-keyout", str(home / "privkey.pem"), "-out", str(home / "fullchain.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    ports = {"http": _free_port(), "https": _free_port(), "sub": _free_port()}
    for name, text in blocks.items():
        text = text.replace("/etc/nginx/snippets/", f"{home}/").replace("/etc/ssl/plan/", f"{home}/")
        text = text.replace("/srv/plan/build", str(built_site))
        text = re.sub(r"listen 80;", f"listen 127.0.0.1:{ports['http']};", text)
        text = re.sub(r"listen 443 ssl;", f"listen 127.0.0.1:{ports['https']} ssl;", text)
        text = re.sub(r"\s*listen \[::\]:\d+( ssl)?;", "", text)
        (home / name).write_text(text, encoding="utf-8")
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read the test's private folders
    temp = " ".join(f"{kind}_temp_path {home}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (home / "nginx.conf").write_text(
        f"""{user}
include /etc/nginx/modules-enabled/*.conf;
daemon off; worker_processes 1; pid {home}/nginx.pid; error_log {home}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types; default_type application/octet-stream; access_log off; {temp}
    include {home}/plan.conf;
    server {{
        listen 127.0.0.1:{ports["sub"]};
        include {home}/plan-subpath.conf;
    }}
}}
""",
        encoding="utf-8",
    )
    # Debian's module files name their .so relative to nginx's prefix, here the test's folder
    (home / "modules").symlink_to("/usr/lib/nginx/modules")
    command = [binary, "-c", str(home / "nginx.conf"), "-p", str(home)]
    test = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    server = subprocess.Popen(command, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", ports["https"]), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield ports
    server.terminate()
    server.wait(timeout=10)


def test_http_redirects_to_https(nginx):
    status, headers, _ = fetch(f"http://127.0.0.1:{nginx['http']}/zh/1/?q=1")
    assert status == 301 and headers["Location"] == "https://127.0.0.1/zh/1/?q=1"


@pytest.mark.parametrize("where", ["root", "sub-path"])
def test_pages_and_files_with_their_types_and_headers(nginx, built_site, where):
    base = f"https://127.0.0.1:{nginx['https']}" if where == "root" else f"http://127.0.0.1:{nginx['sub']}/plan"
    for path, wanted in TYPES.items():
        status, headers, body = fetch(base + path)
        on_disk = built_site / (path.strip("/") + ("/index.html" if path.endswith("/") else ""))
        assert status == 200 and body == on_disk.read_bytes(), (where, path, status)
        assert wanted in headers["Content-Type"], (where, path, headers["Content-Type"])
        for name in HEADERS:
            assert headers[name], (where, path, name)
        assert headers["Strict-Transport-Security"] == "max-age=31536000"


@pytest.mark.parametrize("where", ["root", "sub-path"])
def test_unknown_paths_get_the_sites_404_page_with_headers(nginx, built_site, where):
    base = f"https://127.0.0.1:{nginx['https']}" if where == "root" else f"http://127.0.0.1:{nginx['sub']}/plan"
    status, headers, body = fetch(base + "/no/such/page/")
    assert status == 404 and body == (built_site / "404.html").read_bytes()
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/zh/4/", "/mn/4/", "/static/css/portal.css", "/search/mn.js", "/zh/plan.json"])
@pytest.mark.parametrize(
    ("accepts", "sent"), [("gzip", "gzip"), ("gzip, deflate, br", "br"), ("br", "br"), ("identity", None)]
)
def test_the_precompressed_copy_is_sent_as_it_is(nginx, built_site, path, accepts, sent):
    status, headers, body = fetch(f"https://127.0.0.1:{nginx['https']}{path}", {"Accept-Encoding": accepts})
    on_disk = built_site / (path.strip("/") + ("/index.html" if path.endswith("/") else ""))
    assert status == 200 and headers.get("Content-Encoding") == sent
    suffix = {"gzip": ".gz", "br": ".br", None: ""}[sent]
    # the build's file or copy, byte for byte: nginx did not compress again
    assert body == on_disk.with_name(on_disk.name + suffix).read_bytes()
    assert "Accept-Encoding" in headers.get("Vary", "")
