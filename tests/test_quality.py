"""Quality gates on the frozen site: valid HTML (Nu checker), accessibility (axe-core) and
no broken links or anchors (linkchecker), each with zero findings."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portal import PROJECT_ROOT

NODE_MODULES = PROJECT_ROOT / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"


def require(path, what):
    if not path.exists():
        pytest.fail(f"{what} is missing: run `npm ci` (make test does)")


def test_every_page_is_valid_html(built_site):
    require(VNU, "the Nu HTML checker (vnu-jar)")
    java = shutil.which("java") or pytest.fail("java is required for the Nu HTML checker")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(built_site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    pages = len(list(built_site.rglob("*.html")))
    assert pages > 500
    assert messages == [], messages[:5]


AXE_PAGES = ["index.html", "404.html"] + [
    f"{lang}/{page}"
    for lang in ("zh", "mn")
    for page in (
        "index.html",
        "0/index.html",
        "4/index.html",
        "4/parallel/index.html",
        "search/index.html",
        "search/index.html?q=%E7%A6%81%E7%89%A7",
        "glossary/index.html",
        "places/index.html",
        "places/ba-yan-hao-te/index.html",
        "figures/index.html",
        "changes/index.html",
        "compare/2022/2023-demo/7/index.html",
        "editions/2023-demo/7/index.html",
        "updates/index.html",
        "sheets/index.html",
        "sheets/c4s1/index.html",
    )
]


@pytest.mark.parametrize("page", AXE_PAGES)
def test_pages_have_no_accessibility_violations(browser, built_site, page):
    require(AXE, "axe-core")
    path, _, query = page.partition("?")
    browser.get((built_site / path).as_uri() + (f"?{query}" if query else ""))
    if query:
        for _ in range(100):
            if browser.execute_script("return document.getElementById('search').dataset.state"):
                break
            time.sleep(0.05)
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    browser.set_script_timeout(60)
    violations = browser.execute_async_script(
        "const done = arguments[0];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
        "v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')])))"
    )
    assert violations == []


class _Handler(SimpleHTTPRequestHandler):
    def end_headers(self):
        # linkchecker keeps to 10 requests a second unless the server sends this header.
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def log_message(self, *args):
        pass


def test_no_broken_links_or_anchors(built_site, tmp_path):
    checker = shutil.which("linkchecker") or pytest.fail("linkchecker is required: apt-get install linkchecker")
    handler = partial(_Handler, directory=str(built_site))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nthreads=8\nmaxrequestspersecond=1000\n[AnchorCheck]\n", encoding="utf-8")
    try:
        result = subprocess.run(
            [checker, "--config", str(config), "--no-status", "-o", "text", f"http://127.0.0.1:{port}/"],
            capture_output=True,
            text=True,
            timeout=1800,
        )
    finally:
        server.shutdown()
    # A missing anchor is only a warning to linkchecker: both counts must be zero.
    summary = result.stdout[-3000:]
    found = {kind.rstrip("s"): int(count) for count, kind in re.findall(r"\b(\d+) (warnings?|errors?) found", summary)}
    assert found == {"warning": 0, "error": 0}, summary
    assert result.returncode == 0, summary
    assert int(re.search(r"(\d+) links? in", summary).group(1)) > 1000, summary
