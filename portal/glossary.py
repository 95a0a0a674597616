"""The term base and the index of places: bilingual entries, and where the plan uses them.

Entries come from `content/glossary.yaml` and `content/places.yaml` (read by the loader).
Occurrences are never listed by hand: `Glossary.occurrences` scans the Chinese text for every
form of every entry, and drops a match that lies inside a longer match: 阿拉善左旗 counts for
the banner and not also for 阿拉善. Matches that merely overlap both count (土壤环境 and
环境监测 in 土壤环境监测网络).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .model import Plan
from .mongolian import latin_key, to_latin, words


@dataclass(frozen=True)
class Entry:
    id: str
    zh: tuple[str, ...]  # the plan's own form first, then exact equivalents: each requires `mn` in a translation
    mn: str  # the approved Mongolian (traditional script)
    definition_zh: str
    definition_mn: str
    status: str  # draft until a certified translator has reviewed it
    kind: str  # category of a term, or kind of place (town, sumu, port, …)
    source: str = ""  # where the Mongolian form was confirmed
    line: int = 0
    #: Broader, narrower or merely related words that people type when they look for this term.
    #: They lead to the entry (glossary filter, open data) but are not the term itself, so they
    #: never require its Mongolian in a translation and are never marked in the text.
    related: tuple[str, ...] = ()

    @property
    def latin(self) -> str:
        """Latin transliteration, produced by portal.mongolian (never stored)."""
        return to_latin(self.mn).replace("'", "")

    @property
    def pinyin_key(self) -> str:
        from pypinyin import lazy_pinyin

        return " ".join(lazy_pinyin(self.zh[0]))

    @property
    def mongolian_key(self) -> tuple[int, ...]:
        """Mongolian alphabetical order: the letters' code points follow the traditional order."""
        return tuple(ord(ch) for ch in self.mn if "\u1820" <= ch <= "\u1842")


@dataclass(frozen=True, eq=False)
class Glossary:
    terms: tuple[Entry, ...] = ()
    places: tuple[Entry, ...] = ()
    _occurrences: dict = field(default_factory=dict, repr=False)
    # (method, text) → matches: entry pages, term marking, definition files and the check all
    # look for terms in the same paragraphs
    _matches: dict = field(default_factory=dict, repr=False)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self.terms + self.places

    @cached_property
    def terms_only(self) -> Glossary:
        """The terms without the places, for marking terms in chapter pages (built once)."""
        return Glossary(self.terms)

    def entry(self, ident: str) -> Entry | None:
        return next((e for e in self.entries if e.id == ident), None)

    @cached_property
    def _forms(self) -> dict[str, list[tuple[str, Entry]]]:
        """First character → (form, entry), longest forms first."""
        table: dict[str, list[tuple[str, Entry]]] = {}
        for entry in self.entries:
            for form in entry.zh:
                table.setdefault(form[0], []).append((form, entry))
        for forms in table.values():
            forms.sort(key=lambda pair: -len(pair[0]))
        return table

    def scan(self, text: str) -> list[tuple[int, int, Entry]]:
        """Matches of any entry's form in `text`, (start, end, entry), none inside a longer one."""
        if ("zh", text) in self._matches:
            return self._matches["zh", text]
        matches = [
            (position, position + len(form), entry)
            for position, ch in enumerate(text)
            for form, entry in self._forms.get(ch, ())
            if text.startswith(form, position)
        ]
        matches.sort(key=lambda m: (m[0], m[0] - m[1]))  # by start, longest first
        kept, reach = [], -1
        for start, end, entry in matches:
            if end <= reach:
                continue  # inside an earlier, longer match
            kept.append((start, end, entry))
            reach = end
        self._matches["zh", text] = kept
        return kept

    def occurrences(self, plan: Plan) -> dict[str, list[str]]:
        """Entry id → ids of the paragraphs that use it, in the plan's order."""
        key = id(plan)
        if key not in self._occurrences:
            result: dict[str, list[str]] = {entry.id: [] for entry in self.entries}
            for paragraph in plan.paragraphs:
                for ident in dict.fromkeys(entry.id for _, _, entry in self.scan(paragraph.text)):
                    result[ident].append(paragraph.id)
            self._occurrences[key] = result
        return self._occurrences[key]

    @cached_property
    def _mongolian_index(self) -> tuple[dict, dict]:
        """Entries by their Mongolian term's first word key: one-word terms (which may take a
        suffix) and longer terms (whose first word is whole)."""
        single: dict[str, list[Entry]] = {}
        multi: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for entry in self.entries:
            keys = _term_keys(entry.mn)
            if len(keys) == 1:
                single.setdefault(keys[0], []).append(entry)
            elif keys:
                multi.setdefault(keys[0], []).append((keys, entry))
        return single, multi

    def mongolian_matches(self, text: str) -> list[tuple[int, int, Entry]]:
        """The first use in `text` of each entry's Mongolian term (as `mongolian_term_in`
        decides: a suffix allowed on the last word), by start. One pass over the words."""
        if ("mn", text) in self._matches:
            return self._matches["mn", text]
        single, multi = self._mongolian_index
        positions, have = _word_keys(text)
        found: dict[str, tuple[int, int, Entry]] = {}
        for i, key in enumerate(have):
            for length in range(1, len(key) + 1):  # a one-word term may be followed by a suffix
                for entry in single.get(key[:length], ()):
                    found.setdefault(entry.id, (positions[i][0], positions[i][1], entry))
            for keys, entry in multi.get(key, ()):
                if entry.id not in found and _uses_at(have, i, keys):
                    found[entry.id] = (positions[i][0], positions[i + len(keys) - 1][1], entry)
        self._matches["mn", text] = sorted(found.values(), key=lambda m: m[0])
        return self._matches["mn", text]

    def synonym_groups(self) -> tuple[tuple[str, ...], ...]:
        """Every term's forms as one group, for search."""
        return tuple(entry.zh for entry in self.terms if len(entry.zh) > 1)


def mongolian_term_in(term: str, text: str) -> bool:
    """Does `text` use the Mongolian term, allowing a suffix on its last word?

    Words are compared by their loose Latin keys, so U+202F or a plain space before a suffix,
    and look-alike spellings, do not matter.
    """
    wanted = _term_keys(term)
    _, have = _word_keys(text)
    return not wanted or any(_uses_at(have, i, wanted) for i in range(len(have) - len(wanted) + 1))


def _uses_at(have: list[str], i: int, wanted: tuple[str, ...]) -> bool:
    """Do the word keys from `i` on spell the term: its words in order, a suffix allowed on the
    last one (written joined; a suffix written apart is a word of its own)."""
    n = len(wanted)
    return i + n <= len(have) and tuple(have[i : i + n - 1]) == wanted[:-1] and have[i + n - 1].startswith(wanted[-1])


@lru_cache(maxsize=4096)
def _word_keys(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Word positions and word keys (a suffix written apart counts as a word)."""
    from .mongolian import NNBSP, WORD

    spaced = text.replace(NNBSP, " ")
    positions = [(m.start(), m.end()) for m in WORD.finditer(spaced)]
    keys = [latin_key(spaced[a:b]) for a, b in positions]
    return positions, keys


@lru_cache(maxsize=8192)
def _term_keys(term: str) -> tuple[str, ...]:
    return tuple(latin_key(w) for w in words(term))
