"""Chapter files `content/<lang>/NN.md` → `Plan`: YAML front matter, then blocks separated by
blank lines.

    ---
    chapter: 4
    title: 现代化产业
    edition: '2022'
    lang: zh
    ---

    Intro paragraph of the chapter (section 0).
    {: #c4s0p1 }

    ## 加快优势产业提质升级 {: #c4s1 }

    ——**绿色能源产业。**充分利用风光优势资源……
    {: #c4s1p2 }

The attribute lines are Python-Markdown's attr_list syntax, so the files stay ordinary Markdown.
The block structure is read here line by line, so every error names its file and line; only
the inline text of each paragraph goes through Python-Markdown. A translation is read against
the Chinese plan and takes its structure: every Chinese paragraph appears, translated or
marked missing, in the Chinese order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model import translation
from ..model.languages import CODES, SOURCE_LANG
from ..model.plan import PARAGRAPH_ID, SECTION_ID, Chapter, Paragraph, Plan, Section, section_id
from ..text.markdown import InlineRenderer, refused_url_errors
from ..text.mongolian import MongolianTextError, check_encoding
from ..text.numerals import LARGEST
from .files import MAX_PARAGRAPH_CHARS, content_files, read_text
from .frontmatter import FrontMatter, read_front_matter

EDITION_RE = re.compile(r"^\d{4}[\w.-]*$")
ATTRS_RE = re.compile(r"^\{:\s*(.*?)\s*\}$")
HEADING_RE = re.compile(r"^(#+)\s*(.*?)\s*(\{:\s*.*?\s*\})?\s*$")
LEAD_RE = re.compile(r"^(?:——)?\*\*(.+?)\*\*")

REQUIRED_FIELDS = {"chapter": int, "title": str, "edition": str, "lang": str}
OPTIONAL_FIELDS = {"plan_title": str}


def format_attrs(paragraph_id: str, **extra: str) -> str:
    """The attribute line that closes a paragraph block; the importer writes what this reads."""
    pairs = "".join(f" {key}={value}" for key, value in extra.items())
    return f"{{: #{paragraph_id}{pairs} }}"


def parse_attrs(text: str) -> tuple[str | None, dict[str, str]]:
    ident, attrs = None, {}
    for token in text.split():
        if token.startswith("#"):
            ident = token[1:]
        elif "=" in token:
            key, value = token.split("=", 1)
            attrs[key] = value
        else:
            attrs[token] = ""
    return ident, attrs


def _check_front_matter(path: Path, front: FrontMatter, lang: str, errors: list[ContentError]) -> None:
    meta, closing = front.meta, front.body_start
    for key, kind in REQUIRED_FIELDS.items():
        if key not in meta:
            errors.append(ContentError(path, closing, f"front matter lacks the field '{key}'"))
        elif not isinstance(meta[key], kind) or isinstance(meta[key], bool) or meta[key] in ("", None):
            wanted = {int: "a whole number, like 4", str: "text"}.get(kind, kind.__name__)
            message = f"front matter field '{key}' must be {wanted}, not {meta[key]!r}"
            errors.append(ContentError(path, front.line(key), message))
    number = meta.get("chapter")
    if isinstance(number, int) and not isinstance(number, bool) and not 0 <= number <= LARGEST:
        message = f"chapter {number} is outside 0 to {LARGEST}, the numbers a chapter label can say"
        errors.append(ContentError(path, front.line("chapter"), message))
    for key in meta:
        if key not in REQUIRED_FIELDS and key not in OPTIONAL_FIELDS:
            errors.append(ContentError(path, front.line(key), f"unknown front matter field '{key}'"))
    chapter = meta.get("chapter")
    if isinstance(chapter, int) and chapter < 0:
        errors.append(ContentError(path, front.line("chapter"), "chapter number cannot be negative"))
    if isinstance(meta.get("edition"), str) and not EDITION_RE.match(meta["edition"]):
        message = f"edition must start with a year, like '2022', not {meta['edition']!r}"
        errors.append(ContentError(path, front.line("edition"), message))
    if isinstance(meta.get("lang"), str) and meta["lang"] != lang:
        message = f"lang is {meta['lang']!r} but the file is in content/{lang}/"
        errors.append(ContentError(path, front.line("lang"), message))
    if chapter == 0 and not isinstance(meta.get("plan_title"), str):
        errors.append(ContentError(path, closing, "chapter 0 must give the plan's title in the field 'plan_title'"))
    stem = path.stem.split("-", 1)[0]
    if isinstance(chapter, int) and (not stem.isdigit() or int(stem) != chapter):
        message = f"file name {path.name!r} does not match chapter {chapter} (expected {chapter:02d}.md)"
        errors.append(ContentError(path, front.line("chapter"), message))


def _blocks(lines: list[str], start: int) -> list[tuple[int, list[str]]]:
    """Groups of non-blank lines, each with its 1-based starting line number."""
    blocks, current, first = [], [], 0
    for index in range(start, len(lines)):
        if lines[index].strip():
            if not current:
                first = index + 1
            current.append(lines[index].rstrip())
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


RECORDED_ID = re.compile(r"\{:\s*#(c\d+s\d+p\d+)\b")


@dataclass
class _ChapterReader:
    """The body of one chapter file, block by block; reading goes on after an error."""

    path: Path
    lang: str
    number: int  # -1 when the front matter does not give it
    renderer: InlineRenderer
    errors: list[ContentError] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    current: int = 0
    title: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)
    unnumbered: list[tuple[int, int]] = field(default_factory=list)  # (line, section) of blocks without an id

    def error(self, line: int | None, message: str, ident: str | None = None) -> None:
        self.errors.append(ContentError(self.path, line, message, ident))

    def close_section(self) -> None:
        # A chapter without an introduction has no section 0 at all.
        if self.current > 0 or self.paragraphs:
            self.sections.append(Section(self.number, self.current, self.title, tuple(self.paragraphs)))

    def heading(self, first: int, block: list[str], match: re.Match) -> None:
        level, text, attrs = match.groups()
        if len(level) != 2:
            hint = (
                "the chapter title belongs in the front matter"
                if len(level) == 1
                else "only '## ' section headings are allowed"
            )
            self.error(first, f"heading level {len(level)} is out of order: {hint}")
            return
        if len(block) > 1:
            self.error(first + 1, "a section heading must be followed by a blank line")
        ident, _ = parse_attrs(ATTRS_RE.match(attrs).group(1)) if attrs else (None, {})
        expected = section_id(self.number, self.current + 1)
        if self.current + 1 > LARGEST:
            self.error(first, f"a chapter has at most {LARGEST} sections")
        if not ident:
            self.error(first, f"section heading has no id: end it with {{: #{expected} }}")
        elif ident != expected:
            found = SECTION_ID.match(ident)
            self.error(
                first,
                f"heading out of order: expected section {expected}, found {ident}"
                if found
                else f"{ident!r} is not a section id like {expected}",
            )
        if not text:
            self.error(first, "section heading has no title")
        self.close_section()
        self.current, self.title, self.paragraphs = self.current + 1, text, []

    def paragraph(self, first: int, block: list[str]) -> None:
        attrs = ATTRS_RE.match(block[-1])
        if not attrs or len(block) < 2:
            self.unnumbered.append((first, self.current))  # reported by finish(), which knows every id
            return
        ident, extra = parse_attrs(attrs.group(1))
        attr_line = first + len(block) - 1
        match = PARAGRAPH_ID.match(ident or "")
        if not match:
            self.error(attr_line, f"{ident!r} is not a paragraph id like c{max(self.number, 0)}s1p1")
            return
        if self.number >= 0 and int(match.group(1)) != self.number:
            self.error(attr_line, f"paragraph id belongs to chapter {match.group(1)}, not chapter {self.number}", ident)
            return
        if ident in self.seen:
            self.error(attr_line, f"duplicate paragraph id (first used on line {self.seen[ident]})", ident)
            return
        self.seen[ident] = first
        source = "\n".join(block[:-1])
        if len(source) > MAX_PARAGRAPH_CHARS:
            self.error(
                first,
                f"paragraph has {len(source):,} characters, more than the limit of {MAX_PARAGRAPH_CHARS:,}",
                ident,
            )
            return
        status, translated_from = self.translation_attrs(ident, extra, attr_line)
        if self.lang != SOURCE_LANG:
            try:
                check_encoding(source)
            except MongolianTextError as exc:
                self.error(first + source[: exc.offset].count("\n"), str(exc), ident)
                return
        html, text = self.renderer.render(source)
        self.errors.extend(refused_url_errors(self.path, first, source, self.renderer.refused(source), ident))
        lead = LEAD_RE.match(source)
        lead_text = self.renderer.render(lead.group(1))[1] if lead else None
        self.paragraphs.append(
            Paragraph(ident, source, html, text, lead_text, first, self.lang, status, translated_from)
        )

    def finish(self) -> None:
        """Close the last section, and name for each paragraph without an id the next id that is
        free in its section, counting the ids used further down the file too."""
        self.close_section()
        taken: dict[int, set[int]] = {}
        for ident in set(self.seen) | (self.recorded_ids() if self.unnumbered else set()):
            match = PARAGRAPH_ID.match(ident)
            taken.setdefault(int(match.group(2)), set()).add(int(match.group(3)))
        for line, section in self.unnumbered:
            used = taken.setdefault(section, set())
            free = max(used, default=0) + 1
            used.add(free)
            ident = f"c{max(self.number, 0)}s{section}p{free}"
            self.error(line, f"paragraph without an id: end it with the line {{: #{ident} }} (the next free id here)")
        self.errors.sort(key=lambda e: e.line or 0)

    def recorded_ids(self) -> set[str]:
        """The ids this chapter had in the recorded editions: a deleted id is never given again."""
        editions = self.path.parent.parent / "editions"
        found = set()
        for copy in editions.glob(f"*/{self.lang}/{self.path.name}") if editions.is_dir() else ():
            for ident in RECORDED_ID.findall(read_text(copy)):
                if PARAGRAPH_ID.match(ident) and int(PARAGRAPH_ID.match(ident).group(1)) == self.number:
                    found.add(ident)
        return found

    def translation_attrs(self, ident: str, extra: dict, line: int) -> tuple[str | None, str | None]:
        """status= and source= of a translated paragraph; a Chinese paragraph has none."""
        if self.lang == SOURCE_LANG:
            if extra:
                self.error(line, f"unknown attribute(s) {', '.join(sorted(extra))} on a Chinese paragraph", ident)
            return None, None
        status, translated_from = extra.get("status"), extra.get("source")
        if status not in translation.RECORDED:
            self.error(line, f"status must be one of {', '.join(translation.RECORDED)}, not {status!r}", ident)
        if not translated_from or not translation.FINGERPRINT.match(translated_from):
            self.error(
                line,
                "source= must give the 10-digit fingerprint of the Chinese paragraph (portal translation stamp)",
                ident,
            )
        return status, translated_from


def parse_chapter(
    path: Path, lang: str, renderer: InlineRenderer | None = None
) -> tuple[Chapter | None, dict, list[ContentError]]:
    """One chapter file → (Chapter, front matter, errors). Reading goes on after an error."""
    try:
        lines = read_text(path).splitlines()
    except ContentErrors as exc:
        return None, {}, exc.errors
    errors: list[ContentError] = []
    front = read_front_matter(path, lines, errors, "missing front matter: the file must start with a '---' line")
    if front.yaml is not None:
        _check_front_matter(path, front, lang, errors)
    meta = front.meta
    number = meta.get("chapter") if isinstance(meta.get("chapter"), int) else -1
    if errors:  # without a sound front matter (the chapter number) the body's checks would mislead
        return None, meta, errors
    reader = _ChapterReader(path, lang, number, renderer or InlineRenderer(), errors)
    for first, block in _blocks(lines, front.body_start):
        heading = HEADING_RE.match(block[0]) if block[0].startswith("#") else None
        if heading:
            reader.heading(first, block, heading)
        else:
            reader.paragraph(first, block)
    reader.finish()
    if errors or number < 0:
        return None, meta, errors
    sections = [Section(s.chapter, s.number, s.title, s.paragraphs, lang) for s in reader.sections]
    return Chapter(number, meta["title"], tuple(sections), path, lang), meta, []


def chapter_files(folder: Path) -> list[Path]:
    """The chapter files of a language folder; links may point anywhere in the folder above."""
    return content_files(folder, "*.md", inside=folder.parent)


def _duplicate_ids(path: Path, chapter: Chapter, seen: dict[str, tuple[Path, int]]) -> list[ContentError]:
    """Paragraph ids already used in an earlier file or line; `seen` collects every id's first place."""
    errors = []
    for paragraph in chapter.paragraphs:
        if paragraph.id in seen:
            other, line = seen[paragraph.id]
            message = f"duplicate paragraph id (also in {other.name} line {line})"
            errors.append(ContentError(path, paragraph.line, message, paragraph.id))
        seen[paragraph.id] = (path, paragraph.line)
    return errors


