"""Glossary and places: listing pages, one page per entry, the open data, and the files the
chapter pages' term hints and the listing's filter load when first used."""

from __future__ import annotations

from html import escape

from flask import Blueprint, abort
from pypinyin import lazy_pinyin

from ...model.glossary import Entry
from ...model.languages import SOURCE_LANG, language
from ...model.plan import Plan
from ..open_data import entry_document, latin_of
from ..registry import OFFLINE_LANG, PageSet
from ..render import current, other_languages, plans, render
from ..scripts import json_response, script_response

bp = Blueprint("glossary", __name__)
pages = PageSet(bp)
KINDS = ("glossary", "places")


def entries_of(kind: str) -> tuple[Entry, ...]:
    return current().glossary.of_kind(kind)


def pinyin_key(entry: Entry) -> str:
    return " ".join(lazy_pinyin(entry.zh[0]))


def _mongolian_initial(entry: Entry) -> str:
    return next((ch for ch in entry.mn if "\u1820" <= ch <= "\u1842"), "")


def sorted_entries(kind: str, lang: str) -> list[tuple[str, list[Entry]]]:
    """A–Z by pinyin for Chinese readers; Mongolian alphabetical order for Mongolian ones."""
    if language(lang).vertical:
        ordered, heading = sorted(entries_of(kind), key=lambda e: e.mongolian_key), _mongolian_initial
    else:
        ordered = sorted(entries_of(kind), key=pinyin_key)
        heading = lambda e: pinyin_key(e)[:1].upper()  # noqa: E731
    groups: list[tuple[str, list[Entry]]] = []
    for entry in ordered:
        if not groups or groups[-1][0] != heading(entry):
            groups.append((heading(entry), []))
        groups[-1][1].append(entry)
    return groups


def each_listing(snapshot):
    return ({"lang": lang, "kind": kind} for lang in snapshot.plans for kind in KINDS)


def each_entry(snapshot):
    return (
        {"lang": lang, "kind": kind, "ident": entry.id}
        for lang in snapshot.plans
        for kind in KINDS
        for entry in snapshot.glossary.of_kind(kind)
    )


@pages.route("/<lang:lang>/<any(glossary, places):kind>/", each_listing, sitemap=True)
def index(lang: str, kind: str):
    return render(
        "glossary_index.html",
        kind=kind,
        groups=sorted_entries(kind, lang),
        latin_of=latin_of,
        switch=other_languages(lang, "glossary.index", kind=kind),
    )


def filter_words(entry: Entry, lang: str) -> str:
    """What the listing's filter matches besides an entry's visible text: its other Chinese
    forms, related words and pinyin, and on Mongolian pages the Latin transliteration."""
    words = [*entry.zh[1:], *entry.related, pinyin_key(entry).replace(" ", "")]
    return " ".join(words + ([latin_of(entry)] if language(lang).vertical else []))


@pages.route("/<lang:lang>/<any(glossary, places):kind>/words.js", each_listing, offline=OFFLINE_LANG)
def words_file(lang: str, kind: str):
    """The filter's extra words, loaded when the reader first uses the filter: they would
    double the listing's size."""
    return script_response({entry.id: filter_words(entry, lang) for entry in entries_of(kind)}, "portalFilterWords")


def all_plans(snapshot) -> list[Plan]:
    """Every language's plan of the current text and of every edition."""
    editions = (item.plans for item in snapshot.editions.all)
    return [plan for plans_ in (snapshot.plans, *editions) for plan in plans_.values()]


def chapter_numbers(snapshot) -> list[int]:
    """Chapters in any edition: each has a file of term definitions."""
    return sorted({chapter.number for plan in all_plans(snapshot) for chapter in plan.chapters})


def chapter_terms(number: int) -> dict[str, Entry]:
    """Every term a page of chapter `number` can mark: found, as the marking finds them, in
    the chapter's paragraphs in every language of every edition (edition pages use this file too)."""
    snapshot = current()
    used: dict[str, Entry] = {}
    for plan in all_plans(snapshot):
        chapter = plan.chapter(number)
        for paragraph in chapter.paragraphs if chapter else ():
            used.update((entry.id, entry) for _, _, entry in snapshot.terms.matches(paragraph.text, paragraph.lang))
    return used


def each_terms_file(snapshot):
    return ({"lang": lang, "number": number} for lang in snapshot.plans for number in chapter_numbers(snapshot))


def terms_file_inputs(snapshot, lang: str, number: int):
    return snapshot.glossary, [plan.chapter(number) for plan in all_plans(snapshot)]


@pages.route("/<lang:lang>/<int:number>/terms.js", each_terms_file, inputs=terms_file_inputs)
def terms_file(lang: str, number: int):
    if number not in chapter_numbers(current()):
        abort(404)
    # the name a hint's popover shows (a page may mark an inflected use), and the definition
    used = chapter_terms(number)
    definitions = {ident: [entry.name(lang), entry.definition_in(lang)] for ident, entry in used.items()}
    return script_response(definitions, "portalTermDefinitions")


def _snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - 30)
    marked = escape(text[left:start]) + f"<mark>{escape(text[start:end])}</mark>" + escape(text[end : end + 40])
    return ("…" if left else "") + marked + "…"


def entry_inputs(snapshot, lang: str, kind: str, ident: str):
    """The entries (which of them a stretch of text matches depends on all), and where this
    one is used: the paragraph with its chapter's and section's number and title."""
    source = snapshot.plans[SOURCE_LANG]
    uses = []
    for pid in snapshot.occurrences.get(ident, ()):
        chapter, section, paragraph = source.locate(pid)
        uses.append((chapter.number, chapter.title, section.number, section.title, paragraph))
    return snapshot.glossary, uses


@pages.route("/<lang:lang>/<any(glossary, places):kind>/<ident>/", each_entry, sitemap=True, inputs=entry_inputs)
def entry(lang: str, kind: str, ident: str):
    found = next((e for e in entries_of(kind) if e.id == ident), None)
    if found is None:
        abort(404)
    snapshot = current()
    source = plans()[SOURCE_LANG]
    uses = []
    for pid in snapshot.occurrences[found.id]:
        chapter, section, paragraph = source.locate(pid)
        start, end, _ = next(match for match in snapshot.entries.scan(paragraph.text) if match[2] is found)
        uses.append((chapter, section, paragraph, _snippet(paragraph.text, start, end)))
    return render(
        "glossary_entry.html",
        mongolian_font=True,
        kind=kind,
        entry=found,
        uses=uses,
        latin_of=latin_of,
        switch=other_languages(lang, "glossary.entry", kind=kind, ident=ident),
    )


def each_kind(snapshot):
    return ({"kind": kind} for kind in KINDS)


@pages.route("/<any(glossary, places):kind>.json", each_kind, offline=None)
def open_data(kind: str):
    """build/glossary.json and build/places.json: lists of entries, occurrences computed."""
    occurrences = current().occurrences
    return json_response([entry_document(e, occurrences[e.id], kind == "places") for e in entries_of(kind)])
