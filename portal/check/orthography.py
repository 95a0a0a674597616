"""Spellings of content/mn-orthography.yaml, found line by line in every published Mongolian
text, with the form to write instead."""

from __future__ import annotations

from ..errors import ContentError
from ..model.orthography import MongolianLine, Spelling


def orthography_findings(spellings: tuple[Spelling, ...], lines: tuple[MongolianLine, ...]) -> list[ContentError]:
    found = []
    for line in lines:
        for spelling in spellings:
            if spelling.wrong in line.text and spelling.pattern.search(line.text):
                why = spelling.note.split(";")[0]
                where = f"{spelling.path.name}:{spelling.line}" if spelling.path else "the orthography list"
                message = f"write {spelling.right} for {spelling.wrong} ({why}; {where})"
                found.append(ContentError(line.path, line.line, message, code="orthography"))
    return found
