"""Key figures: the plan's quantified results and targets, read from content/figures.yaml.

Every value names the paragraphs it comes from, and the reader refuses a value whose numbers
do not all appear in the Chinese text of one of those paragraphs: the figures pages can only
repeat the plan, never add to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .languages import localized

KINDS = ("result", "target")
QUALIFIERS = ("at-least", "at-most", "about")
#: How a qualifier is shown next to a value, in both languages (≥ 97%, ≤ 3.5%, ≈ 1126).
QUALIFIER_SIGNS = {"at-least": "≥", "at-most": "≤", "about": "≈"}
#: What a value is: one number, a range (3—5), shares of 100 % (8.5:44.5:47), or words.
FORMS = ("number", "range", "shares", "text")


@dataclass(frozen=True)
class Value:
    period: str  # "2020", "2016–2020"
    kind: str  # result | target
    written: str  # the value as written in figures.yaml: "5.4", "3—5", "8.5:44.5:47"; "" for words
    form: str = "number"
    #: Every number in the value: one, the two ends of a range, or each share.
    numbers: tuple[Decimal, ...] = ()
    text: dict[str, str] = field(default_factory=dict)  # a target the plan states in words, per language
    qualifier: str = ""
    line: int = 0

    @property
    def is_range(self) -> bool:
        return self.form == "range"

    @property
    def is_shares(self) -> bool:
        return self.form == "shares"

    @property
    def in_words(self) -> bool:
        return self.form == "text"

    def text_in(self, lang: str) -> str:
        return localized(self.text, lang)

    @property
    def top(self) -> float:
        """The number a bar is drawn to: the value, the upper end of a range."""
        return float(max(self.numbers)) if self.numbers else 0.0

    def shown(self) -> str:
        """The value as a reader sees it: "≥ 97", "3–5", "8.5 : 44.5 : 47"."""
        text = self.written.replace("—", "–").replace(":", " : ")
        return f"{QUALIFIER_SIGNS[self.qualifier]} {text}" if self.qualifier else text


@dataclass(frozen=True)
class Part:
    names: dict[str, str]

    def name(self, lang: str) -> str:
        return localized(self.names, lang)


@dataclass(frozen=True)
class Indicator:
    id: str
    category: str
    names: dict[str, str]
    unit: str  # the Chinese unit as the plan writes it ("%", "万亩"); "" for a target in words
    sources: tuple[str, ...]  # paragraph ids
    values: tuple[Value, ...]
    parts: tuple[Part, ...] = ()  # names of the shares of a "8.5:44.5:47" value
    status: str = "draft"  # of the Mongolian name
    line: int = 0
    better: str = "higher"  # which way is progress: "lower" for travel times

    def name(self, lang: str) -> str:
        return localized(self.names, lang)

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def numeric(self) -> tuple[Value, ...]:
        return tuple(v for v in self.values if v.numbers)


@dataclass(frozen=True)
class Category:
    id: str
    names: dict[str, str]

    def name(self, lang: str) -> str:
        return localized(self.names, lang)


@dataclass(frozen=True)
class Figures:
    categories: tuple[Category, ...] = ()
    units: dict[str, dict[str, str]] = field(default_factory=dict)  # Chinese unit → its form per language
    indicators: tuple[Indicator, ...] = ()
    path: Path | None = None  # content/figures.yaml, for messages

    def unit(self, indicator: Indicator, lang: str) -> str:
        if indicator.unit:
            return self.units.get(indicator.unit, {}).get(lang, indicator.unit)
        return indicator.unit

    def grouped(self) -> list[tuple[Category, list[Indicator]]]:
        """Indicators by category, in the file's order of categories and of indicators."""
        return [(c, [i for i in self.indicators if i.category == c.id]) for c in self.categories]
