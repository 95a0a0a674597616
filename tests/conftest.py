"""Shared fixtures: the seed text, a fresh import of it, the app and one frozen build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from portal import PROJECT_ROOT, create_app
from portal import build_site as build
from portal.staff.importer import import_text

FIXTURES = Path(__file__).parent / "fixtures"

# Whole-site gates that take minutes: left out of the quick round (-m "not browser and not slow").
SLOW_MODULES = {
    "test_quality",
    "test_nginx",
    "test_build_faults",
    "test_hostile_content",
    "test_hostile",
    "test_incremental",
    "test_pdf",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if {"browser", "phone"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        if item.module.__name__ in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


SEED = PROJECT_ROOT.parent / "shared" / "seed" / "alxa-left-banner-14th-five-year-plan-2022.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    assert SEED.exists(), f"the seed text is expected at {SEED}"
    return SEED


@pytest.fixture(scope="session")
def imported(seed_path, tmp_path_factory) -> Path:
    """A content folder made by importing the seed into an empty folder."""
    content = tmp_path_factory.mktemp("imported")
    import_text(seed_path, content)
    return content


@pytest.fixture(scope="session")
def app():
    return create_app()


@pytest.fixture()
def client(app):
    return app.test_client()


def refusal(content: Path, path: Path, old: str, new: str) -> str:
    """Plant a mistake in `path` (replace the first `old` with `new`) and return the message with
    which loading `content` refuses it; the test fails if loading succeeds."""
    from portal.errors import ContentErrors
    from portal.readers import load_content

    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_content(content)
    return str(caught.value)


@pytest.fixture()
def content_copy(tmp_path) -> Path:
    """A copy of the shipped content folder, for a test that plants a mistake in it."""
    copy = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", copy)
    return copy


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The committed content, frozen once for every test that reads the static site."""
    out = tmp_path_factory.mktemp("site") / "build"
    build(out)
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium at a 360 px phone width."""
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver):
        pytest.fail("chromium and chromedriver are required: apt-get install chromium chromium-driver")
    options = Options()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=360,800",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console, for CSP reports
    # Service(path) stops Selenium from trying to download a driver of its own.
    session = webdriver.Chrome(service=Service(driver), options=options)
    # Headless windows are at least 500 px wide; emulate a 360 px phone screen instead.
    session.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 800, "deviceScaleFactor": 2, "mobile": True}
    )
    yield session
    session.quit()


@pytest.fixture(scope="session")
def live_server(app):
    """The live app on a loopback port, for tests that need real HTTP (headers, CSP)."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def serve_folder(folder: Path):
    """Serve a folder over HTTP on loopback, as a web host would (service workers need http,
    not file://). Returns (base URL, stop function): tests stop it to go offline."""
    import functools
    import http.server
    import socketserver
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stopped = []

    def stop():
        if not stopped:
            server.shutdown()
            server.server_close()
            stopped.append(True)

    return f"http://127.0.0.1:{server.server_address[1]}/", stop


@pytest.fixture()
def static_server(built_site):
    """The frozen site over HTTP: (base URL, stop function)."""
    base, stop = serve_folder(built_site)
    yield base, stop
    stop()
