"""Rendering a page: the template helpers every page has, the language switch, and `render()`.

Templates receive model objects and these helpers, never raw files. The language of a page
is the first segment of its URL (`/zh/…`, `/mn/…`), remembered per request.
"""

from __future__ import annotations

import datetime as dt

from flask import Flask, current_app, g, render_template, request
from flask_babel import force_locale
from flask_babel import gettext as _

from ..model.languages import CODES, LANGUAGES, SOURCE_LANG, language
from ..model.plan import Plan
from ..model.statements import NAMES
from ..text.localize import chapter_label, format_date, format_number, section_label
from .links import ask_link, link, public_url
from .store import Snapshot


def current() -> Snapshot:
    """The content as the app serves it now (reloaded after an edit)."""
    return current_app.extensions["portal.store"].current()


def plans() -> dict[str, Plan]:
    return current().plans


def language_name(code: str, mongolian_font: bool) -> str:
    """A language's own name; pages without the Mongolian web font name Mongolian in Chinese."""
    if LANGUAGES[code].vertical and not mongolian_font:
        return _("Mongolian")
    return LANGUAGES[code].native_name


def length_class(text: str | None) -> str:
    """Size class of a vertical Mongolian block in the side-by-side view (see portal.css)."""
    n = len(text or "")
    return "len-s" if n < 80 else "len-m" if n < 300 else "len-l" if n < 700 else "len-xl"


def translate_in(code: str, message: str) -> str:
    """An interface string in a given language, for the pages that speak every language."""
    with force_locale(code):
        return _(message)


def audience_label(audience: str) -> str:
    return {
        "herder": _("for herders"),
        "student": _("for students and parents"),
        "business": _("for businesses"),
        "resident": _("for residents"),
    }[audience]


def status_label(status: str) -> str:
    return {
        "met": _("met"),
        "on-track": _("on track"),
        "behind": _("behind"),
        "not-met-yet": _("not met yet"),
        "no-data": _("no data yet"),
    }[status]


def template_helpers() -> dict:
    lang = g.get("lang")
    code = lang or SOURCE_LANG
    return {
        "link": link,
        "lang": lang,
        "html_lang": language(lang).html_lang,
        "html_lang_of": lambda other: LANGUAGES[other].html_lang,
        "og_locale": language(lang).locale,
        "languages": list(plans()),
        "chapter_label": lambda number: chapter_label(number, code),
        "section_label": lambda number: section_label(number, code),
        "section_label_in": lambda other, number: section_label(number, other),
        "language_name": language_name,
        "NATIVE_NAMES": {c: LANGUAGES[c].native_name for c in CODES},
        "generated_on": format_date(dt.date.today(), code),
        "format_number": lambda value: format_number(value, code),
        "format_day": lambda day: format_date(day, code),
        "translate_in": translate_in,
        "length_class": length_class,
        # the statements this language has, for the footer's links (a test fixture may have none)
        "statements": [name for name in NAMES if current().content.statements.get(name, code)],
        "ask_link": ask_link(code) if lang else "",
        "audience_label": audience_label,
        "status_label": status_label,
        # between a label and its value: Mongolian's own colon in vertical text, a full-width one in Chinese
        "colon": "\u1804 " if language(lang).vertical else "：",
    }


def remember_lang(endpoint, values) -> None:
    # Set on every request, also to None: the freezer shares one app context between pages.
    g.lang = (values or {}).get("lang")


def init_rendering(app: Flask) -> None:
    app.url_value_preprocessor(remember_lang)
    app.context_processor(template_helpers)


def render(
    template: str, *, mongolian_font: bool = False, vertical: bool | None = None, public: bool = True, **context
):
    """Render a page; `mongolian_font` links the Mongolian web font, `vertical` sets the whole
    page in vertical script (columns left to right, scrolling sideways). Both follow the
    page's language unless a page says otherwise. A `public` page names its own address."""
    page_language = language(g.get("lang"))
    if vertical is None:
        vertical = page_language.vertical and g.get("lang") is not None
    return render_template(
        template,
        mongolian_font=mongolian_font or (page_language.vertical and g.get("lang") is not None),
        vertical=vertical,
        **(addresses(context.get("switch")) if public else NO_ADDRESS),
        **context,
    )


#: What a page that names no address of its own (an error page) gives its template.
NO_ADDRESS = {"page_url": None, "alternates": {}}


def addresses(switch: dict | None) -> dict:
    """This page's public address (the canonical link, og:url) and, for a page in a language,
    the address of the same page in each language that has it (hreflang alternates, including
    this one)."""
    endpoint, values = request.endpoint, request.view_args or {}
    if endpoint is None:
        return NO_ADDRESS
    alternates = {}
    if "lang" in values and switch is not None:
        alternates = {
            code: public_url(endpoint, **{**values, "lang": code})
            for code in CODES
            if code == values["lang"] or code in switch
        }
    return {"page_url": public_url(endpoint, **values), "alternates": alternates}


def other_languages(lang: str, endpoint: str, **values) -> dict[str, str]:
    """Links to this page in the other languages that have it, for the language switch."""
    number = values.get("number")
    return {
        other: link(endpoint, lang=other, **values)
        for other, plan in plans().items()
        if other != lang and (number is None or plan.chapter(number))
    }
