"""Interface language: Flask-Babel set up from the URL's language prefix.

The language comes from the path (`/zh/…`, `/mn/…`), never from headers: a frozen static
site cannot see headers. Catalogs are compiled from `translations/*/LC_MESSAGES/messages.po`
when the app starts, so the `.po` files are the only thing kept in git.
"""

from __future__ import annotations

from pathlib import Path

import flask_babel
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, g

#: The `lang` attribute of pages in each portal language (BCP 47, with script).
HTML_LANG = {"zh": "zh-Hans", "mn": "mn-Mong"}
DEFAULT_LANG = "zh"


def compile_catalogs(translations: Path) -> None:
    for po_path in translations.glob("*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)


def current_lang() -> str:
    lang = g.get("lang")
    return lang if lang in HTML_LANG else DEFAULT_LANG


def init_i18n(app: Flask) -> None:
    translations = Path(app.config["TRANSLATIONS_DIR"])
    compile_catalogs(translations)
    flask_babel.Babel(app, locale_selector=current_lang, default_translation_directories=str(translations))

    @app.before_request
    def refresh_locale() -> None:
        # Frozen-Flask reuses one request context for every page; without this, Flask-Babel
        # would keep the first page's locale for the whole build.
        flask_babel.refresh()
