"""Translated chapters against their Chinese source: stale paragraphs, script, numbers, the
approved glossary terms, and what is not yet translated."""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError
from ..model.languages import SOURCE_LANG
from ..model.plan import Chapter, Paragraph
from ..text.numerals import NUMBER
from ..text.terms import TermIndex, mongolian_term_in
from .script import script_findings


def paragraph_findings(paragraph: Paragraph, source: Paragraph, path: Path | None) -> list[ContentError]:
    """Script and number checks of one translated paragraph against its Chinese source."""
    found = []

    def finding(message: str, code: str) -> None:
        found.append(ContentError(path or "content", paragraph.line, message, paragraph.id, code))

    text = paragraph.text
    if paragraph.status == "stale":
        message = (
            "the Chinese text changed after this translation was made; update it, then run 'portal translation stamp'"
        )
        finding(message, "stale")
    for message in script_findings(text):
        finding(message, "script")
    mongolian_numbers = NUMBER.findall(text)
    for number in NUMBER.findall(source.text):
        if number in mongolian_numbers:
            mongolian_numbers.remove(number)
        else:
            finding(f"number {number} of the Chinese text is missing from the translation", "number")
    return found


def term_findings(paragraph: Paragraph, source: Paragraph, terms: TermIndex, path: Path | None) -> list[ContentError]:
    """A Chinese term in the source requires its approved Mongolian term in the translation."""
    found = []
    for entry in dict.fromkeys(entry for _, _, entry in terms.scan(source.text)):
        if not mongolian_term_in(entry.mn, paragraph.text):
            message = (
                f"the Chinese uses {entry.zh[0]!r}; the translation must use the approved term {entry.mn!r} "
                f"(glossary: {entry.id})"
            )
            found.append(ContentError(path or "content", paragraph.line, message, paragraph.id, "term"))
    return found


def _expected_path(source: Chapter, lang: str) -> Path:
    """Where a translation that has no file yet belongs: beside the Chinese file, in its language."""
    if source.path is None:
        return Path("content")
    return source.path.parent.parent / lang / source.path.name


def _missing(chapter: Chapter, path: Path) -> list[ContentError]:
    missing = []
    untranslated = [p.id for p in chapter.paragraphs if p.status == "missing"]
    titles = [s.id for s in chapter.titled_sections if s.title_lang == SOURCE_LANG]
    if chapter.title_lang == SOURCE_LANG:
        missing.append(
            ContentError(path, None, f"chapter {chapter.number} has no translation file yet", code="untranslated")
        )
    elif titles:
        missing.append(
            ContentError(path, None, f"untranslated section titles: {', '.join(titles)}", code="untranslated")
        )
    if untranslated:
        total = len(chapter.paragraphs)
        shown = ", ".join(untranslated[:6]) + (", …" if len(untranslated) > 6 else "")
        message = f"coverage {total - len(untranslated)}/{total}: not translated: {shown}"
        missing.append(ContentError(path, None, message, code="untranslated"))
    return missing


def chapter_findings(
    chapter: Chapter, source: Chapter, terms: TermIndex | None = None, *, lang: str
) -> tuple[list[ContentError], list[ContentError]]:
    """(findings, missing-translation findings) of one translated chapter, in `lang`."""
    path = chapter.path or _expected_path(source, lang)
    findings = []
    sources = {p.id: p for p in source.paragraphs}
    for paragraph in chapter.paragraphs:
        if paragraph.status != "missing":
            findings.extend(paragraph_findings(paragraph, sources[paragraph.id], chapter.path))
            if terms is not None:
                findings.extend(term_findings(paragraph, sources[paragraph.id], terms, chapter.path))
    return findings, _missing(chapter, path)
