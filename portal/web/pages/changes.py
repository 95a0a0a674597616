"""What changed between editions: the plan-wide list, a comparison page per chapter for any two
editions, and the pages of editions other than the current one."""

from __future__ import annotations

from flask import Blueprint, abort
from markupsafe import Markup

from ...model.editions import Change, Edition, Editions
from ...model.languages import SOURCE_LANG
from ...text.diff import diff_excerpt, inline_diff
from ...text.localize import chapter_label
from ..chapters import chapter_page, chapter_page_inputs, edition_banner, edition_inputs, plan_for
from ..registry import PageSet, per_language
from ..render import current, other_languages, render

bp = Blueprint("changes", __name__)
pages = PageSet(bp)


def editions() -> Editions:
    return current().editions


def edition_or_404(name: str) -> Edition:
    found = editions().get(name)
    if found is None:
        abort(404)
    return found


def each_comparison(snapshot):
    for lang in snapshot.plans:
        for old, new in snapshot.editions.pairs():
            numbers = {c.number for c in old.plans[SOURCE_LANG].chapters} | {
                c.number for c in new.plans[SOURCE_LANG].chapters
            }
            for number in sorted(numbers):
                yield {"lang": lang, "old": old.name, "new": new.name, "number": number}


def each_edition(snapshot):
    return (
        {"lang": lang, "name": item.name}
        for lang in snapshot.plans
        for item in snapshot.editions.others()
        if lang in item.plans
    )


def each_edition_chapter(snapshot):
    for lang in snapshot.plans:
        for item in snapshot.editions.others():
            for chapter in item.plans[lang].chapters if lang in item.plans else ():
                yield {"lang": lang, "name": item.name, "number": chapter.number}


def _chapter_title(item: Edition, number: int, lang: str) -> str:
    plan = item.plans.get(lang) or item.plans[SOURCE_LANG]
    chapter = plan.chapter(number)
    title = chapter.title if chapter else ""
    return f"{chapter_label(number, lang)} {title}" if number else title


@pages.route("/<lang:lang>/changes/", per_language)
def changes(lang: str):
    """Every change of every edition against the one before, newest first, by chapter."""
    plan_for(lang)
    listing = []
    for item in reversed(editions().all):
        before = editions().predecessor(item.name)
        if before is None:
            continue
        by_chapter: dict[int, list[Change]] = {}
        for change in current().changes(before, item):
            by_chapter.setdefault(change.chapter, []).append((change, *_excerpt(change, before, item, lang)))
        listing.append((item, before, sorted(by_chapter.items())))
    return render(
        "changes.html",
        listing=listing,
        editions=editions(),
        switch=other_languages(lang, "changes.changes"),
        chapter_title=lambda item, n: _chapter_title(item, n, lang),
    )


def _texts(change: Change, before: Edition, after: Edition, text_lang: str) -> tuple[str, str, str | None]:
    """The paragraph's text in `text_lang` before and after ("" where it is not there), and the
    translation status after."""
    old_p, new_p = before.plans[text_lang].locate(change.id), after.plans[text_lang].locate(change.id)
    old_text = old_p[2].text if old_p and old_p[2].status != "missing" else ""
    new_text = new_p[2].text if new_p and new_p[2].status != "missing" else ""
    return old_text, new_text, new_p[2].status if new_p and text_lang != SOURCE_LANG else None


def _diffs(change: Change, before: Edition, after: Edition, lang: str) -> list:
    """The reader's language first; on a translated page the Chinese diff follows, since the
    Chinese is authoritative and a stale translation may not show the change at all."""
    diffs = []
    for text_lang in dict.fromkeys((lang, SOURCE_LANG)):
        if text_lang not in before.plans or text_lang not in after.plans:
            continue
        old_text, new_text, status = _texts(change, before, after, text_lang)
        diffs.append((inline_diff(old_text, new_text, text_lang), text_lang, status))
    return diffs


def _excerpt(change: Change, before: Edition, after: Edition, lang: str) -> tuple[Markup, str]:
    """The changed words of a paragraph for the list of changes: in the reader's language
    when both editions have it and it shows the change, else in the Chinese."""
    for text_lang in dict.fromkeys((lang, SOURCE_LANG)):
        if text_lang in before.plans and text_lang in after.plans:
            old_text, new_text, _ = _texts(change, before, after, text_lang)
            if old_text != new_text:
                return diff_excerpt(old_text, new_text, text_lang), text_lang
    return Markup(""), lang


def comparison_inputs(snapshot, lang: str, old: str, new: str, number: int):
    """Both editions' chapter `number` (its changes, their diffs, its title) and which is current."""
    editions_ = snapshot.editions
    return edition_inputs(editions_.get(old), number), edition_inputs(editions_.get(new), number), editions_.current


@pages.route("/<lang:lang>/compare/<old>/<new>/<int:number>/", each_comparison, inputs=comparison_inputs)
def compare_chapter(lang: str, old: str, new: str, number: int):
    """Chapter `number` of edition `new` against edition `old`, paragraph by paragraph."""
    before, after = edition_or_404(old), edition_or_404(new)
    plan_for(lang)
    if before.date > after.date or before.name == after.name:
        abort(404)
    rows = [(c, _diffs(c, before, after, lang)) for c in current().changes(before, after) if c.chapter == number]
    if after.plans[SOURCE_LANG].chapter(number) is None and before.plans[SOURCE_LANG].chapter(number) is None:
        abort(404)
    total = len((after.plans[SOURCE_LANG].chapter(number) or before.plans[SOURCE_LANG].chapter(number)).paragraphs)
    return render(
        "compare.html",
        before=before,
        after=after,
        number=number,
        rows=rows,
        unchanged=total - sum(1 for r in rows if r[0].kind != "removed"),
        current=editions().current,
        chapter_title=_chapter_title(after, number, lang),
        switch=other_languages(lang, "changes.compare_chapter", old=old, new=new, number=number),
    )


@pages.route("/<lang:lang>/editions/<name>/", each_edition)
def edition_home(lang: str, name: str):
    item = edition_or_404(name)
    if name == editions().current or lang not in item.plans:
        abort(404)
    return render(
        "edition.html",
        item=item,
        plan=item.plans[lang],
        banner=edition_banner(item, lang),
        switch=other_languages(lang, "changes.edition_home", name=name),
    )


def edition_chapter_inputs(snapshot, lang: str, name: str, number: int):
    return chapter_page_inputs(snapshot, name, number)


@pages.route("/<lang:lang>/editions/<name>/<int:number>/", each_edition_chapter, inputs=edition_chapter_inputs)
def edition_chapter(lang: str, name: str, number: int):
    item = edition_or_404(name)
    if name == editions().current or lang not in item.plans:
        abort(404)
    return chapter_page(
        lang,
        item.plans[lang],
        number,
        name,
        "changes.edition_chapter",
        {"name": name},
        parallel=False,
        banner=edition_banner(item, lang),
    )
