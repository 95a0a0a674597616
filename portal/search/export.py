"""The browser's search index: the documents and tables of `analysis`, as compact JSON.

`/search/tables.js` (Mongolian suffixes), `/search/t2s.js` (traditional → simplified pairs
and synonym groups) and `/search/pinyin.js` (readings grouped by syllable) hold what query analysis needs;
`/search/<lang>.js` holds one language's paragraphs. A first search loads the tables its
query needs and the reader's language; the other language follows, so that cross-language
results can be added below.
"""

from __future__ import annotations

import json

from ..localize import chapter_label, section_label
from ..model import Plan
from .analysis import SUFFIX_KEYS, Document, Tables


def as_script(data: dict, callback: str = "portalSearchData") -> str:
    """Data files for the browser are scripts calling `callback(…)`, not JSON: a page opened
    from file:// may load a script but not fetch a file."""
    return callback + "(" + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ");\n"


def tables_documents(tables: Tables) -> dict[str, dict]:
    """The tables in three files, so a query loads only what it needs: a Chinese query the
    traditional forms and synonyms, a Latin one the pinyin readings."""
    return {
        "tables": {"v": 1, "kind": "tables", "suffix_keys": sorted(SUFFIX_KEYS)},
        # Synonym groups are Chinese forms: only a query with Chinese characters needs them.
        "t2s": {
            "v": 1,
            "kind": "t2s",
            "t2s": "".join(t + s for t, s in sorted(tables.t2s.items())),
            "synonyms": [list(g) for g in tables.synonyms],
        },
        # "cao草曹槽 yuan原园…": syllables and their characters, smaller than a JSON object
        "pinyin": {
            "v": 1,
            "kind": "pinyin",
            "pinyin": " ".join(syllable + chars for syllable, chars in sorted(tables.characters_read_as.items())),
        },
    }


def browser_index(lang: str, docs: list[Document], plan: Plan) -> dict:
    """Paragraphs as [id, chapter, section, text, lead start, lead end]; titles by section id."""
    titles, labels = {}, {}
    for chapter in plan.chapters:
        labels[chapter.number] = ((chapter_label(chapter.number, lang) + " ") if chapter.number else "") + chapter.title
        for section in chapter.titled_sections:
            if section.title_lang == lang:
                titles[section.id] = section.title
            labels[section.id] = section_label(section.number, lang)
    return {
        "v": 1,
        "kind": "index",
        "lang": lang,
        "labels": labels,
        "titles": titles,
        "docs": [[d.id, d.chapter, d.section, d.text, d.lead[0], d.lead[1]] for d in docs],
    }
