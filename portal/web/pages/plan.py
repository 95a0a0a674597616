"""The plan itself: the language chooser, each language's plan home, the chapter pages, the
side-by-side view, `plan.json`, and the pages every site needs (404, sitemap, error pages)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request
from flask_babel import gettext as _

from ...model.languages import SOURCE_LANG, TRANSLATIONS
from ...model.plan import Plan
from ..chapters import chapter_inputs, chapter_of, chapter_page, chapter_page_inputs, plan_for
from ..links import public_url, site_link
from ..open_data import plan_document
from ..registry import PageSet, once, per_language, registry_of
from ..render import current, other_languages, plans, render
from ..scripts import json_response
from .offline import ZIP_FOLDER, zip_name

bp = Blueprint("pages", __name__)
pages = PageSet(bp)


def each_chapter(snapshot):
    return ({"lang": lang, "number": c.number} for lang, plan in snapshot.plans.items() for c in plan.chapters)


def each_parallel(snapshot):
    return each_chapter(snapshot) if len(snapshot.plans) > 1 else ()


def translation_progress(plan: Plan) -> tuple[int, int]:
    paragraphs = plan.paragraphs
    return sum(1 for p in paragraphs if p.status not in (None, "missing")), len(paragraphs)


def _everyone_page(template: str, public: bool = True):
    """A page that speaks every language (the chooser, the 404 page)."""
    mongolian = any(code in plans() for code in TRANSLATIONS)
    return render(template, mongolian_font=mongolian, public=public, plans=plans())


@pages.route("/", once, sitemap=True, offline=None)
def chooser():
    return _everyone_page("chooser.html")


@pages.route("/<lang:lang>/", per_language, sitemap=True)
def home(lang: str):
    plan = plan_for(lang)
    # The zip exists only in a build (portal build writes it); the live app does not offer it.
    zip_href = site_link(f"/{ZIP_FOLDER}/{zip_name()}") if current_app.config.get("RELATIVE_URLS") else None
    return render(
        "home.html",
        plan=plan,
        switch=other_languages(lang, "pages.home"),
        latest=current().notices.latest(lang),
        zip_href=zip_href,
        progress=translation_progress(plan) if plan.lang != SOURCE_LANG else None,
    )


def current_chapter_inputs(snapshot, lang: str, number: int):
    return chapter_page_inputs(snapshot, snapshot.editions.current, number)


def parallel_inputs(snapshot, lang: str, number: int):
    return chapter_inputs(snapshot.plans, number)


@pages.route("/<lang:lang>/<int:number>/", each_chapter, sitemap=True, inputs=current_chapter_inputs)
def chapter(lang: str, number: int):
    multilingual = len(plans()) > 1
    return chapter_page(lang, plan_for(lang), number, current().editions.current, "pages.chapter", {}, multilingual)


@pages.route("/<lang:lang>/<int:number>/parallel/", each_parallel, sitemap=True, inputs=parallel_inputs)
def parallel(lang: str, number: int):
    """Each Chinese paragraph beside its translation, aligned by paragraph id."""
    if len(plans()) < 2:
        abort(404)
    source, translated = plans()[SOURCE_LANG], plans()[TRANSLATIONS[0]]
    chapter = chapter_of(source, number)
    previous, following = source.neighbours(chapter)
    return render(
        "parallel.html",
        mongolian_font=True,
        vertical=False,
        plan=plan_for(lang),
        source=chapter,
        translated=translated.chapter(number),
        previous=previous,
        following=following,
        switch=other_languages(lang, "pages.parallel", number=number),
    )


@pages.route("/<lang:lang>/plan.json", per_language, offline=None)
def plan_json(lang: str):
    return json_response(plan_document(plan_for(lang)))


@pages.route("/404.html", once, offline=None)
def not_found_page():
    # The static host serves this file for unknown paths; the live app renders the same page.
    return _everyone_page("404.html", public=False)


@pages.route("/sitemap.xml", once, offline=None)
def sitemap():
    """The pages search engines should know, in a stable order."""
    registry = registry_of(current_app)
    urls = sorted(
        public_url(endpoint, **values)
        for endpoint, values in registry.pages(current())
        if registry.kind(endpoint).sitemap
    )
    return Response(render_template("sitemap.xml", urls=urls), mimetype="application/xml")


@bp.route("/<lang:lang>/print/")
def whole_plan(lang: str):
    """The whole plan on one page, for printing and for `portal pdf` (live app only: it is far
    larger than a page of the frozen site should be)."""
    plan = plan_for(lang)
    return render(
        "plan_print.html",
        plan=plan,
        home_url=public_url("pages.home", lang=lang),
        public=False,
    )


@bp.app_errorhandler(404)
def not_found(error):
    return _everyone_page("404.html", public=False), 404


@bp.app_errorhandler(405)
def method_not_allowed(error):
    """A polite page that says what the address does accept; Allow lists the methods."""
    message = _("This address only answers requests to read a page.")
    headers = {"Allow": ", ".join(sorted(error.valid_methods or ("GET", "HEAD")))}
    return render_template("error.html", message=message), 405, headers


@bp.app_errorhandler(400)
@bp.app_errorhandler(413)
@bp.app_errorhandler(414)
@bp.app_errorhandler(431)
def bad_request(error):
    message = _("The request could not be read. Please check the address and try again.")
    return render_template("error.html", message=message), error.code


@bp.app_errorhandler(500)
def server_error(error):
    current_app.logger.exception("page failed: %s", request.path)
    message = _("Something went wrong on our side. Please try again later.")
    return render_template("error.html", message=message), 500
