"""Term hints in chapter pages: the first use of a glossary term in each section becomes a
button that opens its definition in a popover (HTML `popover`: works by keyboard and by touch,
no script), with a link to the term's page.

Places are not marked: they have pages of their own. The popover is written once per page;
later buttons open the same one. Its definition is not in the page: a chapter's definitions
are one small script (`/<lang>/<n>/terms.js`), loaded when a reader first opens a term.
"""

from __future__ import annotations

import re
from html import escape

from flask_babel import gettext as _

from ..model.languages import language
from .links import link
from .render import current

TAG = re.compile(r"(<[^>]+>)")


def _matches_in(part: str, text_lang: str, seen: set[str]):
    terms = current().terms
    if not language(text_lang).vertical:
        return terms.scan(part)
    # Mongolian matches are the first use of each term; keep those that do not overlap
    matches = [m for m in terms.mongolian_matches(part) if m[2].id not in seen]
    kept, last = [], -1
    for m in matches:
        if m[0] >= last:
            kept.append(m)
            last = m[1]
    return kept


def _popover(entry, pop: str, lang: str) -> str:
    title = entry.name(lang)
    url = link("glossary.entry", lang=lang, kind="glossary", ident=entry.id)
    more = _("More about %(term)s", term=title)
    # the definition is filled in from the chapter's terms.js when first opened
    return (
        f'<span class="term-pop" id="{pop}" popover role="note"><b>{escape(title)}</b> <span class="term-def"></span> '
        f'<a href="{url}" aria-label="{escape(more)}">→</a></span>'
    )


def mark_entries(html: str, text_lang: str, lang: str, seen: set[str], explained: set[str]) -> str:
    """Wrap the first use in a section (`seen`) of each term in `html` as a definition button;
    `explained` holds the terms whose popover this page already has."""
    parts = TAG.split(html)
    for index, part in enumerate(parts):
        if not part or part.startswith("<"):
            continue
        out, cursor = [], 0
        for start, end, entry in _matches_in(part, text_lang, seen):
            if entry.id in seen or start < cursor:
                continue  # explained before in this section, or overlapping the last mark
            seen.add(entry.id)
            pop = f"term-{entry.id}"
            out.append(part[cursor:start])
            out.append(f'<button type="button" class="term" popovertarget="{pop}">{part[start:end]}</button>')
            if entry.id not in explained:
                explained.add(entry.id)
                out.append(_popover(entry, pop, lang))
            cursor = end
        out.append(part[cursor:])
        parts[index] = "".join(out)
    return "".join(parts)
