"""Interface language: Flask-Babel set up from the URL's language prefix.

The language comes from the path (`/zh/…`, `/mn/…`), never from headers: a frozen static
site cannot see headers. The catalogs `translations/*/LC_MESSAGES/messages.po` are compiled
in memory when the app starts, so the `.po` files are the only thing kept, nothing is written
beside them, and a catalog can never be stale.
"""

from __future__ import annotations

import io
from pathlib import Path

import flask_babel
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from flask import Flask, g

from ..model.languages import LANGUAGES, SOURCE_LANG


def compile_catalogs(translations: Path) -> dict[str, Translations]:
    """Locale → its compiled catalog."""
    compiled = {}
    for po_path in sorted(translations.glob("*/LC_MESSAGES/messages.po")):
        locale = po_path.parent.parent.name
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=locale)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        compiled[locale] = Translations(buffer, domain="messages")
    return compiled


class CatalogDomain(flask_babel.Domain):
    """Flask-Babel's domain, answering from the catalogs compiled at start."""

    def __init__(self, catalogs: dict[str, Translations]):
        super().__init__(domain="messages")
        self.catalogs = catalogs

    def get_translations(self):
        return self.catalogs.get(str(flask_babel.get_locale()), NullTranslations())


def current_lang() -> str:
    lang = g.get("lang")
    return lang if lang in LANGUAGES else SOURCE_LANG


def init_i18n(app: Flask) -> None:
    babel = flask_babel.Babel(app, locale_selector=current_lang)
    babel.domain_instance = CatalogDomain(compile_catalogs(Path(app.config["TRANSLATIONS_DIR"])))

    @app.before_request
    def refresh_locale() -> None:
        # Frozen-Flask reuses one request context for every page; without this, Flask-Babel
        # would keep the first page's locale for the whole build.
        flask_babel.refresh()
