"""`portal check`: content errors and translation QA, as `file:line: [id] message` lines.

It runs the same loader as the site, so content that passes the check also builds. On top
of that it proves what a reader cannot see: that every Mongolian paragraph is written in
valid Unicode Mongolian, carries every number of its Chinese source, and is not stale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import translation
from .errors import ContentError, ContentErrors
from .loader import load_plans
from .model import Chapter, Paragraph, Plan
from .mongolian import MVS, NNBSP

#: Latin letters a Mongolian paragraph may contain: acronyms the Chinese text uses as they are.
ACRONYMS = frozenset({"5G", "IPV6", "GEP", "SEE", "GAP", "SOP", "G7", "A"})
NUMBER = re.compile(r"\d+(?:\.\d+)?")
LATIN_WORD = re.compile(r"[0-9]*[A-Za-z][A-Za-z0-9]*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: U+180E separates only a final a or e; U+202F only joins a word to its suffix.
BAD_MVS = re.compile(f"{MVS}(?![\u1820\u1821])")
#: A space before ᠂ ᠃ ᠄ is a break opportunity, so the mark could start a column (mlreq forbids it).
SPACE_BEFORE_MARK = re.compile(r"\s[\u1802\u1803\u1804]")
BAD_NNBSP = re.compile(f"(?<![\u1820-\u1878\u180b-\u180f]){NNBSP}|{NNBSP}(?![\u1820-\u1878])")


@dataclass(frozen=True)
class Report:
    findings: list[ContentError]  # each one fails the check
    notes: list[ContentError]  # reported, not failing (untranslated text when allowed)


def _numbers(text: str) -> list[str]:
    return NUMBER.findall(text)


def paragraph_findings(paragraph: Paragraph, source: Paragraph, path: Path | None) -> list[ContentError]:
    """Script and number checks of one translated paragraph against its Chinese source."""
    found = []

    def finding(message: str) -> None:
        found.append(ContentError(path or "content", paragraph.line, message, paragraph.id))

    text = paragraph.text
    if paragraph.status == "stale":
        finding("stale: the Chinese text changed after this translation was made; update it, then run 'portal translation stamp'")
    for pattern, name in ((CYRILLIC, "Cyrillic"), (HAN, "Chinese")):
        match = pattern.search(text)
        if match:
            finding(f"{name} character {match.group()!r} in Mongolian text")
    for word in LATIN_WORD.findall(text):
        if word not in ACRONYMS:
            finding(f"Latin letters {word!r} in Mongolian text (allowed acronyms: {', '.join(sorted(ACRONYMS))})")
    if BAD_MVS.search(text):
        finding("U+180E (vowel separator) must be followed by ᠠ or ᠡ")
    if SPACE_BEFORE_MARK.search(text):
        finding("space before a Mongolian punctuation mark: the mark could start a column; remove the space")
    if BAD_NNBSP.search(text):
        finding("U+202F (suffix space) must stand between a word and its suffix")
    mongolian_numbers = _numbers(text)
    for number in _numbers(source.text):
        if number in mongolian_numbers:
            mongolian_numbers.remove(number)
        else:
            finding(f"number {number} of the Chinese text is missing from the translation")
    return found


def chapter_findings(chapter: Chapter, source: Chapter) -> tuple[list[ContentError], list[ContentError]]:
    """(findings, missing-translation findings) of one translated chapter."""
    path = chapter.path or Path("content")
    findings, missing = [], []
    sources = {p.id: p for p in source.paragraphs}
    untranslated = [p.id for p in chapter.paragraphs if p.status == "missing"]
    titles = [s.id for s in chapter.titled_sections if s.title_lang == translation.SOURCE_LANG]
    if chapter.title_lang == translation.SOURCE_LANG:
        missing.append(ContentError(path, None, f"chapter {chapter.number} has no translation file"))
    elif titles:
        missing.append(ContentError(path, None, f"untranslated section titles: {', '.join(titles)}"))
    if untranslated:
        total = len(chapter.paragraphs)
        shown = ", ".join(untranslated[:6]) + (", …" if len(untranslated) > 6 else "")
        missing.append(ContentError(path, None, f"coverage {total - len(untranslated)}/{total}: not translated: {shown}"))
    for paragraph in chapter.paragraphs:
        if paragraph.status != "missing":
            findings.extend(paragraph_findings(paragraph, sources[paragraph.id], chapter.path))
    return findings, missing


def check_content(content_dir: Path, languages: tuple[str, ...] | None = None, chapter: int | None = None, allow_missing: bool = False) -> Report:
    try:
        plans = load_plans(content_dir)
    except ContentErrors as exc:
        errors = exc.errors
        if chapter is not None:
            errors = [e for e in errors if e.path.suffix != ".md" or e.path.stem.split("-")[0] == f"{chapter:02d}"]
        return Report(errors, [])
    source: Plan = plans[translation.SOURCE_LANG]
    findings, notes = [], []
    for lang, plan in plans.items():
        if lang == source.lang or (languages and lang not in languages):
            continue
        for translated in plan.chapters:
            if chapter is not None and translated.number != chapter:
                continue
            found, missing = chapter_findings(translated, source.chapter(translated.number))
            findings.extend(found)
            (notes if allow_missing else findings).extend(missing)
    return Report(findings, notes)
