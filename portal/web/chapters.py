"""A chapter page of any edition, shared by the current text (`pages.chapter`) and the pages
of other editions (`changes.edition_chapter`): term hints, links between chapters, and a
"changed in" marker on each paragraph the edition changed."""

from __future__ import annotations

import dataclasses
import re

from flask import abort
from flask_babel import gettext as _

from ..model.editions import Edition
from ..model.languages import LANGUAGES, SOURCE_LANG
from ..model.plan import Chapter, Plan
from ..text.localize import chapter_label
from .links import link, public_url
from .marking import mark_entries
from .render import current, other_languages, plans, render

#: A link written in content to a paragraph or section (#c4s1p3); `portal check` proves the id exists.
PARAGRAPH_LINK = re.compile(r'href="#(c(\d+)s\d+(?:p\d+)?)"')


def plan_for(lang: str) -> Plan:
    plan = plans().get(lang)
    if plan is None:
        abort(404)
    return plan


def chapter_of(plan: Plan, number: int) -> Chapter:
    chapter = plan.chapter(number)
    if chapter is None:
        abort(404)
    return chapter


def chapter_inputs(plans: dict[str, Plan], number: int) -> list:
    """What a page about chapter `number` reads of `plans` (for incremental builds): that chapter
    in every language, and each chapter's number and title (the pager). Paragraph ids carry their
    chapter's number (the reader refuses any other), so links, changes and their markers within
    the chapter cannot depend on another chapter's text."""
    return [(code, plan.chapter(number), plan.outline) for code, plan in plans.items()]


def edition_inputs(item: Edition | None, number: int) -> object:
    """An edition's own fields, and what a page about chapter `number` reads of its plans."""
    if item is None:
        return None
    own = [getattr(item, f.name) for f in dataclasses.fields(item) if f.name != "plans"]
    return own, chapter_inputs(item.plans, number)


def chapter_page_inputs(snapshot, edition: str, number: int) -> object:
    """What `chapter_page` reads for chapter `number` of `edition`: the edition and the one it
    changed (its markers), the interface plans (the language switch), and the terms it marks."""
    editions = snapshot.editions
    return (
        edition_inputs(editions.get(edition), number),
        edition_inputs(editions.predecessor(edition), number),
        chapter_inputs(snapshot.plans, number),
        editions.current,
        snapshot.glossary.terms,
        [e for notes in snapshot.content.explainers.by_lang.values() for e in notes if e.chapter == number],
        targets_after(snapshot, number),
    )


def resolve_links(
    html: str, lang: str, number: int | None = None, endpoint: str = "pages.chapter", values: dict | None = None
) -> str:
    """Point content links to paragraphs of other chapters at those chapters' pages."""

    def target(match: re.Match) -> str:
        chapter = int(match.group(2))
        if chapter == number:
            return match.group(0)
        return f'href="{link(endpoint, lang=lang, number=chapter, _anchor=match.group(1), **(values or {}))}"'

    return PARAGRAPH_LINK.sub(target, html)


def change_markers(edition: str, lang: str) -> dict[str, tuple[str, str]]:
    """Paragraph id → (marker text, comparison link) for what `edition` changed or added."""
    editions = current().editions
    found = editions.get(edition)
    before = editions.predecessor(edition) if found else None
    if before is None:
        return {}
    text = _("Changed in %(edition)s", edition=found.title(lang))
    return {
        c.id: (
            text,
            link("changes.compare_chapter", lang=lang, old=before.name, new=found.name, number=c.chapter, _anchor=c.id),
        )
        for c in current().changes(before, found)
        if c.kind != "removed"
    }


def edition_banner(item: Edition, lang: str) -> str:
    words = _(
        "This is the %(edition)s edition (%(date)s), not the current text.", edition=item.title(lang), date=item.date
    )
    if item.demonstration:
        words += " " + _("It is a demonstration made to show how changes are displayed; it is not part of the plan.")
    return words


def structured_data(
    plan: Plan, chapter: Chapter, edition: Edition, endpoint: str, values: dict, counterparts: list[str]
) -> dict:
    """schema.org metadata of a chapter page (JSON-LD): what it is, in which language and edition,
    of which plan, published by whom, and its translation or original (`counterparts`: the
    languages of the edition that have this chapter, besides the page's own)."""
    address = {"number": chapter.number, **values}
    label = chapter_label(chapter.number, plan.lang) + " " if chapter.number else ""
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "identifier": f"c{chapter.number}",
        "name": label + chapter.title,
        "url": public_url(endpoint, lang=plan.lang, **address),
        "inLanguage": LANGUAGES[plan.lang].html_lang,
        "version": edition.name,
        "datePublished": edition.date,
        "isPartOf": {
            "@type": "CreativeWork",
            "name": plan.title,
            "url": public_url("pages.home", lang=plan.lang),
            "version": edition.name,
        },
        "publisher": {"@type": "GovernmentOrganization", "name": _("Alxa Left Banner People's Government")},
    }
    if plan.lang != SOURCE_LANG:
        data["translationOfWork"] = {"@type": "CreativeWork", "url": public_url(endpoint, lang=SOURCE_LANG, **address)}
        data["creativeWorkStatus"] = _("Draft translation")
    else:
        data["workTranslation"] = [
            {
                "@type": "CreativeWork",
                "url": public_url(endpoint, lang=code, **address),
                "inLanguage": LANGUAGES[code].html_lang,
            }
            for code in counterparts
        ]
    return data


def targets_after(snapshot, number: int) -> dict[str, list]:
    """Paragraph id of chapter `number` → the targets it sets, with their progress: each target
    is shown after the last paragraph it names as its source, where the plan states it."""
    found: dict[str, list] = {}
    for target in snapshot.targets:
        pid = target.indicator.sources[-1]
        if pid.startswith(f"c{number}s"):
            found.setdefault(pid, []).append(target)
    return found


def chapter_page(
    lang: str, plan: Plan, number: int, edition: str, endpoint: str, values: dict, parallel: bool, banner=None
):
    """Chapter `number` of `plan` (the current text or another edition's). `endpoint` and
    `values` make the links to other chapters and languages stay within the same edition."""
    chapter = chapter_of(plan, number)
    previous, following = plan.neighbours(chapter)
    marked = {}
    for section in chapter.sections:
        seen: set[str] = set()  # each term is marked at its first use in a section
        for paragraph in section.paragraphs:
            html = resolve_links(paragraph.html, lang, number, endpoint, values)
            marked[paragraph.id] = mark_entries(html, paragraph.lang, lang, seen)
    # the plans of the edition shown: its other languages are this page's counterparts
    shown = current().editions.get(edition)
    counterparts = [other for other in shown.plans if other != lang and shown.plans[other].chapter(number)]
    is_current = edition == current().editions.current
    return render(
        "chapter.html",
        marked=marked,
        plan=plan,
        chapter=chapter,
        previous=previous,
        following=following,
        chapter_endpoint=endpoint,
        endpoint_values=values,
        markers=change_markers(edition, lang),
        banner=banner,
        switch=other_languages(lang, endpoint, number=number, **values),
        counterparts=counterparts,
        parallel=parallel,
        structured=structured_data(plan, chapter, shown, endpoint, values, counterparts),
        # the plain-language notes and the targets' progress go with the current text only,
        # after the paragraphs they are about
        notes=current().content.explainers.after(lang, number) if is_current else {},
        targets_of=targets_after(current(), number) if is_current else {},
        notes_page=bool(current().content.explainers.of_chapter(lang, number)),
    )
