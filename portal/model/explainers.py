"""Explainers (解读): short plain-language notes on what a part of the plan means for a herder,
a student, a business or any resident, each tied to the paragraphs it explains. Staff write
them in content/explainers/<lang>/<chapter>.md; the Mongolian ones are drafts until a certified
translator reviews them. They explain the plan and are never part of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

AUDIENCES = ("herder", "student", "business", "resident")


@dataclass(frozen=True)
class Explainer:
    id: str  # the same in every language: "x6-1"
    lang: str
    chapter: int
    title: str
    audience: str
    paragraphs: tuple[str, ...]  # the paragraph ids it explains, in the plan's order
    html: str  # the note, rendered by the safe Markdown
    text: str  # the same as plain text
    status: str = ""  # a translation's: draft | reviewed
    path: Path | None = None
    line: int = 0


@dataclass(frozen=True)
class Explainers:
    by_lang: dict  # lang → explainers in file and chapter order

    def of(self, lang: str) -> tuple[Explainer, ...]:
        return self.by_lang.get(lang, ())

    def of_chapter(self, lang: str, number: int) -> tuple[Explainer, ...]:
        return tuple(e for e in self.of(lang) if e.chapter == number)

    def after(self, lang: str, number: int) -> dict[str, tuple[Explainer, ...]]:
        """Paragraph id → the notes shown after it: each note follows the last paragraph it
        explains, so that it is read after what it explains."""
        placed: dict[str, list[Explainer]] = {}
        for note in self.of_chapter(lang, number):
            placed.setdefault(note.paragraphs[-1], []).append(note)
        return {pid: tuple(notes) for pid, notes in placed.items()}
