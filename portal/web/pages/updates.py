"""Update notices: the list page per language and an Atom feed per language."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from flask import Blueprint, Response, current_app
from flask_babel import gettext as _

from ...model.languages import language
from ...model.notices import Notices
from ..chapters import plan_for, resolve_links
from ..links import link
from ..registry import PageSet, per_language
from ..render import current, other_languages, render

bp = Blueprint("updates", __name__)
pages = PageSet(bp)


def notices() -> Notices:
    return current().notices


@pages.route("/<lang:lang>/updates/", per_language)
def index(lang: str):
    plan_for(lang)
    return render(
        "updates.html",
        notices=notices().of(lang),
        resolve_links=lambda html: resolve_links(html, lang),
        switch=other_languages(lang, "updates.index"),
    )


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


@pages.route("/<lang:lang>/updates.xml", per_language, offline=None)
def feed(lang: str):
    """Atom (RFC 4287). Entry ids are tag: URIs, stable wherever the site is deployed; links
    are absolute when the build knows the public address (--site-url), relative otherwise."""
    plan = plan_for(lang)
    base = (current_app.config.get("SITE_URL") or "").rstrip("/")
    page = link("updates.index", lang=lang)
    items = notices().of(lang)
    author = _("Alxa Left Banner People's Government")
    updated = max((n.date for n in items), default=dt.date(2022, 1, 1))
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language(lang).html_lang}">',
        f"<id>tag:alxa-left-banner-plan,2022:updates:{lang}</id>",
        f"<title>{escape(_('Updates'))} · {escape(plan.title)}</title>",
        f"<updated>{_stamp(updated)}</updated>",
        f"<author><name>{escape(author)}</name></author>",
        f'<link rel="alternate" type="text/html" href={quoteattr(f"{base}/{lang}/updates/" if base else page)}/>',
    ]
    for notice in items:
        url = (
            f"{base}/{lang}/updates/#{notice.anchor}"
            if base
            else link("updates.index", lang=lang, _anchor=notice.anchor)
        )
        parts += [
            "<entry>",
            f"<id>tag:alxa-left-banner-plan,2022:updates:{lang}:{notice.slug}</id>",
            f"<title>{escape(notice.title)}</title>",
            f"<updated>{_stamp(notice.date)}</updated>",
            f'<link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f'<content type="html">{escape(notice.html)}</content>',
            "</entry>",
        ]
    parts.append("</feed>")
    return Response("\n".join(parts) + "\n", mimetype="application/atom+xml")
