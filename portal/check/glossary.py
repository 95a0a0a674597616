"""Glossary, places and key figures: every entry is used by the plan, and every Mongolian text
in them is valid script. (The readers have already proved each figure against its paragraphs.)"""

from __future__ import annotations

from ..errors import ContentError
from ..model.content import EverydayWords
from ..model.figures import Figures
from ..model.glossary import Glossary
from ..model.plan import Plan
from ..text.terms import TermIndex
from .script import script_findings


def glossary_findings(glossary: Glossary, source: Plan) -> list[ContentError]:
    found = []
    occurrences = TermIndex(glossary.entries).occurrences(source)
    for entry in glossary.entries:
        path = entry.path or "content"
        if not occurrences[entry.id]:
            message = f"no form of this entry ({', '.join(entry.zh)}) occurs in the plan"
            found.append(ContentError(path, entry.line, message, entry.id))
        for field, text in (("mn", entry.mn), ("definition_mn", entry.definition.get("mn", ""))):
            found += [
                ContentError(path, entry.line, f"{field}: {m}", entry.id, "script") for m in script_findings(text)
            ]
    return found


def figures_findings(figures: Figures) -> list[ContentError]:
    path = figures.path or "content"
    texts = [(i.line, i.id, i.name("mn")) for i in figures.indicators]
    texts += [(i.line, i.id, p.name("mn")) for i in figures.indicators for p in i.parts]
    texts += [(v.line, i.id, v.text["mn"]) for i in figures.indicators for v in i.values if v.in_words]
    return [
        ContentError(path, line, f"mn: {message}", ident, "script")
        for line, ident, text in texts
        for message in script_findings(text)
    ]


def colloquial_findings(entries: tuple[EverydayWords, ...], source: Plan, synonyms) -> list[ContentError]:
    """Everyday words must be words the plan does not use (else search finds them anyway), not
    forms of a synonym group, and must point at words the Chinese text does use."""
    text = "\n".join(p.text for p in source.paragraphs)
    grouped = {form for group in synonyms for form in group}
    found = []
    for entry in entries:
        for form in entry.say:
            if form in text:
                message = f"{form!r} occurs in the plan: search finds it without this entry; remove it"
                found.append(ContentError(entry.path, entry.line, message, code="colloquial"))
            elif form in grouped:
                message = f"{form!r} is in a group of synonyms.yaml already; keep it in one place"
                found.append(ContentError(entry.path, entry.line, message, code="colloquial"))
        for word in entry.plan:
            if word not in text:
                message = f"plan word {word!r} does not occur in the Chinese text"
                found.append(ContentError(entry.path, entry.line, message, code="colloquial"))
    return found
