"""The pages of the portal, one blueprint, reading only the Plan model.

Every URL carries its language as the first path segment, and every page the site has is
listed by `site_pages()`: the freezer, the sitemap and the tests all walk that one list.
Links go through `link()`, which gives relative URLs while freezing, so the static site works
from disk, from a USB stick and from any sub-path of a web server.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from collections.abc import Iterator

from flask import Blueprint, Response, abort, current_app, g, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from .export import plan_document
from .i18n import HTML_LANG
from .localize import chapter_label, format_date, format_number, section_label
from .model import Plan
from .store import Content
from .translation import SOURCE_LANG

#: Each language's name in its own script, for the language switch and the chooser.
NATIVE_NAMES = {"zh": "中文", "mn": "ᠮᠣᠩᠭᠣᠯ"}

bp = Blueprint("pages", __name__)


def content() -> Content:
    """Everything read from content/, as the app serves it now (reloaded after an edit)."""
    return current_app.extensions["portal.plans"].content()


def plans() -> dict[str, Plan]:
    return content().plans


def plan_for(lang: str) -> Plan:
    plan = plans().get(lang)
    if plan is None:
        abort(404)
    return plan


def chapter_of(plan: Plan, number: int):
    chapter = plan.chapter(number)
    if chapter is None:
        abort(404)
    return chapter


def frozen_path(path: str) -> str:
    """The path a page is written to and linked as: in a frozen site a folder address ends in
    index.html, because a folder link opened from disk shows a listing, not the page."""
    if current_app.config.get("RELATIVE_URLS") and path.endswith("/"):
        return path + "index.html"
    return path


def site_link(path: str) -> str:
    """A link to `path` (from the site root, '/zh/4/#c4s1p3'), made relative to the current
    page when the site is being frozen; also for files that are not routes, like the zip."""
    path, hash_mark, fragment = path.partition("#")
    path = frozen_path(path)
    if current_app.config.get("RELATIVE_URLS"):
        base = request.path if request.path.endswith("/") else posixpath.dirname(request.path)
        path = posixpath.relpath(path, base)
    return path + hash_mark + fragment


def link(endpoint: str, **values) -> str:
    """url_for, made relative to the current page when the site is being frozen."""
    return site_link(url_for(endpoint, **values))


def site_pages() -> Iterator[tuple[str, dict]]:
    """(endpoint, values) of every page, for the freezer, the sitemap and the tests."""
    from .glossary_pages import chapter_numbers

    yield "pages.chooser", {}
    yield "pages.not_found_page", {}
    yield "pages.sitemap", {}
    yield "offline.service_worker", {}
    for kind in ("tables", "t2s", "pinyin"):
        yield "search.tables_file", {"kind": kind}
    glossary = content().glossary
    for kind, entries in (("glossary", glossary.terms), ("places", glossary.places)):
        yield "glossary.open_data", {"kind": kind}
    yield "figures.open_data", {}
    for lang, plan in plans().items():
        yield "pages.home", {"lang": lang}
        yield "pages.plan_json", {"lang": lang}
        yield "figures.page", {"lang": lang}
        yield "updates.index", {"lang": lang}
        yield "sheets.index", {"lang": lang}
        for chapter in plan.chapters:
            for section in chapter.sections:
                if section.number:
                    yield "sheets.sheet", {"lang": lang, "section_id": section.id}
        yield "updates.feed", {"lang": lang}
        yield "figures.csv_file", {"lang": lang}
        yield "search.page", {"lang": lang}
        yield "search.index_file", {"lang": lang}
        for kind, entries in (("glossary", glossary.terms), ("places", glossary.places)):
            yield "glossary.index", {"lang": lang, "kind": kind}
            yield "glossary.words_file", {"lang": lang, "kind": kind}
            for entry in entries:
                yield "glossary.entry", {"lang": lang, "kind": kind, "ident": entry.id}
        for chapter in plan.chapters:
            yield "pages.chapter", {"lang": lang, "number": chapter.number}
            if len(plans()) > 1:
                yield "pages.parallel", {"lang": lang, "number": chapter.number}
        for number in chapter_numbers():
            yield "glossary.terms_file", {"lang": lang, "number": number}
        yield from edition_pages(lang)


def edition_pages(lang: str) -> Iterator[tuple[str, dict]]:
    """The changes list, every comparison, and the pages of editions other than the current."""
    editions = content().editions
    yield "changes.changes", {"lang": lang}
    for old, new in editions.pairs():
        numbers = {c.number for c in old.plans["zh"].chapters} | {c.number for c in new.plans["zh"].chapters}
        for number in sorted(numbers):
            yield "changes.compare_chapter", {"lang": lang, "old": old.name, "new": new.name, "number": number}
    for item in editions.others():
        if lang in item.plans:
            yield "changes.edition_home", {"lang": lang, "name": item.name}
            for chapter in item.plans[lang].chapters:
                yield "changes.edition_chapter", {"lang": lang, "name": item.name, "number": chapter.number}


@bp.app_url_value_preprocessor
def remember_lang(endpoint, values) -> None:
    # Set on every request, also to None: the freezer shares one app context between pages.
    g.lang = (values or {}).get("lang")


def language_name(code: str, mongolian_font: bool) -> str:
    """A language's own name; pages without the Mongolian web font name Mongolian in Chinese."""
    if code == "mn" and not mongolian_font:
        return _("Mongolian")
    return NATIVE_NAMES[code]


