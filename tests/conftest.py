"""Shared fixtures: the seed text, a fresh import of it, the app and one frozen build."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal import PROJECT_ROOT, create_app
from portal.freeze import build
from portal.importer import import_text

FIXTURES = Path(__file__).parent / "fixtures"
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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The committed content, frozen once for every test that reads the static site."""
    out = tmp_path_factory.mktemp("site") / "build"
    build(out)
    return out