def load_plan(
    content_dir: Path | str, lang: str, source: Plan | None = None, renderer: InlineRenderer | None = None
) -> Plan:
    """All chapter files of one language. Raises ContentErrors listing every problem found.

    A translation is loaded against its `source` plan and takes the source's structure:
    every source paragraph appears, translated or marked missing, in the source's order.
    """
    folder = Path(content_dir) / lang
    files = chapter_files(folder)
    if not files:
        raise ContentErrors([ContentError(folder, None, "no chapter files (*.md) found")])
    renderer = renderer or InlineRenderer()
    chapters: list[Chapter] = []
    errors: list[ContentError] = []
    edition_of: dict[Path, str] = {}
    first_path_of: dict[int, Path] = {}
    id_lines: dict[str, tuple[Path, int]] = {}
    plan_title = None
    for path in files:
        chapter, meta, file_errors = parse_chapter(path, lang, renderer)
        errors.extend(file_errors)
        if isinstance(meta.get("edition"), str):
            edition_of[path] = meta["edition"]
        if chapter is None:
            continue
        if chapter.number in first_path_of:
            errors.append(
                ContentError(
                    path, 2, f"chapter {chapter.number} is also defined in {first_path_of[chapter.number].name}"
                )
            )
            continue
        first_path_of[chapter.number] = path
        errors.extend(_duplicate_ids(path, chapter, id_lines))
        if chapter.number == 0:
            plan_title = meta.get("plan_title")
        chapters.append(chapter)
    errors.extend(_edition_errors(edition_of, source))
    if not errors and 0 not in first_path_of:
        errors.append(ContentError(folder, None, "chapter 0 (title block and preface, 00.md) is missing"))
    if source is not None and not errors:
        return _align(source, lang, chapters, plan_title)
    if errors:
        raise ContentErrors(errors)
    chapters.sort(key=lambda c: c.number)
    return Plan(lang, next(iter(edition_of.values())), plan_title, tuple(chapters), lang)


