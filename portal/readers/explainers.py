"""`content/explainers/<lang>/<chapter>.md`: the plain-language notes of a chapter.

    ---
    chapter: 6
    lang: zh
    status: draft            # a translation's only
    ---
    ## 禁牧和草畜平衡：牧民要知道什么 {: #x6-1 paragraphs=c6s1p3,c6s1p4 for=herder }

    A few sentences of Markdown.

Every note names the paragraphs of its chapter that it explains and who it is for. Every number
it writes, and every place it names, must appear in those paragraphs (their text in the note's
language, or the Chinese): a note explains the plan and never adds to it. A translated note has
the id of a Chinese one. Every problem is a `file:line` error.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model import translation
from ..model.explainers import AUDIENCES, Explainer, Explainers
from ..model.glossary import Glossary
from ..model.languages import CODES, SOURCE_LANG
from ..model.plan import Plan
from ..text.markdown import InlineRenderer, plain_text, refused_url_errors
from ..text.mongolian import MongolianTextError, check_encoding
from ..text.numerals import NUMBER
from .chapters import HEADING_RE, parse_attrs
from .files import content_files, read_text
from .frontmatter import read_front_matter

NOTE_ID = re.compile(r"^x\d{1,4}-[a-z0-9]+(?:-[a-z0-9]+)*$")  # x6-1, x6-grazing


def load_explainers(content_dir: Path | str, plans: dict[str, Plan], glossary: Glossary, renderer=None) -> Explainers:
    root = Path(content_dir) / "explainers"
    renderer = renderer or InlineRenderer()
    errors: list[ContentError] = []
    by_lang: dict[str, list[Explainer]] = {}
    for lang in CODES:
        folder = root / lang
        for path in content_files(folder, "*.md", inside=root.parent) if folder.exists() else []:
            by_lang.setdefault(lang, []).extend(_read(path, lang, plans, glossary, renderer, errors))
    chinese = {note.id for note in by_lang.get(SOURCE_LANG, [])}
    for lang, notes in by_lang.items():
        seen: dict[str, int] = {}
        for note in notes:
            if note.id in seen:
                errors.append(ContentError(note.path, note.line, f"note {note.id} is also on line {seen[note.id]}"))
            seen.setdefault(note.id, note.line)
            if lang != SOURCE_LANG and note.id not in chinese:
                errors.append(ContentError(note.path, note.line, f"note {note.id} has no Chinese note with its id"))
    if errors:
        raise ContentErrors(errors)
    return Explainers({lang: tuple(notes) for lang, notes in by_lang.items()})


def _read(path: Path, lang: str, plans: dict, glossary: Glossary, renderer, errors: list) -> list[Explainer]:
    lines = read_text(path).splitlines()
    front = read_front_matter(path, lines, errors, "an explainer file starts with front matter: chapter and lang")
    meta = front.meta
    problems: list[tuple[int | None, str]] = []
    chapter_number = meta.get("chapter")
    if not isinstance(chapter_number, int) or isinstance(chapter_number, bool):
        problems.append((front.line("chapter") or 1, "chapter must be the chapter's number"))
    elif path.stem.isdigit() and int(path.stem) != chapter_number:
        problems.append((front.line("chapter"), f"chapter {chapter_number} is not the file's number ({path.stem})"))
    if meta.get("lang") != lang:
        problems.append((front.line("lang") or 1, f"lang must be {lang}, the folder this file is in"))
    status = str(meta.get("status") or "")
    if lang != SOURCE_LANG and status not in translation.RECORDED:
        problems.append(
            (front.line("status") or 1, f"a translation's status must be one of {', '.join(translation.RECORDED)}")
        )
    for key in meta:
        if key not in ("chapter", "lang", "status"):
            problems.append((front.line(key), f"unknown field {key!r} (fields: chapter, lang, status)"))
    plan, source = plans.get(lang), plans.get(SOURCE_LANG)
    chapter = source.chapter(chapter_number) if source and isinstance(chapter_number, int) else None
    if isinstance(chapter_number, int) and chapter is None:
        problems.append((front.line("chapter"), f"there is no chapter {chapter_number}"))
    if problems or chapter is None:
        errors.extend(ContentError(path, line, message) for line, message in problems)
        return []
    notes = []
    for start, heading, body in _notes(lines, front.body_start, path, errors):
        note = _note(path, start, heading, body, lang, chapter_number, status, plan, source, glossary, renderer, errors)
        if note is not None:
            notes.append(note)
    return notes


def _notes(lines: list[str], first: int, path: Path, errors: list):
    """(line, heading, body) of each note: a `## ` heading and the text up to the next one."""
    current: list | None = None
    for number in range(first, len(lines)):
        line = lines[number]
        if line.startswith("## "):
            if current:
                yield current[0], current[1], "\n".join(current[2]).strip()
            current = [number + 1, line, []]
        elif current is not None:
            current[2].append(line)
        elif line.strip():
            errors.append(
                ContentError(path, number + 1, "text before the first note: each note starts with a '## ' heading")
            )
    if current:
        yield current[0], current[1], "\n".join(current[2]).strip()


def _note(
    path, line, heading, body, lang, chapter, status, plan, source, glossary, renderer, errors
) -> Explainer | None:
    match = HEADING_RE.match(heading)
    title, attrs_text = (match.group(2), match.group(3)) if match else (heading[3:], None)
    ident, attrs = parse_attrs(attrs_text[2:-1]) if attrs_text else (None, {})
    problems = []
    if not ident or not NOTE_ID.match(ident):
        example = f"{{: #x{chapter}-1 paragraphs=c{chapter}s1p1 for=herder }}"
        problems.append(f"a note's heading ends with {example}; its id must look like x{chapter}-1")
    elif not ident.startswith(f"x{chapter}-"):
        problems.append(f"note {ident} is in chapter {chapter}: its id starts with x{chapter}-")
    audience = attrs.get("for", "")
    if audience not in AUDIENCES:
        problems.append(f"for= must be one of {', '.join(AUDIENCES)}")
    pids = tuple(p for p in attrs.get("paragraphs", "").split(",") if p)
    if not pids:
        problems.append("paragraphs= names the paragraphs it explains, like paragraphs=c6s1p3,c6s1p4")
    located = {pid: source.locate(pid) for pid in pids}
    problems += [f"paragraph {pid} does not exist" for pid, where in located.items() if where is None]
    problems += [
        f"paragraph {pid} is in chapter {where[0].number}, not {chapter}"
        for pid, where in located.items()
        if where is not None and where[0].number != chapter
    ]
    if not body:
        problems.append("the note has no text")
    try:
        check_encoding(title + body)
    except MongolianTextError as exc:
        problems.append(str(exc))
    if problems:
        errors.extend(ContentError(path, line, p, ident) for p in problems)
        return None
    html = renderer.block(body)
    text = plain_text(html)
    errors.extend(refused_url_errors(path, line + 1, body, renderer.refused(body)))
    quoted = _texts(pids, lang, plan, source)
    errors.extend(
        ContentError(path, line, p, ident) for p in _unsupported(title + "\n" + text, quoted, lang, glossary, pids)
    )
    order = {p.id: i for i, p in enumerate(source.paragraphs)}
    ordered = tuple(sorted(pids, key=order.__getitem__))
    return Explainer(ident, lang, chapter, title.strip(), audience, ordered, html, text, status, path, line)


def _texts(pids, lang, plan, source) -> str:
    """The linked paragraphs' text in the note's language and in Chinese."""
    found = []
    plans = (source,) if plan is None or plan is source else (plan, source)
    for pid in pids:
        for which in plans:
            where = which.locate(pid)
            if where and where[2].text:
                found.append(where[2].text)
    return "\n".join(found)


def _unsupported(note: str, quoted: str, lang: str, glossary: Glossary, pids) -> list[str]:
    have = {Decimal(n) for n in NUMBER.findall(quoted)}
    missing = sorted({n for n in NUMBER.findall(note) if Decimal(n) not in have}, key=note.index)
    problems = [f"the number {n} is not in {', '.join(pids)}" for n in missing]
    for place in glossary.places:
        forms = place.zh if lang == SOURCE_LANG else (place.mn,)
        for form in forms:
            if form and form in note and form not in quoted:
                problems.append(f"the place {form} is not named in {', '.join(pids)}")
    return problems
