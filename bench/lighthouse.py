"""Lighthouse (12.x, mobile profile) on each page type of the frozen site, served on loopback.

Run:  .venv/bin/python bench/lighthouse.py
It runs Lighthouse through npx (downloaded from the npm registry on first use) with Debian's
Chromium. Target (issue "Quality gates"): 100 in all four categories, or the shortfall
explained.
"""

from __future__ import annotations

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

from portal.freeze import build  # noqa: E402

LIGHTHOUSE = "lighthouse@12.2.3"
PAGES = ["index.html", "zh/index.html", "mn/index.html", "zh/4/index.html", "mn/4/index.html", "mn/0/index.html",
         "zh/4/parallel/index.html", "zh/search/index.html", "mn/search/index.html", "zh/glossary/index.html",
         "mn/glossary/index.html", "mn/places/ba-yan-hao-te/index.html", "zh/figures/index.html", "mn/figures/index.html",
         "404.html"]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
        print(f"{'page':38}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}  below 100")
        try:
            for page in PAGES:
                report = Path(tmp) / "report.json"
                subprocess.run(
                    ["npx", "--yes", LIGHTHOUSE, f"http://127.0.0.1:{server.server_port}/{page}", "--quiet",
                     "--chrome-flags=--headless=new --no-sandbox --disable-gpu", "--output=json", f"--output-path={report}"],
                    check=True, env=env, capture_output=True, timeout=240,
                )
                data = json.loads(report.read_text())
                scores = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
                misses = [ref["id"] for cat in data["categories"].values() for ref in cat["auditRefs"]
                          if ref["weight"] and (data["audits"][ref["id"]]["score"] or 0) < 1 and data["audits"][ref["id"]]["score"] is not None]
                print(f"{page:38}{scores['performance']:>6}{scores['accessibility']:>6}{scores['best-practices']:>6}{scores['seo']:>6}  {', '.join(misses)}")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
