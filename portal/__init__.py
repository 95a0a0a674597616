"""The Alxa Left Banner plan portal: `create_app()` builds the Flask app; nothing runs at import.

Pipeline: content/<lang>/*.md ─loader→ Plan ─→ views (Flask) ─freeze→ build/
                                              └→ export (plan.json)
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask

#: The checkout the package lives in; content, static files and catalogs sit beside it.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None, content=None) -> Flask:
    """Load the plan in every language and return the app. Raises ContentErrors on bad content.
    `content` (portal.store.Content) is content the caller has already loaded from CONTENT_DIR."""
    from . import changes_pages, figures_pages, glossary_pages, i18n, offline, security, sheets, updates_pages, views
    from .search import web as search_web
    from .store import PlanStore

    app = Flask(__name__, static_folder=str(PROJECT_ROOT / "static"), static_url_path="/static")
    app.config.update(
        CONTENT_DIR=str(PROJECT_ROOT / "content"),
        TRANSLATIONS_DIR=str(PROJECT_ROOT / "translations"),
        SITE_URL="http://127.0.0.1:5000",
        RELATIVE_URLS=False,
        WATCH_CONTENT=True,
        JSON_AS_ASCII=False,
    )
    app.config.update(config or {})
    app.extensions["portal.plans"] = PlanStore(
        Path(app.config["CONTENT_DIR"]), watch=app.config["WATCH_CONTENT"], content=content
    )
    i18n.init_i18n(app)
    security.init_security(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(search_web.bp)
    app.register_blueprint(glossary_pages.bp)
    app.register_blueprint(figures_pages.bp)
    app.register_blueprint(changes_pages.bp)
    app.register_blueprint(updates_pages.bp)
    app.register_blueprint(offline.bp)
    app.register_blueprint(sheets.bp)
    return app