def _edition_errors(edition_of: dict[Path, str], source: Plan | None) -> list[ContentError]:
    """Every chapter file names one edition: the Chinese edition for a translation, else the
    first file's. Each file that differs is named, on its `edition:` line."""
    if not edition_of:
        return []
    first = next(iter(edition_of))
    expected = source.edition if source is not None else edition_of[first]
    against = "the Chinese edition" if source is not None else f"the edition of {first.name}"
    errors = []
    for path, edition in edition_of.items():
        if edition != expected:
            message = f"edition {edition!r} differs from {against} {expected!r}"
            errors.append(ContentError(path, _front_matter_line(path, "edition"), message))
    return errors


def _front_matter_line(path: Path, key: str) -> int | None:
    """The line of a top-level front-matter key, for a message about its value."""
    for number, line in enumerate(read_text(path).splitlines()[1:], start=2):
        if line.startswith(f"{key}:"):
            return number
        if line.strip() == "---":
            return None
    return None


def _alignment_errors(source: Plan, chapters: list[Chapter]) -> list[ContentError]:
    errors = []
    for chapter in chapters:
        for paragraph in chapter.paragraphs:
            if source.locate(paragraph.id) is None:
                errors.append(
                    ContentError(chapter.path, paragraph.line, "no Chinese paragraph has this id", paragraph.id)
                )
        original = source.chapter(chapter.number)
        for section in chapter.titled_sections:
            if original and section.number not in {s.number for s in original.sections}:
                errors.append(
                    ContentError(chapter.path, None, f"section {section.id} does not exist in the Chinese text")
                )
    return errors


