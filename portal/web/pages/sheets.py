"""Notice-board sheets: one printable A4 sheet per section, in every language, with the
section's title, its lead phrases as a short summary, and QR codes that open the section in
each language. The codes are drawn at build time as SVG (segno) and point at the public
address given to `portal build --site-url`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

import segno
from flask import Blueprint, abort, current_app
from markupsafe import Markup

from ...model.plan import Plan, Section
from ..chapters import plan_for
from ..links import public_url
from ..registry import PageSet, per_language
from ..render import current, other_languages, plans, render

bp = Blueprint("sheets", __name__)
pages = PageSet(bp)

SUMMARY_ITEMS = 8  # lead phrases on one sheet; an A4 sheet must stay readable from a step away
FIRST_SENTENCE = re.compile(r"^.*?[。᠃!?！？]")


def section_url(lang: str, section: Section) -> str:
    """The address a phone opens from the sheet: the section's permalink on the public site."""
    return public_url("pages.chapter", lang=lang, number=section.chapter, _anchor=section.id)


def placeholder_address() -> bool:
    """True while the build does not know the public address (the default points at this machine)."""
    return urlsplit(current_app.config["SITE_URL"]).hostname in ("127.0.0.1", "localhost", None)


@lru_cache(maxsize=4096)  # the sheet of each language draws the codes of both: draw each once
def qr_svg(url: str, label: str) -> Markup:
    svg = segno.make(url, error="m").svg_inline(scale=4, border=4, dark="#000", light="#fff", omitsize=True)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))


def summary(section: Section) -> list[str]:
    """The lead phrases of the section's paragraphs; where there are none, the first sentence."""
    leads = [p.lead for p in section.paragraphs if p.lead and p.status != "missing"]
    if leads:
        return leads[:SUMMARY_ITEMS]
    first = next((p.text for p in section.paragraphs if p.status != "missing"), "")
    match = FIRST_SENTENCE.match(first)
    return [match.group(0) if match else first[:80]]


def sheet_sections(plan: Plan) -> list[Section]:
    return [s for c in plan.chapters for s in c.sections if s.number > 0]


def sheet_section(snapshot, lang: str, section_id: str) -> Section | None:
    """Section `section_id` of the plan in `lang`, looked up in a table made once per content."""
    table = snapshot.derived(("sheet sections", lang), lambda: {s.id: s for s in sheet_sections(snapshot.plans[lang])})
    return table.get(section_id)


def each_sheet(snapshot):
    return ({"lang": lang, "section_id": s.id} for lang, plan in snapshot.plans.items() for s in sheet_sections(plan))


@pages.route("/<lang:lang>/sheets/", per_language)
def index(lang: str):
    plan = plan_for(lang)
    return render(
        "sheets_index.html",
        plan=plan,
        sections=sheet_sections(plan),
        placeholder=placeholder_address(),
        switch=other_languages(lang, "sheets.index"),
    )


def sheet_inputs(snapshot, lang: str, section_id: str):
    """The section in every language (the address of its QR code is a setting)."""
    return [sheet_section(snapshot, code, section_id) for code in snapshot.plans]


@pages.route("/<lang:lang>/sheets/<section_id>/", each_sheet, inputs=sheet_inputs)
def sheet(lang: str, section_id: str):
    plan_for(lang)
    sides = []
    for code in plans():  # the reader's language first
        section = sheet_section(current(), code, section_id)
        if section is None:
            abort(404)
        url = section_url(code, section)
        sides.append((code, section, summary(section), url, qr_svg(url, url)))
    sides.sort(key=lambda side: side[0] != lang)
    return render(
        "sheet.html",
        mongolian_font=True,
        vertical=False,
        sides=sides,
        section_id=section_id,
        placeholder=placeholder_address(),
        switch=other_languages(lang, "sheets.sheet", section_id=section_id),
    )