def length_class(text: str | None) -> str:
    """Size class of a vertical Mongolian block in the side-by-side view (see portal.css)."""
    n = len(text or "")
    return "len-s" if n < 80 else "len-m" if n < 300 else "len-l" if n < 700 else "len-xl"


def translate_in(code: str, message: str) -> str:
    """An interface string in a given language, for the pages that speak every language."""
    with force_locale(code):
        return _(message)


@bp.app_context_processor
def template_helpers() -> dict:
    lang = g.get("lang")
    return {
        "link": link,
        "lang": lang,
        "html_lang": HTML_LANG.get(lang or "", "zh-Hans"),
        "html_lang_of": lambda code: HTML_LANG[code],
        "languages": list(plans()),
        "chapter_label": lambda number: chapter_label(number, lang or "zh"),
        "section_label": lambda number: section_label(number, lang or "zh"),
        "section_label_in": lambda code, number: section_label(number, code),
        "language_name": language_name,
        "NATIVE_NAMES": NATIVE_NAMES,
        "generated_on": format_date(dt.date.today(), lang or "zh"),
        "format_number": lambda value: format_number(value, lang or "zh"),
        "format_day": lambda day: format_date(day, lang or "zh"),
        "resolve_links": lambda html: resolve_links(html, lang or "zh"),
        "translate_in": translate_in,
        "length_class": length_class,
    }


def render(template: str, *, mongolian_font: bool = False, vertical: bool = False, **context):
    """Render a page; `mongolian_font` links the Mongolian web font, `vertical` sets the whole
    page in vertical Mongolian (columns left to right, scrolling sideways)."""
    lang = g.get("lang")
    return render_template(template, mongolian_font=mongolian_font or lang == "mn", vertical=vertical, **context)


def other_languages(lang: str, endpoint: str, **values) -> dict[str, str]:
    """Links to this page in the other languages that have it, for the language switch."""
    number = values.get("number")
    return {
        other: link(endpoint, lang=other, **values)
        for other, plan in plans().items()
        if other != lang and (number is None or plan.chapter(number))
    }


def translation_progress(plan: Plan) -> tuple[int, int]:
    paragraphs = plan.paragraphs
    return sum(1 for p in paragraphs if p.status not in (None, "missing")), len(paragraphs)


@bp.route("/")
def chooser():
    return render("chooser.html", mongolian_font="mn" in plans(), plans=plans())


@bp.route("/<any(zh, mn):lang>/")
def home(lang: str):
    plan = plan_for(lang)
    from .offline import ZIP_FOLDER, zip_name

    notices = content().notices
    # The zip exists only in a build (portal build writes it); the live app does not offer it.
    zip_href = site_link(f"/{ZIP_FOLDER}/{zip_name()}") if current_app.config.get("RELATIVE_URLS") else None
    return render(
        "home.html",
        vertical=lang == "mn",
        plan=plan,
        switch=other_languages(lang, "pages.home"),
        latest=notices.latest(lang),
        zip_href=zip_href,
        progress=translation_progress(plan) if plan.lang != SOURCE_LANG else None,
    )


