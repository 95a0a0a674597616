"""Search pages, the JSON API and the browser index files.

`/<lang>/search/?q=` is rendered on the server by the live app. The frozen site has the same
page without results (a static host never sees the query); `static/js/search.js` then reads
`?q=` and answers with `static/js/search-engine.js` from `/search/<lang>.js`, written here from
the same documents.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, abort, current_app, g, request

from ...model.languages import SOURCE_LANG, language
from ...search.analysis import MAX_QUERY, clean_query, did_you_mean, snippet
from ...search.browser import WORD_SHARDS, browser_index, tables_documents, word_documents
from ...text.localize import chapter_label, section_label
from ..links import link
from ..registry import OFFLINE_ALL, PageSet, per_language
from ..render import current, other_languages, plans, render
from ..scripts import script_response

bp = Blueprint("search", __name__)
pages = PageSet(bp)
TABLES = ("tables", "t2s", "pinyin")
DEFAULT_LIMIT, MAX_LIMIT = 20, 100


#: Glossary categories herders search most: grazing, livestock, subsidies and insurance.
HERDER_TOPICS = ("grassland", "livestock", "products", "social", "rural", "agriculture")


def suggestions(limit: int = 24) -> list[str]:
    """Glossary terms to offer on an empty or fruitless search: short terms from the topics
    herders search most, taken in turn, the ones the plan uses most first."""
    loaded = current()
    occurrences = loaded.occurrences
    by_topic = [
        sorted(
            (e for e in loaded.glossary.terms if e.kind == topic and len(e.zh[0]) <= 6),
            key=lambda e: -len(occurrences[e.id]),
        )
        for topic in HERDER_TOPICS
    ]
    picked = [entries[i].zh[0] for i in range(limit) for entries in by_topic if i < len(entries)]
    return picked[:limit] or [group[0] for group in loaded.synonyms][:limit]


def related_terms(query: str, limit: int = 8) -> list[str]:
    """Glossary terms that share two characters in a row with a fruitless query, the ones
    the plan uses most first: where a question the plan does not answer may still lead."""
    loaded = current()
    run = "".join(loaded.tables.t2s.get(ch, ch) for ch in clean_query(query))
    pairs = {run[i : i + 2] for i in range(len(run) - 1)}
    occurrences = loaded.occurrences
    related = [e for e in loaded.glossary.entries if any(pair in form for form in e.zh for pair in pairs)]
    related.sort(key=lambda e: (-len(occurrences.get(e.id, ())), e.zh[0]))
    return [e.zh[0] for e in related[:limit]]


def scope_of(args) -> str:
    """`scope=lang`: only the reader's language. Anything else (or nothing) searches both."""
    return "lang" if args.get("scope") == "lang" else "both"


def results(query: str, lang: str, scope: str = "both"):
    loaded = current()
    return loaded.search.search(query, lang, only=scope == "lang"), did_you_mean(query, loaded.tables)


#: The hits whose paragraphs' notes are listed: the reader's best, where a note helps most.
NOTES_FROM = 20


def notes_for(hits, lang: str) -> list:
    """The plain-language notes on the best hits in the reader's language, in the order of the
    first hit each explains (static/js/search.js lists the same)."""
    rank = {}
    for hit in [h for h in hits if h.doc.lang == lang][:NOTES_FROM]:
        rank.setdefault(hit.doc.id, len(rank))
    notes = [n for n in current().content.explainers.of(lang) if any(p in rank for p in n.paragraphs)]
    return sorted(notes, key=lambda n: min(rank[p] for p in n.paragraphs if p in rank))


def _result_item(hit, lang: str) -> dict:
    doc = hit.doc
    return {
        "id": doc.id,
        "lang": doc.lang,
        "chapter": doc.chapter,
        "section": doc.section,
        "url": link("pages.chapter", lang=doc.lang, number=doc.chapter, _anchor=doc.id),
        "snippet": snippet(hit),
        "score": round(hit.score, 3),
    }


