"""Lighthouse (12.x, mobile profile) on each page type of the frozen site, served on loopback.

Run:  .venv/bin/python bench/lighthouse.py [PAGE ...]   (pages as paths in the build, e.g. mn/4/index.html)
It runs Lighthouse through npx (downloaded from the npm registry on first use) with Debian's
Chromium, against the site served with gzip as on a real host. Target (issue "Quality gates"): 100 in all four
categories, or the shortfall
explained.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal import build_site as build  # noqa: E402

LIGHTHOUSE = "lighthouse@12.2.3"
PAGES = [
    "index.html",
    "zh/index.html",
    "mn/index.html",
    "zh/4/index.html",
    "mn/4/index.html",
    "mn/0/index.html",
    "zh/4/parallel/index.html",
    "zh/search/index.html",
    "mn/search/index.html",
    "zh/glossary/index.html",
    "mn/glossary/index.html",
    "mn/places/ba-yan-hao-te/index.html",
    "zh/figures/index.html",
    "mn/figures/index.html",
    "404.html",
]


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv")


class Host(SimpleHTTPRequestHandler):
    """The frozen site served as docs/deploy.md's nginx serves it: text gzipped. Python's
    http.server alone sends it uncompressed, and Lighthouse would time that instead."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Host, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
        print(f"{'page':38}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}  below 100")
        try:
            for page in sys.argv[1:] or PAGES:
                report = Path(tmp) / "report.json"
                subprocess.run(
                    [
                        "npx",
                        "--yes",
                        LIGHTHOUSE,
                        f"http://127.0.0.1:{server.server_port}/{page}",
                        "--quiet",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                        "--output=json",
                        f"--output-path={report}",
                    ],
                    check=True,
                    env=env,
                    capture_output=True,
                    timeout=240,
                )
                data = json.loads(report.read_text())
                paints = ("first-contentful-paint", "largest-contentful-paint")
                timings = {k: data["audits"][k]["numericValue"] for k in paints}
                scores = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
                misses = [
                    ref["id"]
                    for cat in data["categories"].values()
                    for ref in cat["auditRefs"]
                    if ref["weight"]
                    and (data["audits"][ref["id"]]["score"] or 0) < 1
                    and data["audits"][ref["id"]]["score"] is not None
                ]
                print(
                    f"{page:38}{scores['performance']:>6}{scores['accessibility']:>6}"
                    f"{scores['best-practices']:>6}{scores['seo']:>6}  {', '.join(misses)}"
                )
                first, largest = (timings[k] / 1000 for k in paints)
                print(f"{'':38}first paint {first:.2f} s, largest paint {largest:.2f} s (simulated slow 4G)")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
