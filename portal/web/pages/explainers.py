"""Plain-language notes (解读): `/<lang>/<number>/explainers/`, every note on a chapter with the
paragraphs it explains. The chapter page shows each note after its paragraphs as well."""

from __future__ import annotations

from flask import Blueprint, abort

from ..chapters import chapter_of, plan_for
from ..registry import PageSet
from ..render import current, other_languages, render

bp = Blueprint("explainers", __name__)
pages = PageSet(bp)


def each_notes_page(snapshot):
    explainers = snapshot.content.explainers
    return (
        {"lang": lang, "number": number}
        for lang in snapshot.plans
        for number in sorted({e.chapter for e in explainers.of(lang)})
    )


def notes_inputs(snapshot, lang: str, number: int):
    plan = snapshot.plans[lang]
    return (snapshot.content.explainers.of_chapter(lang, number), plan.chapter(number), plan.outline)


@pages.route("/<lang:lang>/<int:number>/explainers/", each_notes_page, sitemap=True, inputs=notes_inputs)
def page(lang: str, number: int):
    plan = plan_for(lang)
    chapter = chapter_of(plan, number)
    notes = current().content.explainers.of_chapter(lang, number)
    if not notes:
        abort(404)
    switch = {
        code: url
        for code, url in other_languages(lang, "explainers.page", number=number).items()
        if current().content.explainers.of_chapter(code, number)
    }
    return render("explainers.html", plan=plan, chapter=chapter, notes=notes, switch=switch)
