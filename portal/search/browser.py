"""The browser's search index: the documents and tables of `analysis`, as compact JSON.

`/search/tables.js` (the engine's letters, folds and limits, and Mongolian suffixes),
`/search/t2s.js` (traditional → simplified pairs), `/search/words-<n>.js` (the synonym groups
and everyday words whose forms start with a character of shard n: a Chinese query loads only
the shards of its own characters) and `/search/pinyin.js` (readings grouped by syllable) hold
what query analysis needs;
`/search/<lang>.js` holds one language's paragraphs. A first search loads the tables its
query needs and the reader's language; the other language follows, so that cross-language
results can be added below.
"""

from __future__ import annotations

from ..model.plan import Plan
from ..text import mongolian
from ..text.localize import chapter_label, section_label
from .analysis import (
    FILLER,
    MAX_NEAR,
    MAX_NEAR_LETTERS,
    MAX_QUERY,
    MAX_SUGGESTED,
    MIN_NEAR,
    MIN_PREFIX,
    PHRASE_BONUS,
    SUFFIX_KEYS,
    WEAK,
    Document,
    Tables,
)


def engine_tables() -> dict:
    """The rules the browser engine shares with `analysis`, written from the Python tables so
    that the two never drift apart: letters U+1820 onwards, marks, loose-key folds, limits."""
    letters = list(mongolian.LETTERS)
    assert letters == [chr(0x1820 + i) for i in range(len(letters))], "letters are consecutive from U+1820"
    return {
        "max_query": MAX_QUERY,
        "min_prefix": MIN_PREFIX,
        "max_suggested": MAX_SUGGESTED,
        "min_near": MIN_NEAR,
        "max_near": MAX_NEAR,
        "max_near_letters": MAX_NEAR_LETTERS,
        "letters": list(mongolian.LETTERS.values()),
        "marks": mongolian.MARKS,
        "folds": [list(fold) for fold in mongolian.LOOSE_FOLDS],
        "cyrillic": mongolian.CYRILLIC,
        "vowels": mongolian.VOWEL_KEYS,
        "filler": sorted(FILLER),
        "weak": WEAK,
        "phrase_bonus": PHRASE_BONUS,
    }


#: Shards of the synonym groups and everyday words, by the code point of a form's first
#: character: a query's forms all start with one of its characters, so it needs only theirs.
WORD_SHARDS = 8


def word_shard(form: str) -> int:
    return ord(form[0]) % WORD_SHARDS


def word_documents(tables: Tables) -> list[dict]:
    """Shard n: every synonym group with a form in it (by its place in the list of groups, so
    that the engine keeps their order whichever shards it loads), and the everyday words."""
    shards = [{"v": 1, "kind": "words", "shard": n, "synonyms": {}, "colloquial": {}} for n in range(WORD_SHARDS)]
    for index, group in enumerate(tables.synonyms):
        for n in sorted({word_shard(form) for form in group}):
            shards[n]["synonyms"][str(index)] = list(group)
    for say, plan in sorted(tables.colloquial.items()):
        shards[word_shard(say)]["colloquial"][say] = list(plan)
    return shards


def tables_documents(tables: Tables) -> dict[str, dict]:
    """The tables in files, so a query loads only what it needs: a Chinese query the
    traditional forms and the word shards of its characters, a Latin one the pinyin readings."""
    return {
        "tables": {
            "v": 1,
            "kind": "tables",
            "suffix_keys": sorted(SUFFIX_KEYS),
            "word_shards": WORD_SHARDS,
            **engine_tables(),
        },
        "t2s": {"v": 1, "kind": "t2s", "t2s": "".join(t + s for t, s in sorted(tables.t2s.items()))},
        # "cao草曹槽 yuan原园…": syllables and their characters, smaller than a JSON object
        "pinyin": {
            "v": 1,
            "kind": "pinyin",
            "pinyin": " ".join(syllable + chars for syllable, chars in sorted(tables.characters_read_as.items())),
        },
    }


def browser_index(lang: str, docs: list[Document], plan: Plan, notes=()) -> dict:
    """Paragraphs as [id, chapter, section, text, lead start, lead end]; titles by section id;
    the plain-language notes as [id, chapter, title, audience, [paragraph ids]], which the
    search page lists beside results that are their paragraphs."""
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
        "notes": [[n.id, n.chapter, n.title, n.audience, list(n.paragraphs)] for n in notes],
    }
