"""Where glossary entries occur in the text: in Chinese by their forms, in Mongolian by their
approved term, allowing a suffix on its last word.

A Chinese match that lies inside a longer match is dropped: 阿拉善左旗 counts for the banner
and not also for 阿拉善. Matches that merely overlap both count (土壤环境 and 环境监测 in
土壤环境监测网络). Mongolian words are compared by their loose Latin keys, so U+202F or a
plain space before a suffix, and look-alike spellings, do not matter.

A `TermIndex` is built for one version of the glossary and remembers what it found per text:
entry pages, term marking, definition files and the check all look in the same paragraphs.
Whoever owns the glossary owns its index, so the memory goes with the content it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property, lru_cache

from ..model.glossary import Entry
from ..model.plan import Plan
from .mongolian import NNBSP, WORD, latin_key, words

Match = tuple[int, int, Entry]  # start, end, entry


class TermIndex:
    def __init__(self, entries: Iterable[Entry]):
        self.entries = tuple(entries)
        self._found: dict[tuple[str, str], list[Match]] = {}

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

    def scan(self, text: str) -> list[Match]:
        """Matches of any entry's Chinese form in `text`, none inside a longer one."""
        if ("zh", text) in self._found:
            return self._found["zh", text]
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
        self._found["zh", text] = kept
        return kept

    def occurrences(self, plan: Plan) -> dict[str, list[str]]:
        """Entry id → ids of the paragraphs of `plan` that use it, in the plan's order."""
        result: dict[str, list[str]] = {entry.id: [] for entry in self.entries}
        for paragraph in plan.paragraphs:
            for ident in dict.fromkeys(entry.id for _, _, entry in self.scan(paragraph.text)):
                result[ident].append(paragraph.id)
        return result

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

    def mongolian_matches(self, text: str) -> list[Match]:
        """The first use in `text` of each entry's Mongolian term (as `mongolian_term_in`
        decides: a suffix allowed on the last word), by start. One pass over the words."""
        if ("mn", text) in self._found:
            return self._found["mn", text]
        single, multi = self._mongolian_index
        positions, have = _word_keys(text)
        found: dict[str, Match] = {}
        for i, key in enumerate(have):
            for length in range(1, len(key) + 1):  # a one-word term may be followed by a suffix
                for entry in single.get(key[:length], ()):
                    found.setdefault(entry.id, (positions[i][0], positions[i][1], entry))
            for keys, entry in multi.get(key, ()):
                if entry.id not in found and _uses_at(have, i, keys):
                    found[entry.id] = (positions[i][0], positions[i + len(keys) - 1][1], entry)
        self._found["mn", text] = sorted(found.values(), key=lambda m: m[0])
        return self._found["mn", text]

    def matches(self, text: str, lang: str) -> list[Match]:
        """Chinese forms in Chinese text, Mongolian terms in Mongolian text."""
        return self.mongolian_matches(text) if lang == "mn" else self.scan(text)


def mongolian_term_in(term: str, text: str) -> bool:
    """Does `text` use the Mongolian term, allowing a suffix on its last word?"""
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
    spaced = text.replace(NNBSP, " ")
    positions = [(m.start(), m.end()) for m in WORD.finditer(spaced)]
    keys = [latin_key(spaced[a:b]) for a, b in positions]
    return positions, keys


@lru_cache(maxsize=8192)
def _term_keys(term: str) -> tuple[str, ...]:
    return tuple(latin_key(w) for w in words(term))
