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
from .editions import Editions
from .errors import ContentError, ContentErrors
from .figures import Figures
from .glossary import Glossary, mongolian_term_in
from .model import Chapter, Paragraph, Plan
from .mongolian import MVS, NNBSP
from .numerals import NUMBER
from .updates import Notices

#: Latin letters a Mongolian paragraph may contain: acronyms the Chinese text uses as they are.
ACRONYMS = frozenset({"5G", "IPV6", "GEP", "SEE", "GAP", "SOP", "G7", "A"})
LATIN_WORD = re.compile(r"[0-9]*[A-Za-z][A-Za-z0-9]*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: U+180E separates only a final a or e; U+202F only joins a word, a number or a closing
#: quotation mark to the suffix that follows it.
BAD_MVS = re.compile(f"{MVS}(?![\u1820\u1821])")
#: A space before ᠂ ᠃ ᠄ is a break opportunity, so the mark could start a column (mlreq forbids it).
SPACE_BEFORE_MARK = re.compile(r"\s[\u1802\u1803\u1804]")
BAD_NNBSP = re.compile(f"(?<![\u1820-\u1878\u180b-\u180f0-9%)\ufe3e\u300b\u201d]){NNBSP}|{NNBSP}(?![\u1820-\u1878])")


@dataclass(frozen=True)
class Report:
    findings: list[ContentError]  # each one fails the check
    notes: list[ContentError]  # warnings: reported, failing only with --strict


def _numbers(text: str) -> list[str]:
    return NUMBER.findall(text)


def paragraph_findings(paragraph: Paragraph, source: Paragraph, path: Path | None) -> list[ContentError]:
    """Script and number checks of one translated paragraph against its Chinese source."""
    found = []

    def finding(message: str, code: str) -> None:
        found.append(ContentError(path or "content", paragraph.line, message, paragraph.id, code))

    text = paragraph.text
    if paragraph.status == "stale":
        finding(
            "the Chinese text changed after this translation was made; update it, then run 'portal translation stamp'",
            "stale",
        )
    for message in script_findings(text):
        finding(message, "script")
    mongolian_numbers = _numbers(text)
    for number in _numbers(source.text):
        if number in mongolian_numbers:
            mongolian_numbers.remove(number)
        else:
            finding(f"number {number} of the Chinese text is missing from the translation", "number")
    return found


def script_findings(text: str) -> list[str]:
    """What is wrong with the script of a Mongolian text, as plain messages."""
    found = []
    for pattern, name in ((CYRILLIC, "Cyrillic"), (HAN, "Chinese")):
        match = pattern.search(text)
        if match:
            found.append(f"{name} character {match.group()!r} in Mongolian text")
    for word in LATIN_WORD.findall(text):
        if word not in ACRONYMS:
            found.append(f"Latin letters {word!r} in Mongolian text (allowed acronyms: {', '.join(sorted(ACRONYMS))})")
    if BAD_MVS.search(text):
        found.append("U+180E (vowel separator) must be followed by ᠠ or ᠡ")
    if SPACE_BEFORE_MARK.search(text):
        found.append("space before a Mongolian punctuation mark: the mark could start a column; remove the space")
    if BAD_NNBSP.search(text):
        found.append("U+202F (suffix space) must stand between a word and its suffix")
    return found


def glossary_findings(glossary: Glossary, source: Plan, content_dir: Path) -> list[ContentError]:
    """Every entry is used by the plan, and its Mongolian is valid script."""
    found = []
    occurrences = glossary.occurrences(source)
    for entry in glossary.entries:
        path = Path(content_dir) / ("places.yaml" if entry in glossary.places else "glossary.yaml")
        if not occurrences[entry.id]:
            found.append(
                ContentError(
                    path, entry.line, f"no form of this entry ({', '.join(entry.zh)}) occurs in the plan", entry.id
                )
            )
        for field in ("mn", "definition_mn"):
            found += [
                ContentError(path, entry.line, f"{field}: {message}", entry.id, "script")
                for message in script_findings(getattr(entry, field))
            ]
    return found


def term_findings(paragraph: Paragraph, source: Paragraph, glossary: Glossary, path: Path | None) -> list[ContentError]:
    """A Chinese term in the source requires its approved Mongolian term in the translation."""
    found = []
    for entry in dict.fromkeys(entry for _, _, entry in glossary.scan(source.text)):
        if not mongolian_term_in(entry.mn, paragraph.text):
            found.append(
                ContentError(
                    path or "content",
                    paragraph.line,
                    f"the Chinese uses {entry.zh[0]!r}; the translation must use the approved term {entry.mn!r} (glossary: {entry.id})",
                    paragraph.id,
                    "term",
                )
            )
    return found


def chapter_findings(
    chapter: Chapter, source: Chapter, glossary: Glossary | None = None
) -> tuple[list[ContentError], list[ContentError]]:
    """(findings, missing-translation findings) of one translated chapter."""
    path = chapter.path or Path("content")
    findings, missing = [], []
    sources = {p.id: p for p in source.paragraphs}
    untranslated = [p.id for p in chapter.paragraphs if p.status == "missing"]
    titles = [s.id for s in chapter.titled_sections if s.title_lang == translation.SOURCE_LANG]
    if chapter.title_lang == translation.SOURCE_LANG:
        missing.append(
            ContentError(path, None, f"chapter {chapter.number} has no translation file", code="untranslated")
        )
    elif titles:
        missing.append(
            ContentError(path, None, f"untranslated section titles: {', '.join(titles)}", code="untranslated")
        )
    if untranslated:
        total = len(chapter.paragraphs)
        shown = ", ".join(untranslated[:6]) + (", …" if len(untranslated) > 6 else "")
        missing.append(
            ContentError(
                path,
                None,
                f"coverage {total - len(untranslated)}/{total}: not translated: {shown}",
                code="untranslated",
            )
        )
    for paragraph in chapter.paragraphs:
        if paragraph.status != "missing":
            findings.extend(paragraph_findings(paragraph, sources[paragraph.id], chapter.path))
            if glossary is not None:
                findings.extend(term_findings(paragraph, sources[paragraph.id], glossary, chapter.path))
    return findings, missing


def figures_findings(figures: Figures, content_dir: Path) -> list[ContentError]:
    """The Mongolian names of the key figures are valid script. (The loader has already proved
    that every value appears in its source paragraph.)"""
    path = Path(content_dir) / "figures.yaml"
    texts = [(i.line, i.id, i.mn) for i in figures.indicators]
    texts += [(i.line, i.id, p.mn) for i in figures.indicators for p in i.parts]
    texts += [(v.line, i.id, v.text_mn) for i in figures.indicators for v in i.values if v.text_mn]
    return [
        ContentError(path, line, f"mn: {message}", ident, "script")
        for line, ident, text in texts
        for message in script_findings(text)
    ]


#: A link in content: to a paragraph or section of the plan (#c4s1p3), or to a web address.
LINK = re.compile(r"\]\(([^)\s]*)")
LINK_TARGET = re.compile(r"^#(c\d+s\d+(?:p\d+)?)$")


def link_findings(plans: dict[str, Plan], notices: Notices) -> list[ContentError]:
    """Every link in a paragraph or notice leads somewhere: a paragraph or section that exists,
    or a web address. Paths between pages would break on other hosts and in the offline copy."""
    source = plans[translation.SOURCE_LANG]
    sections = {s.id for c in source.chapters for s in c.sections}
    found = []

    def check(target: str, path, line, ident) -> None:
        if target.startswith(("https://", "http://", "mailto:")):
            return
        match = LINK_TARGET.match(target)
        if not match:
            found.append(
                ContentError(
                    path,
                    line,
                    f"link to {target!r}: link to a paragraph or section as (#c4s1p3), or to a web address (https://…)",
                    ident,
                    "link",
                )
            )
        elif not (source.locate(match.group(1)) or match.group(1) in sections):
            found.append(
                ContentError(
                    path, line, f"broken link: there is no paragraph or section {match.group(1)}", ident, "link"
                )
            )

    for plan in plans.values():
        for chapter in plan.chapters:
            for paragraph in chapter.paragraphs:
                if paragraph.status != "missing":
                    for target in LINK.findall(paragraph.markdown):
                        check(target, chapter.path or "content", paragraph.line, paragraph.id)
    for lang in notices.by_lang:
        for notice in notices.of(lang):
            for number, text in enumerate(notice.path.read_text(encoding="utf-8").splitlines(), 1):
                for target in LINK.findall(text):
                    check(target, notice.path, number, None)
    return found


def edition_findings(editions: Editions, content_dir: Path) -> list[ContentError]:
    """Warn when content/ has changes not yet recorded in its frozen edition."""
    current = editions.get(editions.current)
    frozen = Path(content_dir) / "editions" / editions.current
    if current is None or not frozen.exists():
        return []
    changed = []
    for lang in ("zh", "mn"):
        for path in sorted((Path(content_dir) / lang).glob("*.md")):
            copy = frozen / lang / path.name
            if not copy.exists() or copy.read_bytes() != path.read_bytes():
                changed.append(f"{lang}/{path.name}")
    if not changed:
        return []
    return [
        ContentError(
            frozen,
            None,
            f"content/ differs from the recorded edition {editions.current} in {', '.join(changed)}: publish the changes as a new edition with 'portal edition freeze NAME --date …'",
            code="unpublished",
        )
    ]


def notice_findings(notices: Notices, languages: tuple[str, ...]) -> list[ContentError]:
    """Warn when a notice exists in one language only."""
    found = []
    slugs = {lang: {n.slug: n for n in notices.of(lang)} for lang in languages}
    for lang in languages:
        for slug, notice in slugs[lang].items():
            for other in languages:
                if slug not in slugs[other]:
                    found.append(
                        ContentError(
                            notice.path,
                            None,
                            f"this notice has no {other} version ({notice.path.name.replace(f'.{lang}.md', f'.{other}.md')})",
                            code="notice-untranslated",
                        )
                    )
    return found


def check_content(
    content_dir: Path,
    languages: tuple[str, ...] | None = None,
    chapter: int | None = None,
    allow_missing: bool = False,
    strict: bool = False,
) -> Report:
    """Everything a build needs to be right. `findings` fail the check; `notes` are warnings
    (untranslated text with `allow_missing`, unpublished changes, one-language notices), which
    fail it only when `strict`."""
    from .store import load_content

    try:
        content = load_content(Path(content_dir))
    except ContentErrors as exc:
        errors = exc.errors
        if chapter is not None:
            errors = [e for e in errors if e.path.suffix != ".md" or e.path.stem.split("-")[0] == f"{chapter:02d}"]
        return Report(errors, [])
    return check_loaded(content, content_dir, languages, chapter, allow_missing, strict)


def check_loaded(
    content,
    content_dir: Path,
    languages: tuple[str, ...] | None = None,
    chapter: int | None = None,
    allow_missing: bool = False,
    strict: bool = False,
) -> Report:
    """The checks of `check_content` on content already loaded (portal.store.Content), so that
    a build reads the files once for its check and its pages."""
    plans, glossary, figures, editions, notices = (
        content.plans,
        content.glossary,
        content.figures,
        content.editions,
        content.notices,
    )
    source: Plan = plans[translation.SOURCE_LANG]
    findings, notes = [], []
    if chapter is None:
        findings += glossary_findings(glossary, source, content_dir)
        findings += figures_findings(figures, content_dir)
        findings += link_findings(plans, notices)
        notes += edition_findings(editions, content_dir)
        notes += notice_findings(notices, tuple(plans))
    for lang, plan in plans.items():
        if lang == source.lang or (languages and lang not in languages):
            continue
        for translated in plan.chapters:
            if chapter is not None and translated.number != chapter:
                continue
            found, missing = chapter_findings(translated, source.chapter(translated.number), glossary)
            findings.extend(found)
            (notes if allow_missing else findings).extend(missing)
    if strict:
        findings, notes = findings + notes, []
    return Report(findings, notes)
