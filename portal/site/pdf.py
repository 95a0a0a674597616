"""The whole plan as a PDF per language, printed by headless Chromium from the app's print page
(`/<lang>/print/`) with the chapter pages' print styles: A4, Mongolian in vertical columns on
landscape pages. Chromium is the one printer that sets traditional Mongolian correctly; where it
is not installed, `portal pdf` and `portal build --pdf` say so and make nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

from ..errors import BuildError

PDF_NAME = "plan.pdf"  # build/<lang>/plan.pdf
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PRINT_TIMEOUT = 300  # seconds per language; the whole plan prints in well under a minute


class _Quiet(WSGIRequestHandler):
    def log_request(self, *args) -> None:  # the build prints its own summary
        pass


def chromium() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def write_pdfs(app: Flask, targets: dict[str, Path]) -> None:
    """Print the plan of each language in `targets` (language → PDF file). Each file is written
    whole or not at all. Raises BuildError."""
    browser = chromium()
    if browser is None:
        raise BuildError("a PDF needs Chromium (apt-get install chromium), which is not installed")
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for lang, target in targets.items():
            _print(browser, f"http://127.0.0.1:{server.server_port}/{lang}/print/", Path(target))
    finally:
        server.shutdown()
        thread.join()


def _print(browser: str, url: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    with tempfile.TemporaryDirectory(prefix="portal-chromium-") as profile:
        command = [
            browser,
            "--headless=new",
            "--no-sandbox",  # run as root in containers and CI
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=20000",  # the web fonts load before the page prints
            f"--print-to-pdf={partial}",
            url,
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=PRINT_TIMEOUT)
        except subprocess.TimeoutExpired:
            Path(partial).unlink(missing_ok=True)
            raise BuildError(f"Chromium did not print {url} within {PRINT_TIMEOUT} s") from None
    with open(partial, "rb") as file:
        printed = file.read(5) == b"%PDF-"
    if done.returncode != 0 or not printed:
        Path(partial).unlink(missing_ok=True)
        said = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise BuildError(f"Chromium could not print {url}: {said[0]}")
    os.chmod(partial, 0o644)
    os.replace(partial, target)
