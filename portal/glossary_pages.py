"""Glossary and places: listing pages, one page per entry, open data, and term hints.

Term hints: in chapter pages the first use of an entry in each section becomes a button
that opens its definition in a popover (HTML `popover`: works by keyboard and by touch,
no script), with a link to the entry's page.
"""

from __future__ import annotations

import json
import re
from html import escape

from flask import Blueprint, Response, abort, current_app
from flask_babel import gettext as _

from .glossary import Entry, Glossary
from .views import link, other_languages, plans, render

bp = Blueprint("glossary", __name__)
KINDS = {"glossary": "terms", "places": "places"}
TAG = re.compile(r"(<[^>]+>)")


def glossary() -> Glossary:
    return current_app.extensions["portal.plans"].content().glossary


def entries_of(kind: str) -> tuple[Entry, ...]:
    return getattr(glossary(), KINDS[kind])


def sorted_entries(kind: str, lang: str) -> list[tuple[str, list[Entry]]]:
    """A–Z by pinyin for Chinese readers; Mongolian alphabetical order for Mongolian ones."""
    if lang == "mn":
        ordered = sorted(entries_of(kind), key=lambda e: e.mongolian_key)
        heading = lambda e: next((ch for ch in e.mn if "\u1820" <= ch <= "\u1842"), "")  # noqa: E731
    else:
        ordered = sorted(entries_of(kind), key=lambda e: e.pinyin_key)
        heading = lambda e: e.pinyin_key[:1].upper()  # noqa: E731
    groups: list[tuple[str, list[Entry]]] = []
    for entry in ordered:
        if not groups or groups[-1][0] != heading(entry):
            groups.append((heading(entry), []))
        groups[-1][1].append(entry)
    return groups


@bp.route("/<any(zh, mn):lang>/<any(glossary, places):kind>/")
def index(lang: str, kind: str):
    return render(
        "glossary_index.html", vertical=lang == "mn", kind=kind, groups=sorted_entries(kind, lang),
        switch=other_languages(lang, "glossary.index", kind=kind),
    )


@bp.route("/<any(zh, mn):lang>/<any(glossary, places):kind>/<ident>/")
def entry(lang: str, kind: str, ident: str):
    found = next((e for e in entries_of(kind) if e.id == ident), None)
    if found is None:
        abort(404)
    source = plans()["zh"]
    uses = []
    for pid in glossary().occurrences(source)[found.id]:
        chapter, section, paragraph = source.locate(pid)
        start, end, _ = next(match for match in glossary().scan(paragraph.text) if match[2] is found)
        left = max(0, start - 30)
        snippet = escape(paragraph.text[left:start]) + f"<mark>{escape(paragraph.text[start:end])}</mark>" + escape(paragraph.text[end : end + 40])
        uses.append((chapter, section, paragraph, ("…" if left else "") + snippet + "…"))
    return render(
        "glossary_entry.html", vertical=lang == "mn", mongolian_font=True, kind=kind, entry=found, uses=uses,
        switch=other_languages(lang, "glossary.entry", kind=kind, ident=ident),
    )


def entry_document(entry: Entry, occurrences: list[str], place: bool) -> dict:
    text = "description" if place else "definition"
    document = {"id": entry.id, "zh": list(entry.zh), "related": list(entry.related), "mn": entry.mn, "latin": entry.latin}
    if place:
        document["kind"] = entry.kind
    document.update({
        f"{text}_zh": entry.definition_zh, f"{text}_mn": entry.definition_mn,
        "status": entry.status, "occurrences": occurrences,
    })
    return document


@bp.route("/<any(glossary, places):kind>.json")
def open_data(kind: str):
    """build/glossary.json and build/places.json: lists of entries, occurrences computed."""
    occurrences = glossary().occurrences(plans()["zh"])
    body = [entry_document(e, occurrences[e.id], kind == "places") for e in entries_of(kind)]
    return Response(json.dumps(body, ensure_ascii=False, indent=1), mimetype="application/json")


def mark_entries(html: str, text_lang: str, lang: str, seen: set[str], explained: set[str]) -> str:
    """Wrap the first use in a section (`seen`) of each term in `html` as a definition button.

    Places are not marked: they have their own pages. The definition itself is written once
    per page (`explained`); later buttons open the same popover, which keeps pages light."""
    found = glossary().terms_only
    parts = TAG.split(html)
    for index, part in enumerate(parts):
        if not part or part.startswith("<"):
            continue
        if text_lang == "zh":
            matches = found.scan(part)
        else:
            matches = [m for m in found.mongolian_matches(part) if m[2].id not in seen]
            kept, last = [], -1
            for m in matches:
                if m[0] >= last:
                    kept.append(m)
                    last = m[1]
            matches = kept
        out, cursor = [], 0
        for start, end, entry in matches:
            if entry.id in seen or start < cursor:
                continue  # explained before in this section, or overlapping the last mark
            seen.add(entry.id)
            pop = f"term-{entry.id}"
            out.append(part[cursor:start])
            out.append(f'<button type="button" class="term" popovertarget="{pop}">{part[start:end]}</button>')
            if entry.id not in explained:
                explained.add(entry.id)
                definition = entry.definition_mn if lang == "mn" else entry.definition_zh
                title = entry.mn if lang == "mn" else entry.zh[0]
                url = link("glossary.entry", lang=lang, kind="glossary", ident=entry.id)
                more = _("More about %(term)s", term=title)
                out.append(
                    f'<span class="term-pop" id="{pop}" popover role="note"><b>{escape(title)}</b> {escape(definition)} '
                    f'<a href="{url}" aria-label="{escape(more)}">→</a></span>'
                )
            cursor = end
        out.append(part[cursor:])
        parts[index] = "".join(out)
    return "".join(parts)