@bp.route("/<any(zh, mn):lang>/<int:number>/")
def chapter(lang: str, number: int):
    return chapter_page(
        lang, plan_for(lang), number, content().editions.current, "pages.chapter", {}, parallel=len(plans()) > 1
    )


#: A link written in content to a paragraph or section (#c4s1p3); `portal check` proves the id exists.
PARAGRAPH_LINK = re.compile(r'href="#(c(\d+)s\d+(?:p\d+)?)"')


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


def chapter_page(
    lang: str, plan: Plan, number: int, edition: str, endpoint: str, values: dict, parallel: bool, banner=None
):
    """A chapter of `plan` (the current text or an earlier or later edition's), with a
    "changed in" marker on each paragraph that `edition` changed. `endpoint` and `values` make
    the links to other chapters and languages stay within the same edition."""
    from .changes_pages import change_markers
    from .glossary_pages import mark_entries

    chapter = chapter_of(plan, number)
    previous, following = plan.neighbours(chapter)
    marked, explained = {}, set()
    for section in chapter.sections:
        seen: set[str] = set()  # each term is marked at its first use in a section
        for paragraph in section.paragraphs:
            html = resolve_links(paragraph.html, lang, number, endpoint, values)
            marked[paragraph.id] = mark_entries(html, paragraph.lang, lang, seen, explained)
    # the plans of the edition shown: its other languages are this page's counterparts
    edition_plans = content().editions.get(edition).plans
    return render(
        "chapter.html",
        marked=marked,
        vertical=lang == "mn",
        plan=plan,
        chapter=chapter,
        previous=previous,
        following=following,
        chapter_endpoint=endpoint,
        endpoint_values=values,
        markers=change_markers(edition, lang),
        banner=banner,
        switch=other_languages(lang, endpoint, number=number, **values),
        counterparts=[other for other in edition_plans if other != lang and edition_plans[other].chapter(number)],
        parallel=parallel,
    )


@bp.route("/<any(zh, mn):lang>/<int:number>/parallel/")
def parallel(lang: str, number: int):
    """Each Chinese paragraph beside its Mongolian counterpart, aligned by paragraph id."""
    if len(plans()) < 2:
        abort(404)
    source, translated = plans()[SOURCE_LANG], plans()["mn"]
    chapter = chapter_of(source, number)
    previous, following = source.neighbours(chapter)
    return render(
        "parallel.html",
        mongolian_font=True,
        plan=plan_for(lang),
        source=chapter,
        translated=translated.chapter(number),
        previous=previous,
        following=following,
        switch=other_languages(lang, "pages.parallel", number=number),
    )


@bp.route("/<any(zh, mn):lang>/plan.json")
def plan_json(lang: str):
    body = json.dumps(plan_document(plan_for(lang)), ensure_ascii=False, indent=1)
    return Response(body, mimetype="application/json")


@bp.route("/404.html")
def not_found_page():
    # The static host serves this file for unknown paths; the live app renders the same page.
    return render("404.html", mongolian_font="mn" in plans(), plans=plans())


@bp.route("/sitemap.xml")
def sitemap():
    base = current_app.config["SITE_URL"].rstrip("/")
    urls = [
        base + url_for(endpoint, **values)
        for endpoint, values in site_pages()
        if endpoint
        in ("pages.chooser", "pages.home", "pages.chapter", "pages.parallel", "glossary.index", "glossary.entry")
    ]
    return Response(render_template("sitemap.xml", urls=urls), mimetype="application/xml")


@bp.app_errorhandler(404)
def not_found(error):
    return render("404.html", mongolian_font="mn" in plans(), plans=plans()), 404


@bp.app_errorhandler(405)
def method_not_allowed(error):
    return render("404.html", mongolian_font="mn" in plans(), plans=plans()), 405


@bp.app_errorhandler(500)
def server_error(error):
    current_app.logger.exception("page failed: %s", request.path)
    return render_template("error.html", message=_("Something went wrong on our side. Please try again later.")), 500
