"""The term base and the index of places: bilingual entries read from `content/glossary.yaml`
and `content/places.yaml`.

Occurrences are never listed by hand: `portal.text.terms` finds them in the text. An entry
holds what staff wrote, nothing computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .languages import localized


@dataclass(frozen=True, eq=False)  # an entry is itself: compared and hashed by identity
class Entry:
    id: str
    zh: tuple[str, ...]  # the plan's own form first, then exact equivalents: each requires `mn` in a translation
    mn: str  # the approved Mongolian (traditional script)
    definition: dict[str, str]  # plain-language definition per language
    status: str  # draft until a certified translator has reviewed it
    kind: str  # category of a term, or kind of place (town, sumu, port, …)
    source: str = ""  # where the Mongolian form was confirmed
    line: int = 0
    #: Broader, narrower or merely related words that people type when they look for this term.
    #: They lead to the entry (glossary filter, open data) but are not the term itself, so they
    #: never require its Mongolian in a translation and are never marked in the text.
    related: tuple[str, ...] = ()
    path: Path | None = None  # the file it is written in, for messages

    def name(self, lang: str) -> str:
        """The entry's term in a language: the Mongolian, or the plan's Chinese form."""
        return self.mn if lang == "mn" else self.zh[0]

    def definition_in(self, lang: str) -> str:
        return localized(self.definition, lang)

    @property
    def mongolian_key(self) -> tuple[int, ...]:
        """Mongolian alphabetical order: the letters' code points follow the traditional order."""
        return tuple(ord(ch) for ch in self.mn if "\u1820" <= ch <= "\u1842")


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Entry, ...] = ()
    places: tuple[Entry, ...] = ()
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((entry.id, entry) for entry in self.entries)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self.terms + self.places

    def entry(self, ident: str) -> Entry | None:
        return self._by_id.get(ident)

    def of_kind(self, kind: str) -> tuple[Entry, ...]:
        """The entries of a listing: 'glossary' (terms) or 'places'."""
        return self.places if kind == "places" else self.terms

    def synonym_groups(self) -> tuple[tuple[str, ...], ...]:
        """Every term's forms as one group, for search."""
        return tuple(entry.zh for entry in self.terms if len(entry.zh) > 1)
