"""The Mongolian orthography list (content/mn-orthography.yaml): spellings that are not the
standard Inner Mongolian written form, each with the form to write instead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

_LETTER = "\u1820-\u1878\u180a-\u180f"  # letters, the nirugu and the variation selectors


@dataclass(frozen=True)
class Spelling:
    wrong: str
    right: str
    match: str  # "word": the whole word; "prefix": the start of a word (a stem with any ending)
    note: str
    source: str  # where the right form was confirmed, or "own rendering"
    path: Path | None = None
    line: int = 0

    @cached_property
    def pattern(self) -> re.Pattern:
        """Where `wrong` stands in a text: never inside a longer word, and for a prefix only at
        a word's start."""
        after = f"(?![{_LETTER}])" if self.match == "word" else f"(?=[{_LETTER}]*(?![{_LETTER}]))"
        return re.compile(f"(?<![{_LETTER}]){re.escape(self.wrong)}{after}")


@dataclass(frozen=True)
class MongolianLine:
    """One line of a file that holds Mongolian text, for checks that report file:line."""

    path: Path
    line: int
    text: str
