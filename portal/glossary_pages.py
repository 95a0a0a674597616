"""Glossary and places: listing pages, one page per entry, open data, and term hints.

Term hints: in chapter pages the first use of an entry in each section becomes a button
that opens its definition in a popover (HTML `popover`: works by keyboard and by touch,
no script), with a link to the entry's page.
"""

from __future__ import annotations

import json
import re
from html import escape

from flask import Blueprint, Response, abort
from flask_babel import gettext as _

from .glossary import Entry, Glossary
from .model import Plan
from .search.export import as_script
from .views import content, link, other_languages, plans, render

bp = Blueprint("glossary", __name__)
KINDS = {"glossary": "terms", "places": "places"}
TAG = re.compile(r"(<[^>]+>)")


def glossary() -> Glossary:
    return content().glossary


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
        "glossary_index.html",
        vertical=lang == "mn",
        kind=kind,
        groups=sorted_entries(kind, lang),
        switch=other_languages(lang, "glossary.index", kind=kind),
    )


def filter_words(entry: Entry, lang: str) -> str:
    """What the listing's filter matches besides an entry's visible text: its other Chinese
    forms, related words and pinyin, and on Mongolian pages the Latin transliteration."""
    words = [*entry.zh[1:], *entry.related, entry.pinyin_key.replace(" ", "")]
    return " ".join(words + ([entry.latin] if lang == "mn" else []))


@bp.route("/<any(zh, mn):lang>/<any(glossary, places):kind>/words.js")
def words_file(lang: str, kind: str):
    """The filter's extra words, loaded when the reader first uses the filter: they would
    double the listing's size."""
    words = {entry.id: filter_words(entry, lang) for entry in entries_of(kind)}
    return Response(as_script(words, "portalFilterWords"), mimetype="text/javascript")


def _all_plans() -> list[Plan]:
    """Every language's plan of the current text and of every edition."""
    loaded = content()
    return [
        plan for plans_ in (loaded.plans, *(item.plans for item in loaded.editions.all)) for plan in plans_.values()
    ]


def chapter_numbers() -> list[int]:
    """Chapters in any edition: each has a file of term definitions."""
    return sorted({chapter.number for plan in _all_plans() for chapter in plan.chapters})


def chapter_terms(number: int) -> dict[str, Entry]:
    """Every term a page of chapter `number` can mark: found, as mark_entries() finds them, in
    the chapter's paragraphs in every language of every edition (edition pages use this file too)."""
    terms = glossary().terms_only
    used: dict[str, Entry] = {}
    for plan in _all_plans():
        chapter = plan.chapter(number)
        for paragraph in chapter.paragraphs if chapter else ():
            scan = terms.scan if paragraph.lang == "zh" else terms.mongolian_matches
            used.update((entry.id, entry) for _, _, entry in scan(paragraph.text))
    return used


@bp.route("/<any(zh, mn):lang>/<int:number>/terms.js")
def terms_file(lang: str, number: int):
    if number not in chapter_numbers():
        abort(404)
    definitions = {
        ident: e.definition_mn if lang == "mn" else e.definition_zh for ident, e in chapter_terms(number).items()
    }
    return Response(as_script(definitions, "portalTermDefinitions"), mimetype="text/javascript")


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
        snippet = (
            escape(paragraph.text[left:start])
            + f"<mark>{escape(paragraph.text[start:end])}</mark>"
            + escape(paragraph.text[end : end + 40])
        )
        uses.append((chapter, section, paragraph, ("…" if left else "") + snippet + "…"))
    return render(
        "glossary_entry.html",
        vertical=lang == "mn",
        mongolian_font=True,
        kind=kind,
        entry=found,
        uses=uses,
        switch=other_languages(lang, "glossary.entry", kind=kind, ident=ident),
    )


def entry_document(entry: Entry, occurrences: list[str], place: bool) -> dict:
    text = "description" if place else "definition"
    document = {
        "id": entry.id,
        "zh": list(entry.zh),
        "related": list(entry.related),
        "mn": entry.mn,
        "latin": entry.latin,
    }
    if place:
        document["kind"] = entry.kind
    document.update(
        {
            f"{text}_zh": entry.definition_zh,
            f"{text}_mn": entry.definition_mn,
            "status": entry.status,
            "occurrences": occurrences,
        }
    )
    return document


@bp.route("/<any(glossary, places):kind>.json")
def open_data(kind: str):
    """build/glossary.json and build/places.json: lists of entries, occurrences computed."""
    occurrences = glossary().occurrences(plans()["zh"])
    body = [entry_document(e, occurrences[e.id], kind == "places") for e in entries_of(kind)]
    return Response(json.dumps(body, ensure_ascii=False, indent=1), mimetype="application/json")


def mark_entries(html: str, text_lang: str, lang: str, seen: set[str], explained: set[str]) -> str:
    """Wrap the first use in a section (`seen`) of each term in `html` as a definition button.

    Places are not marked: they have their own pages. The popover is written once per page
    (`explained`); later buttons open the same one. Its definition is not in the page: the
    chapter's definitions are one small script, loaded when a reader first opens a term."""
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
                title = entry.mn if lang == "mn" else entry.zh[0]
                url = link("glossary.entry", lang=lang, kind="glossary", ident=entry.id)
                more = _("More about %(term)s", term=title)
                out.append(  # the definition is filled in from chapter_terms() when first opened
                    f'<span class="term-pop" id="{pop}" popover role="note"><b>{escape(title)}</b> <span class="term-def"></span> '
                    f'<a href="{url}" aria-label="{escape(more)}">→</a></span>'
                )
            cursor = end
        out.append(part[cursor:])
        parts[index] = "".join(out)
    return "".join(parts)
