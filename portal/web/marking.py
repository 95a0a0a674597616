"""Term hints in chapter pages: the first use of a glossary term in each section becomes a
link to the term's page. With script (static/js/tools.js) the link opens the term's name and
definition in a popover instead (HTML `popover`: by keyboard and by touch), drawn when first
opened from the chapter's one small definitions script (`/<lang>/<n>/terms.js`). The page
itself holds no popover: a long chapter's hints cost a link each, not a box each.

Places are not marked: they have pages of their own.
"""

from __future__ import annotations

import re

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


def mark_entries(html: str, text_lang: str, lang: str, seen: set[str]) -> str:
    """Make the first use in a section (`seen`) of each term in `html` a link to its entry."""
    parts = TAG.split(html)
    inside_link = False  # a link cannot hold another: text in a cross-reference stays as it is
    for index, part in enumerate(parts):
        if part.startswith("<"):
            inside_link = (part.startswith("<a ") or part == "<a>") or (inside_link and part != "</a>")
            continue
        if not part or inside_link:
            continue
        out, cursor = [], 0
        for start, end, entry in _matches_in(part, text_lang, seen):
            if entry.id in seen or start < cursor:
                continue  # explained before in this section, or overlapping the last mark
            seen.add(entry.id)
            url = link("glossary.entry", lang=lang, kind="glossary", ident=entry.id)
            out.append(part[cursor:start])
            out.append(f'<a class="term" href="{url}">{part[start:end]}</a>')  # the id is in the link
            cursor = end
        out.append(part[cursor:])
        parts[index] = "".join(out)
    return "".join(parts)
