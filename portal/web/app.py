"""The app factory of the web layer: `make_app(config, store)`.

The caller (`portal.create_app`) gives it a content store; the web layer never opens content
files. Every module in `portal/web/pages/` is one blueprint with the pages it declares, and is
registered here without being named: a new kind of page is one new module.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from flask import Flask
from werkzeug.routing import BaseConverter

from ..model.languages import CODES
from ..settings import PROJECT_ROOT
from . import pages
from .i18n import init_i18n
from .registry import registry_of
from .render import init_rendering
from .security import init_security
from .static_files import init_static
from .store import ContentStore

DEFAULTS = {
    "TRANSLATIONS_DIR": str(PROJECT_ROOT / "translations"),
    "SITE_URL": "http://127.0.0.1:5000",
    "RELATIVE_URLS": False,
    "WATCH_CONTENT": True,
    "JSON_AS_ASCII": False,
}


class LanguageConverter(BaseConverter):
    """`/<lang:lang>/…`: the portal's language codes, and nothing else."""

    regex = "(?:" + "|".join(CODES) + ")"


def page_modules() -> list:
    """Every module of portal.web.pages, in name order."""
    return [
        importlib.import_module(f"{pages.__name__}.{m.name}")
        for m in sorted(pkgutil.iter_modules(pages.__path__), key=lambda m: m.name)
    ]


def make_app(config: dict, store: ContentStore) -> Flask:
    app = Flask(
        "portal",
        static_folder=str(PROJECT_ROOT / "static"),
        static_url_path="/static",
        instance_path=str(PROJECT_ROOT / "instance"),  # the questions' SQLite file and the form's key
        template_folder=str(Path(__file__).parent.parent / "templates"),
    )
    app.config.update(DEFAULTS)
    app.config.update(config)
    app.url_map.converters["lang"] = LanguageConverter
    app.extensions["portal.store"] = store
    registry_of(app)
    init_i18n(app)
    init_security(app)
    init_rendering(app)
    init_static(app)
    for module in page_modules():
        app.register_blueprint(module.bp)
    return app
