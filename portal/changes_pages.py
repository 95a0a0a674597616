"""What changed between editions: the plan-wide list, a comparison page per chapter for any
two editions, and the chapter pages of editions other than the current one."""

from __future__ import annotations

from flask import Blueprint, abort
from flask_babel import gettext as _

from .editions import Change, Edition, Editions, compare, inline_diff
from .localize import chapter_label
from .views import chapter_page, content, link, other_languages, plan_for, render

bp = Blueprint("changes", __name__)


def editions() -> Editions:
    return content().editions


def edition_or_404(name: str) -> Edition:
    found = editions().get(name)
    if found is None:
        abort(404)
    return found


def changes_between(old: Edition, new: Edition) -> list[Change]:
    """Changes of the Chinese text (the authoritative one), computed once per pair."""
    cache = content()._cache.setdefault("changes", {})
    if (old.name, new.name) not in cache:
        cache[(old.name, new.name)] = compare(old.plans["zh"], new.plans["zh"])
    return cache[(old.name, new.name)]


def change_markers(edition: str, lang: str) -> dict[str, tuple[str, str]]:
    """Paragraph id → (marker text, comparison link) for what `edition` changed or added."""
    found = editions().get(edition)
    before = editions().predecessor(edition) if found else None
    if before is None:
        return {}
    text = _("Changed in %(edition)s", edition=found.title(lang))
    return {
        c.id: (
            text,
            link("changes.compare_chapter", lang=lang, old=before.name, new=found.name, number=c.chapter, _anchor=c.id),
        )
        for c in changes_between(before, found)
        if c.kind != "removed"
    }


def edition_banner(item: Edition, lang: str) -> str:
    words = _(
        "This is the %(edition)s edition (%(date)s), not the current text.", edition=item.title(lang), date=item.date
    )
    if item.demonstration:
        words += " " + _("It is a demonstration made to show how changes are displayed; it is not part of the plan.")
    return words


@bp.route("/<any(zh, mn):lang>/changes/")
def changes(lang: str):
    """Every change of every edition against the one before, newest first, by chapter."""
    plan_for(lang)
    listing = []
    for item in reversed(editions().all):
        before = editions().predecessor(item.name)
        if before is None:
            continue
        by_chapter: dict[int, list[Change]] = {}
        for change in changes_between(before, item):
            by_chapter.setdefault(change.chapter, []).append(change)
        listing.append((item, before, sorted(by_chapter.items())))
    return render(
        "changes.html",
        vertical=lang == "mn",
        listing=listing,
        editions=editions(),
        switch=other_languages(lang, "changes.changes"),
        chapter_title=lambda item, n: _chapter_title(item, n, lang),
    )


def _chapter_title(item: Edition, number: int, lang: str) -> str:
    plan = item.plans.get(lang) or item.plans["zh"]
    chapter = plan.chapter(number)
    title = chapter.title if chapter else ""
    return f"{chapter_label(number, lang)} {title}" if number else title


@bp.route("/<any(zh, mn):lang>/compare/<old>/<new>/<int:number>/")
def compare_chapter(lang: str, old: str, new: str, number: int):
    """Chapter `number` of edition `new` against edition `old`, paragraph by paragraph."""
    before, after = edition_or_404(old), edition_or_404(new)
    plan_for(lang)
    if before.date > after.date or before.name == after.name:
        abort(404)
    rows = []
    for change in (c for c in changes_between(before, after) if c.chapter == number):
        # The reader's language first; on a Mongolian page the Chinese diff follows, since the
        # Chinese is authoritative and a stale translation may not show the change at all.
        diffs = []
        for text_lang in dict.fromkeys((lang, "zh")):
            if text_lang not in before.plans or text_lang not in after.plans:
                continue
            old_p, new_p = before.plans[text_lang].locate(change.id), after.plans[text_lang].locate(change.id)
            old_text = old_p[2].text if old_p and old_p[2].status != "missing" else ""
            new_text = new_p[2].text if new_p and new_p[2].status != "missing" else ""
            status = new_p[2].status if new_p and text_lang != "zh" else None
            diffs.append((inline_diff(old_text, new_text, text_lang), text_lang, status))
        rows.append((change, diffs))
    if after.plans["zh"].chapter(number) is None and before.plans["zh"].chapter(number) is None:
        abort(404)
    total = len((after.plans["zh"].chapter(number) or before.plans["zh"].chapter(number)).paragraphs)
    return render(
        "compare.html",
        vertical=lang == "mn",
        before=before,
        after=after,
        number=number,
        rows=rows,
        unchanged=total - sum(1 for r in rows if r[0].kind != "removed"),
        current=editions().current,
        chapter_title=_chapter_title(after, number, lang),
        switch=other_languages(lang, "changes.compare_chapter", old=old, new=new, number=number),
    )


@bp.route("/<any(zh, mn):lang>/editions/<name>/")
def edition_home(lang: str, name: str):
    item = edition_or_404(name)
    if name == editions().current or lang not in item.plans:
        abort(404)
    return render(
        "edition.html",
        vertical=lang == "mn",
        item=item,
        plan=item.plans[lang],
        banner=edition_banner(item, lang),
        switch=other_languages(lang, "changes.edition_home", name=name),
    )


@bp.route("/<any(zh, mn):lang>/editions/<name>/<int:number>/")
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
