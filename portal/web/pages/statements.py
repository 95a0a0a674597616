"""The statements a public site owes: `/<lang>/about/` and `/<lang>/accessibility/`, from
content/statements/<name>.<lang>.md."""

from __future__ import annotations

from flask import Blueprint, abort

from ...model.statements import NAMES
from ..chapters import plan_for, resolve_links
from ..registry import PageSet
from ..render import current, other_languages, render

bp = Blueprint("statements", __name__)
pages = PageSet(bp)


def each_statement(snapshot):
    found = snapshot.content.statements.by_key
    return ({"lang": lang, "name": name} for (name, lang) in found if lang in snapshot.plans)


@pages.route("/<lang:lang>/<any(" + ", ".join(NAMES) + "):name>/", each_statement, sitemap=True)
def page(lang: str, name: str):
    plan_for(lang)
    statement = current().content.statements.get(name, lang)
    if statement is None:
        abort(404)
    switch = {
        code: url
        for code, url in other_languages(lang, "statements.page", name=name).items()
        if current().content.statements.get(name, code)
    }
    return render(
        "statement.html",
        statement=statement,
        html=resolve_links(statement.html, lang),
        switch=switch,
    )
