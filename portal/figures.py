"""Key figures: the plan's quantified results and targets, read from content/figures.yaml.

Every value names the paragraphs it comes from, and the loader refuses a value whose numbers
do not all appear in the Chinese text of one of those paragraphs: the figures pages can only
repeat the plan, never add to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .numerals import NUMBER

KINDS = ("result", "target")
QUALIFIERS = ("at-least", "at-most", "about")
#: How a qualifier is shown next to a value, in both languages (≥ 97%, ≤ 3.5%, ≈ 1126).
QUALIFIER_SIGNS = {"at-least": "≥", "at-most": "≤", "about": "≈"}
RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*[—–-]\s*(\d+(?:\.\d+)?)$")
SHARES = re.compile(r"^\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)+$")


@dataclass(frozen=True)
class Value:
    period: str  # "2020", "2016–2020"
    kind: str  # result | target
    written: str  # the value as written in figures.yaml: "5.4", "3—5", "8.5:44.5:47"
    text_zh: str = ""  # a target the plan states in words, instead of a number
    text_mn: str = ""
    qualifier: str = ""
    line: int = 0

    @property
    def numbers(self) -> tuple[Decimal, ...]:
        """Every number in the value: one, the two ends of a range, or each share."""
        return tuple(Decimal(n) for n in NUMBER.findall(self.written))

    @property
    def is_range(self) -> bool:
        return bool(RANGE.match(self.written))

    @property
    def is_shares(self) -> bool:
        return bool(SHARES.match(self.written))

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
    zh: str
    mn: str

    def name(self, lang: str) -> str:
        return self.mn if lang == "mn" else self.zh


@dataclass(frozen=True)
class Indicator:
    id: str
    category: str
    zh: str
    mn: str
    unit: str  # the Chinese unit as the plan writes it ("%", "万亩"); "" for a target in words
    sources: tuple[str, ...]  # paragraph ids
    values: tuple[Value, ...]
    parts: tuple[Part, ...] = ()  # names of the shares of a "8.5:44.5:47" value
    status: str = "draft"  # of the Mongolian name
    line: int = 0

    def name(self, lang: str) -> str:
        return self.mn if lang == "mn" else self.zh

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def numeric(self) -> tuple[Value, ...]:
        return tuple(v for v in self.values if v.numbers)


@dataclass(frozen=True)
class Category:
    id: str
    zh: str
    mn: str

    def name(self, lang: str) -> str:
        return self.mn if lang == "mn" else self.zh


@dataclass(frozen=True)
class Figures:
    categories: tuple[Category, ...] = ()
    units: dict | None = None  # Chinese unit → Mongolian unit
    indicators: tuple[Indicator, ...] = ()

    def unit(self, indicator: Indicator, lang: str) -> str:
        if lang == "mn" and indicator.unit:
            return (self.units or {}).get(indicator.unit, indicator.unit)
        return indicator.unit

    def grouped(self) -> list[tuple[Category, list[Indicator]]]:
        """Indicators by category, in the file's order of categories and of indicators."""
        return [(c, [i for i in self.indicators if i.category == c.id]) for c in self.categories]


def appears_in(value: Value, text: str) -> bool:
    """Does every number of `value` (or its words) occur in `text`?"""
    if value.text_zh:
        return value.text_zh in text
    have = [Decimal(n) for n in NUMBER.findall(text)]
    return bool(value.numbers) and all(n in have for n in value.numbers)
