"""`portal check`: what a build needs to be right, as `file:line: code [id] message` lines.

The readers have already refused what cannot be read (every ContentError they raise is a
finding too). On top of that the check proves what a reader cannot see: that every
translated paragraph is valid Unicode Mongolian, carries every number of its Chinese source,
uses the approved glossary terms and is not stale, that links lead somewhere, and that
nothing is left unpublished. One module per kind of finding.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ContentError, ContentErrors
from ..model.content import Content
from ..model.glossary import Glossary
from ..model.languages import SOURCE_LANG
from ..text.terms import TermIndex
from .glossary import colloquial_findings, figures_findings, glossary_findings
from .links import link_findings
from .orthography import orthography_findings
from .publishing import edition_findings, notice_findings
from .script import script_findings
from .translations import chapter_findings, paragraph_findings, term_findings

__all__ = [
    "Report",
    "chapter_findings",
    "check_loaded",
    "figures_findings",
    "glossary_findings",
    "link_findings",
    "paragraph_findings",
    "report_of",
    "script_findings",
    "term_findings",
]


# Findings that never stop a check or a build (only --strict makes them fail): the page says
# so to the reader instead. A stale translation is published with a notice over it, because a
# correction of the Chinese must not wait for the translator. docs/publishing.md lists them.
PUBLISHABLE = frozenset({"stale", "unpublished", "notice-untranslated", "ignored"})


@dataclass(frozen=True)
class Report:
    findings: list[ContentError]  # each one fails the check
    notes: list[ContentError]  # warnings: reported, failing only with --strict


def report_of(errors: ContentErrors, chapter: int | None = None) -> Report:
    """The report of content that could not be loaded: every problem the readers found."""
    found = errors.errors
    if chapter is not None:
        found = [e for e in found if e.path.suffix != ".md" or e.path.stem.split("-")[0] == f"{chapter:02d}"]
    return Report(found, [])


def check_loaded(
    content: Content,
    languages: tuple[str, ...] | None = None,
    chapter: int | None = None,
    allow_missing: bool = False,
    strict: bool = False,
) -> Report:
    """The checks on loaded content. `findings` fail the check; `notes` are warnings
    (untranslated text with `allow_missing`, unpublished changes, one-language notices), which
    fail it only when `strict`."""
    plans = content.plans
    source = plans[SOURCE_LANG]
    findings, notes = [], []
    if chapter is None:
        findings += glossary_findings(content.glossary, source)
        findings += colloquial_findings(content.colloquial, source, content.synonyms)
        findings += orthography_findings(content.orthography, content.mongolian_lines)
        findings += figures_findings(content.figures)
        findings += link_findings(plans, content.notices)
        notes += edition_findings(content.editions)
        notes += notice_findings(content.notices, tuple(plans))
    terms = _terms(content.glossary)
    for lang, plan in plans.items():
        if lang == source.lang or (languages and lang not in languages):
            continue
        for translated in plan.chapters:
            if chapter is not None and translated.number != chapter:
                continue
            found, missing = chapter_findings(translated, source.chapter(translated.number), terms, lang=lang)
            findings += [f for f in found if f.code not in PUBLISHABLE]
            notes += [f for f in found if f.code in PUBLISHABLE]
            (notes if allow_missing else findings).extend(missing)
    if strict:
        findings, notes = findings + notes, []
    # Never a failure, even with --strict: an editor's lock file exists while a chapter is open.
    notes += [
        ContentError(path, None, "skipped: an editor's lock, backup or swap file", code="ignored")
        for path in content.ignored
    ]
    return Report(findings, notes)


def _terms(glossary: Glossary) -> TermIndex:
    return TermIndex(glossary.entries)