@pages.route("/<lang:lang>/search/", per_language)
def page(lang: str):
    query = request.args.get("q", "")[: MAX_QUERY * 4]
    cleaned = clean_query(query)
    scope = scope_of(request.args)
    hits, suggestion = results(query, lang, scope) if cleaned else ([], None)
    # One group per chapter, in the order of each chapter's best hit; hits by score within it.
    grouped: dict[tuple[str, int], tuple] = {}
    for hit in hits[:MAX_LIMIT]:
        key = (hit.doc.lang, hit.doc.chapter)
        if key not in grouped:
            grouped[key] = (key, plans()[hit.doc.lang].chapter(hit.doc.chapter), [])
        grouped[key][2].append(hit)
    groups = list(grouped.values())
    # A Chinese search page loads the Mongolian font only with Mongolian results: the
    # browser search adds the stylesheet itself when it shows some.
    has_mongolian = language(lang).vertical or any(language(key[0]).vertical for key, _, _ in groups)
    return render(
        "search.html",
        search_page=True,  # the page has its own search form; no second one in the header
        mongolian_font=has_mongolian,
        query=query,
        scope=scope,
        notes=notes_for(hits, lang),
        cleaned=cleaned,
        total=len(hits),
        groups=groups,
        suggestion=suggestion,
        suggestions=suggestions(),
        word_shards=WORD_SHARDS,
        snippet=snippet,
        label_in=lambda code, number: chapter_label(number, code) if number else "",
        section_in=lambda code, number: section_label(number, code) if number else "",
        server_rendered=not current_app.config.get("RELATIVE_URLS"),
        switch=other_languages(lang, "search.page"),
    )


@bp.route("/api/search")
def api():
    """GET /api/search?q=…&lang=zh|mn&limit=N&scope=both|lang (format in README; keep it stable)."""
    query = request.args.get("q", "")[: MAX_QUERY * 4]
    lang = request.args.get("lang", SOURCE_LANG)
    lang = lang if lang in plans() else SOURCE_LANG
    try:
        limit = max(1, min(MAX_LIMIT, int(request.args.get("limit", DEFAULT_LIMIT))))
    except ValueError:
        limit = DEFAULT_LIMIT
    g.lang = None  # links in the answer are site-absolute, as the API has no page to be relative to
    scope = scope_of(request.args)
    hits, suggestion = results(query, lang, scope) if clean_query(query) else ([], None)
    body = {
        "query": query,
        "scope": scope,
        "total": len(hits),
        "results": [_result_item(hit, lang) for hit in hits[:limit]],
        # Only when nothing was found: "did you mean", then related glossary terms.
        "suggestions": [] if hits else list(dict.fromkeys(([suggestion] if suggestion else []) + related_terms(query))),
    }
    return Response(json.dumps(body, ensure_ascii=False), mimetype="application/json")


def each_table(snapshot):
    return ({"kind": kind} for kind in TABLES)


@pages.route("/search/<lang:lang>.js", per_language, offline=OFFLINE_ALL)
def index_file(lang: str):
    loaded = current()
    docs = [d for d in loaded.documents if d.lang == lang]
    return script_response(browser_index(lang, docs, loaded.plans[lang], loaded.content.explainers.of(lang)))


@pages.route("/search/<any(tables, t2s, pinyin):kind>.js", each_table, offline=OFFLINE_ALL)
def tables_file(kind: str):
    return script_response(tables_documents(current().tables)[kind])


def each_word_shard(snapshot):
    return ({"shard": n} for n in range(WORD_SHARDS))


@pages.route("/search/words-<int:shard>.js", each_word_shard, offline=OFFLINE_ALL)
def words_file(shard: int):
    if not 0 <= shard < WORD_SHARDS:
        abort(404)
    shards = current().derived(("word shards",), lambda: word_documents(current().tables))
    return script_response(shards[shard])
