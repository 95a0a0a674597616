"""`portal import-text`: the seed text export → `content/zh/NN.md`.

The seed is one paragraph per line: a title block and preface, then `第X章` and `第X节` headings.
The one important choice is how ids survive a re-import: the new paragraphs of each chapter
are aligned with the paragraphs already in its file (difflib over the whole chapter, so a
paragraph that moved between sections keeps its id), matched paragraphs keep their id, and
only paragraphs with no counterpart get a fresh one. Nothing is ever renumbered.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import ContentError, ContentErrors
from ..model.languages import SOURCE_LANG
from ..model.plan import PARAGRAPH_ID
from ..readers import format_attrs, parse_chapter
from ..text.cleanup import clean
from ..text.numerals import from_chinese

EDITION = "2022"
LANG = SOURCE_LANG
PREFACE_TITLE = "前言"  # chapter 0 has no heading in the source; this is its navigation label

CHAPTER_LINE = re.compile(r"^第([一二三四五六七八九十]+)章\s*(.+)$")
SECTION_LINE = re.compile(r"^第([一二三四五六七八九十]+)节\s*(.+)$")
#: A short first sentence with no inner pause was a bold run-in heading in print.
LEAD_SENTENCE = re.compile(r"^([^。，；：！？]{2,38}。)(?=.)")
#: Characters that Markdown would read as markup if they appeared in the plan's text.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>{}])")
#: How similar an edited paragraph must stay to its old text to keep the old id.
SAME_PARAGRAPH = 0.6


@dataclass
class SeedSection:
    number: int
    title: str | None
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class SeedChapter:
    number: int
    title: str
    sections: list[SeedSection]
    source_lines: dict[str, int] = field(default_factory=dict)  # cleaned text → seed line


def parse_seed(path: Path) -> list[SeedChapter]:
    """The seed text as chapters of sections of cleaned paragraphs."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentErrors([ContentError(path, None, f"seed text is not valid UTF-8 (byte {exc.start})")]) from None
    chapters = [SeedChapter(0, PREFACE_TITLE, [SeedSection(0, None)])]
    errors: list[ContentError] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        text = clean(line)
        if not text:
            continue
        chapter, section = CHAPTER_LINE.match(text), SECTION_LINE.match(text)
        if chapter:
            n = from_chinese(chapter.group(1))
            if n != chapters[-1].number + 1:
                errors.append(ContentError(path, number, f"chapter {n} follows chapter {chapters[-1].number}"))
            chapters.append(SeedChapter(n, chapter.group(2), [SeedSection(0, None)]))
        elif section:
            n = from_chinese(section.group(1))
            current = chapters[-1]
            if n != current.sections[-1].number + 1:
                errors.append(
                    ContentError(
                        path,
                        number,
                        f"section {n} follows section {current.sections[-1].number} in chapter {current.number}",
                    )
                )
            current.sections.append(SeedSection(n, section.group(2)))
        else:
            chapters[-1].sections[-1].paragraphs.append(text)
            chapters[-1].source_lines.setdefault(text, number)
    if errors:
        raise ContentErrors(errors)
    for chapter in chapters:
        chapter.sections = [s for s in chapter.sections if s.number > 0 or s.paragraphs]
    return chapters


def to_markdown(text: str) -> str:
    """Escape the plan's text for Markdown and mark its lead phrase bold."""
    marker = "——" if text.startswith("——") else ""
    body = MARKDOWN_SPECIAL.sub(r"\\\1", text[len(marker) :])
    if body.startswith("#"):
        body = "\\" + body
    lead = LEAD_SENTENCE.match(text[len(marker) :])
    if lead:
        escaped_lead = MARKDOWN_SPECIAL.sub(r"\\\1", lead.group(1))
        body = f"**{escaped_lead}**{body[len(escaped_lead) :]}"
    return marker + body


def _fresh_id(chapter: int, section: int, taken: set[str]) -> str:
    used = [
        int(m.group(3))
        for m in map(PARAGRAPH_ID.match, taken)
        if m and int(m.group(1)) == chapter and int(m.group(2)) == section
    ]
    return f"c{chapter}s{section}p{max(used, default=0) + 1}"


def assign_ids(chapter: int, new: list[tuple[int, str]], old: list[tuple[str, str]]) -> list[str]:
    """Ids for the (section, text) list `new`, reusing those of the (id, text) list `old`."""
    ids: list[str | None] = [None] * len(new)
    matcher = difflib.SequenceMatcher(a=[t for _, t in old], b=[t for _, t in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                ids[j1 + offset] = old[i1 + offset][0]
        elif tag == "replace":
            # Pair edited paragraphs in order, each with the most similar old one still unclaimed.
            start = i1
            for j in range(j1, j2):
                scores = [
                    (difflib.SequenceMatcher(a=old[i][1], b=new[j][1], autojunk=False).ratio(), i)
                    for i in range(start, i2)
                ]
                best = max(scores, default=(0.0, -1))
                if best[0] >= SAME_PARAGRAPH:
                    ids[j] = old[best[1]][0]
                    start = best[1] + 1
    # Deleted paragraphs' ids stay reserved: a fresh id never points at old text.
    taken = {i for i, _ in old} | {i for i in ids if i}
    for j, ident in enumerate(ids):
        if ident is None:
            ids[j] = _fresh_id(chapter, new[j][0], taken)
            taken.add(ids[j])
    return ids  # type: ignore[return-value]


def render_chapter_file(chapter: SeedChapter, ids: list[str], plan_title: str | None) -> str:
    meta = {"chapter": chapter.number, "title": chapter.title, "edition": EDITION, "lang": LANG}
    if chapter.number == 0 and plan_title:
        meta["plan_title"] = plan_title
    out = ["---", yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).strip(), "---", ""]
    position = iter(ids)
    for section in chapter.sections:
        if section.number > 0:
            title = MARKDOWN_SPECIAL.sub(r"\\\1", section.title or "")
            out += [f"## {title} {{: #c{chapter.number}s{section.number} }}", ""]
        for text in section.paragraphs:
            out += [to_markdown(text), format_attrs(next(position)), ""]
    return "\n".join(out)


def _existing_paragraphs(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    chapter, _meta, errors = parse_chapter(path, LANG)
    if errors:
        # Refuse rather than guess: overwriting a broken file could lose its ids.
        raise ContentErrors(errors)
    return [(p.id, p.text) for p in chapter.paragraphs]


def import_text(seed: Path, content_dir: Path) -> list[Path]:
    """Write one Markdown file per chapter; returns the files written."""
    chapters = parse_seed(Path(seed))
    folder = Path(content_dir) / LANG
    folder.mkdir(parents=True, exist_ok=True)
    preface = chapters[0].sections[0].paragraphs if chapters else []
    # The title block's second line is the plan's formal title.
    plan_title = preface[1] if len(preface) > 1 else None
    rendered: dict[Path, str] = {}
    for chapter in chapters:
        path = folder / f"{chapter.number:02d}.md"
        new = [(s.number, text) for s in chapter.sections for text in s.paragraphs]
        ids = assign_ids(chapter.number, new, _existing_paragraphs(path))
        rendered[path] = render_chapter_file(chapter, ids, plan_title)
    # Only write once every chapter has been converted, so a failure leaves content/ as it was.
    for path, text in rendered.items():
        path.write_text(text, encoding="utf-8")
    return list(rendered)
