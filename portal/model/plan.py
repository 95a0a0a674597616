"""The plan as data: Plan → Chapter → Section → Paragraph, one object tree per language.

Only `portal.readers` builds these objects; pages, open data, search and checks read them and
never look at the Markdown files again. Paragraph ids are first-class and shared by every language:
they are the permalinks, the alignment key of translations and the keys of open data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .languages import SOURCE_LANG

#: c<chapter>s<section>p<paragraph>, assigned once at first import and never renumbered.
PARAGRAPH_ID = re.compile(r"^c(\d+)s(\d+)p(\d+)$")
SECTION_ID = re.compile(r"^c(\d+)s(\d+)$")


def section_id(chapter: int, section: int) -> str:
    return f"c{chapter}s{section}"


@dataclass(frozen=True)
class Paragraph:
    id: str
    markdown: str  # as written in the content file, lead phrase marked with **…**
    html: str  # inline HTML rendered by Python-Markdown, no <p> wrapper
    text: str  # plain text: what search, export and checks read
    lead: str | None = None  # the run-in heading that opens the paragraph, if any
    line: int = 0  # where the paragraph starts in its file, for error messages
    lang: str = SOURCE_LANG  # language of `text`: a missing translation shows the Chinese
    #: Translations only: draft, reviewed, stale (the Chinese changed since) or missing.
    status: str | None = None
    #: Translations only: fingerprint of the Chinese text the translation was made from.
    translated_from: str | None = None

    @property
    def is_item(self) -> bool:
        """A `——` item of an enumeration, kept as the source prints it."""
        return self.text.startswith("——")


@dataclass(frozen=True)
class Section:
    chapter: int
    number: int  # 0 holds a chapter's introduction before its first heading
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    title_lang: str = SOURCE_LANG  # an untranslated section title shows the Chinese

    @property
    def id(self) -> str:
        return section_id(self.chapter, self.number)


@dataclass(frozen=True)
class Chapter:
    number: int  # 0 is the title block and preface
    title: str
    sections: tuple[Section, ...]
    path: Path | None = None
    title_lang: str = SOURCE_LANG

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for s in self.sections for p in s.paragraphs)

    @property
    def titled_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.number > 0)


@dataclass(frozen=True)
class Plan:
    lang: str
    edition: str
    title: str
    chapters: tuple[Chapter, ...]
    title_lang: str = SOURCE_LANG
    _by_id: dict[str, tuple[Chapter, Section, Paragraph]] = field(default_factory=dict, repr=False, compare=False)
    _by_number: dict[int, Chapter] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for chapter in self.chapters:
            self._by_number.setdefault(chapter.number, chapter)
            for section in chapter.sections:
                for paragraph in section.paragraphs:
                    self._by_id[paragraph.id] = (chapter, section, paragraph)

    def chapter(self, number: int) -> Chapter | None:
        return self._by_number.get(number)

    @cached_property
    def outline(self) -> tuple[tuple[int, str, str], ...]:
        """Each chapter's number, title and title's language: what the pager and the
        comparison titles show of the other chapters."""
        return tuple((c.number, c.title, c.title_lang) for c in self.chapters)

    def locate(self, paragraph_id: str) -> tuple[Chapter, Section, Paragraph] | None:
        return self._by_id.get(paragraph_id)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for c in self.chapters for p in c.paragraphs)

    def neighbours(self, chapter: Chapter) -> tuple[Chapter | None, Chapter | None]:
        index = self.chapters.index(chapter)
        previous = self.chapters[index - 1] if index > 0 else None
        following = self.chapters[index + 1] if index + 1 < len(self.chapters) else None
        return previous, following