def _aligned_section(section: Section, mine: Chapter | None, lang: str) -> Section:
    by_id = {p.id: p for p in mine.paragraphs} if mine else {}
    titles = {s.number: s.title for s in mine.sections} if mine else {}
    paragraphs = []
    for paragraph in section.paragraphs:
        version = by_id.get(paragraph.id)
        if version is None:
            paragraphs.append(replace(paragraph, status="missing"))
        else:
            status = translation.effective_status(version.status, version.translated_from, paragraph.text)
            paragraphs.append(replace(version, status=status))
    has_title = section.number in titles and titles[section.number]
    title = titles[section.number] if has_title else section.title
    return Section(section.chapter, section.number, title, tuple(paragraphs), lang if has_title else section.title_lang)


def _align(source: Plan, lang: str, chapters: list[Chapter], plan_title: str | None) -> Plan:
    """The translation laid over the source's structure, with each paragraph's status."""
    errors = _alignment_errors(source, chapters)
    if errors:
        raise ContentErrors(errors)
    translated = {c.number: c for c in chapters}
    aligned = []
    for original in source.chapters:
        mine = translated.get(original.number)
        sections = tuple(_aligned_section(section, mine, lang) for section in original.sections)
        title, title_lang = (mine.title, lang) if mine else (original.title, original.title_lang)
        aligned.append(Chapter(original.number, title, sections, mine.path if mine else None, title_lang))
    return Plan(
        lang, source.edition, plan_title or source.title, tuple(aligned), lang if plan_title else source.title_lang
    )


def available_languages(content_dir: Path | str) -> tuple[str, ...]:
    """Languages with at least one chapter file, in the portal's fixed order."""
    return tuple(lang for lang in CODES if chapter_files(Path(content_dir) / lang))


def load_plans(content_dir: Path | str, renderer: InlineRenderer | None = None) -> dict[str, Plan]:
    """Every language with content, translations aligned to the Chinese source."""
    renderer = renderer or InlineRenderer()
    languages = available_languages(content_dir)
    if SOURCE_LANG not in languages:
        raise ContentErrors([ContentError(Path(content_dir) / SOURCE_LANG, None, "no chapter files (*.md) found")])
    source = load_plan(content_dir, SOURCE_LANG, renderer=renderer)
    plans, errors = {source.lang: source}, []
    for lang in languages:
        if lang != source.lang:
            try:
                plans[lang] = load_plan(content_dir, lang, source, renderer)
            except ContentErrors as exc:
                errors.extend(exc.errors)
    if errors:
        raise ContentErrors(errors)
    return plans
