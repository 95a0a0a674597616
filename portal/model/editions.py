"""Editions of the plan and what changed between them.

The current text lives in content/zh and content/mn; its edition is the `edition:` of the
chapter files. `portal edition freeze NAME --date D` copies that text into
content/editions/NAME/ (plain Markdown, the same layout, so `git diff` between two edition
folders reads like a change list) beside an edition.yaml with the date and a title.

Paragraphs are compared by id, the id being the paragraph's identity across editions: an id
in the newer edition only is an added paragraph, in the older only a removed one, in both with
different text a changed one. Ids are never reused, so this is exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .languages import localized
from .plan import Paragraph, Plan

EDITION_NAME = re.compile(r"^\d{4}[a-z0-9.-]*$")
EDITION_DATE = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")


@dataclass(frozen=True)
class Edition:
    name: str  # "2022", "2023-demo": the folder name and the address
    date: str  # "2022" (the plan gives only the year) or "2023-06-30"
    titles: dict[str, str]  # per language
    notes: dict[str, str] = field(default_factory=dict)  # what the edition changes, per language
    demonstration: bool = False  # made up to show how changes are displayed; not the plan
    based_on: str = ""  # the edition it was made from; compared with, and its id history followed
    path: Path | None = None  # content/editions/<name>; None for the current text not yet frozen
    plans: dict[str, Plan] = field(default_factory=dict, compare=False, repr=False)
    line: int = 0

    def title(self, lang: str) -> str:
        return localized(self.titles, lang)

    def note(self, lang: str) -> str:
        return self.notes.get(lang, "")


@dataclass(frozen=True)
class Change:
    kind: str  # added | removed | changed
    chapter: int
    id: str
    old: Paragraph | None
    new: Paragraph | None


@dataclass(frozen=True)
class Editions:
    """Every edition, oldest first; `current` is the one content/ holds."""

    all: tuple[Edition, ...] = ()
    current: str = ""
    #: Chapter files of content/ (lang/NN.md) that differ from the recorded copy of the
    #: current edition: changes not yet published as an edition.
    unpublished: tuple[str, ...] = ()

    def get(self, name: str) -> Edition | None:
        return next((e for e in self.all if e.name == name), None)

    def predecessor(self, name: str) -> Edition | None:
        """The edition this one was made from; for an edition that does not say, the latest
        earlier edition that is not a demonstration (a demonstration is a side branch)."""
        item = self.get(name)
        if item is None:
            return None
        if item.based_on:
            return self.get(item.based_on)
        earlier = [e for e in self.all[: self.all.index(item)] if not e.demonstration]
        return earlier[-1] if earlier else None

    def lineage(self, name: str) -> list[Edition]:
        """This edition and those it was made from, oldest first."""
        chain, item = [], self.get(name)
        while item is not None and item not in chain:
            chain.insert(0, item)
            item = self.predecessor(item.name)
        return chain

    def pairs(self) -> list[tuple[Edition, Edition]]:
        """Every (older, newer) pair, for the comparison pages."""
        return [(a, b) for i, a in enumerate(self.all) for b in self.all[i + 1 :]]

    def others(self) -> tuple[Edition, ...]:
        """Editions other than the current one: they get pages of their own."""
        return tuple(e for e in self.all if e.name != self.current)


def compare(old: Plan, new: Plan) -> list[Change]:
    """Paragraph changes from `old` to `new`, in reading order (a removed paragraph where it was)."""
    new_ids = {p.id for p in new.paragraphs}
    old_ids = {p.id for p in old.paragraphs}
    changes: list[Change] = []
    for chapter in sorted({c.number for c in old.chapters} | {c.number for c in new.chapters}):
        before, after = old.chapter(chapter), new.chapter(chapter)
        old_list = list(before.paragraphs) if before else []
        new_list = list(after.paragraphs) if after else []
        removed_after: dict[str | None, list[Paragraph]] = {}
        anchor = None
        for paragraph in old_list:
            if paragraph.id not in new_ids:
                removed_after.setdefault(anchor, []).append(paragraph)
            else:
                anchor = paragraph.id
        changes += [Change("removed", chapter, p.id, p, None) for p in removed_after.get(None, [])]
        for paragraph in new_list:
            if paragraph.id not in old_ids:
                changes.append(Change("added", chapter, paragraph.id, None, paragraph))
            else:
                previous = old.locate(paragraph.id)[2]
                if previous.text != paragraph.text:
                    changes.append(Change("changed", chapter, paragraph.id, previous, paragraph))
            changes += [Change("removed", chapter, p.id, p, None) for p in removed_after.get(paragraph.id, [])]
    return changes


def reused_ids(sequence: list[tuple[str, Plan]]) -> list[tuple[str, str, str]]:
    """(id, edition that dropped it, edition that brought it back) for every reused id."""
    found, gone = [], {}
    seen: set[str] = set()
    for name, plan in sequence:
        ids = {p.id for p in plan.paragraphs}
        for ident in ids & set(gone):
            found.append((ident, gone.pop(ident), name))
        for ident in seen - ids:
            gone.setdefault(ident, name)
        seen |= ids
    return found
