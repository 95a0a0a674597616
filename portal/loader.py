"""Reads `content/<lang>/NN.md` into a `Plan`. The only module that parses content files.

A chapter file is YAML front matter, then blocks separated by blank lines:

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
the inline text of each paragraph goes through Python-Markdown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from html import unescape
from pathlib import Path

import markdown
import yaml

from . import translation
from .editions import EDITION_DATE, EDITION_NAME, Edition, Editions, reused_ids
from .errors import ContentError, ContentErrors
from .figures import KINDS as FIGURE_KINDS
from .figures import QUALIFIERS, RANGE, SHARES, Category, Figures, Indicator, Part, Value, appears_in
from .glossary import Entry, Glossary
from .model import PARAGRAPH_ID, SECTION_ID, Chapter, Paragraph, Plan, Section, section_id
from .mongolian import MongolianTextError, check_encoding
from .numerals import NUMBER
from .updates import NOTICE_FILE, Notice, Notices

LANGUAGES = ("zh", "mn")
#: libyaml's parser when PyYAML has it (the glossary is read on every build and reload).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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


TAGS = re.compile(r"<[^>]+>")


def plain_text(html: str) -> str:
    """Text of inline HTML. Not Markup.striptags(): that treats U+202F (the space before a
    Mongolian suffix) as whitespace and turns it into a plain space."""
    return re.sub(r"[ \t\r\n]+", " ", unescape(TAGS.sub("", html))).strip()


def safe_markdown() -> markdown.Markdown:
    """Python-Markdown with raw HTML switched off, for everything staff write."""
    md = markdown.Markdown(output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


class _InlineMarkdown:
    """Python-Markdown for one paragraph at a time, with raw HTML switched off.

    Content is edited by hand; escaping raw HTML keeps a stray `<` from breaking the page
    and keeps script out of the published site.
    """

    # Source → (html, text), shared by every reader. A paragraph's HTML depends on its source
    # alone, and most sources are read many times: the editions repeat the current text, and
    # `portal serve` re-reads every file when one changes.
    _rendered: dict[str, tuple[str, str]] = {}

    def __init__(self) -> None:
        self._md = safe_markdown()

    def render(self, source: str) -> tuple[str, str]:
        if source not in self._rendered:
            html = self._md.reset().convert(source)
            if html.startswith("<p>") and html.endswith("</p>"):
                html = html[3:-4]
            if len(self._rendered) > 50_000:  # a long editing session: start afresh
                self._rendered.clear()
            self._rendered[source] = html, plain_text(html)
        return self._rendered[source]


def _front_matter(path: Path, lines: list[str], lang: str, errors: list[ContentError]) -> tuple[dict, int]:
    if not lines or lines[0].strip() != "---":
        errors.append(ContentError(path, 1, "missing front matter: the file must start with a '---' line"))
        return {}, 0
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        errors.append(ContentError(path, 1, "front matter is not closed by a '---' line"))
        return {}, len(lines)
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        # The context mark points at the construct that is broken (an unclosed '['), the
        # problem mark at where the parser gave up; staff need the first.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        errors.append(ContentError(path, line, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}"))
        return {}, end + 1
    if not isinstance(meta, dict):
        errors.append(ContentError(path, 2, "front matter must be a list of 'key: value' lines"))
        return {}, end + 1

    def line_of(key: str) -> int:
        return next((i + 1 for i in range(1, end) if lines[i].startswith(f"{key}:")), 1)

    for key, kind in REQUIRED_FIELDS.items():
        if key not in meta:
            errors.append(ContentError(path, end + 1, f"front matter lacks the field '{key}'"))
        elif not isinstance(meta[key], kind) or isinstance(meta[key], bool) or meta[key] in ("", None):
            errors.append(
                ContentError(
                    path, line_of(key), f"front matter field '{key}' must be a {kind.__name__}, not {meta[key]!r}"
                )
            )
    for key in meta:
        if key not in REQUIRED_FIELDS and key not in OPTIONAL_FIELDS:
            errors.append(ContentError(path, line_of(key), f"unknown front matter field '{key}'"))
    if isinstance(meta.get("chapter"), int) and meta["chapter"] < 0:
        errors.append(ContentError(path, line_of("chapter"), "chapter number cannot be negative"))
    if isinstance(meta.get("edition"), str) and not EDITION_RE.match(meta["edition"]):
        errors.append(
            ContentError(
                path, line_of("edition"), f"edition must start with a year, like '2022', not {meta['edition']!r}"
            )
        )
    if isinstance(meta.get("lang"), str) and meta["lang"] != lang:
        errors.append(
            ContentError(path, line_of("lang"), f"lang is {meta['lang']!r} but the file is in content/{lang}/")
        )
    if meta.get("chapter") == 0 and not isinstance(meta.get("plan_title"), str):
        errors.append(ContentError(path, end + 1, "chapter 0 must give the plan's title in the field 'plan_title'"))
    stem = path.stem.split("-", 1)[0]
    if isinstance(meta.get("chapter"), int) and (not stem.isdigit() or int(stem) != meta["chapter"]):
        errors.append(
            ContentError(
                path,
                line_of("chapter"),
                f"file name {path.name!r} does not match chapter {meta['chapter']} (expected {meta['chapter']:02d}.md)",
            )
        )
    return meta, end + 1


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


def parse_chapter(
    path: Path, lang: str, inline: _InlineMarkdown | None = None
) -> tuple[Chapter | None, dict, list[ContentError]]:
    """One chapter file → (Chapter, front matter, errors). Reading goes on after an error."""
    inline = inline or _InlineMarkdown()
    errors: list[ContentError] = []
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return None, {}, [ContentError(path, line, f"file is not valid UTF-8 (byte {exc.start})")]
    lines = raw.lstrip("\ufeff").splitlines()
    meta, body_start = _front_matter(path, lines, lang, errors)
    number = meta.get("chapter") if isinstance(meta.get("chapter"), int) else -1

    sections: list[Section] = []
    current, title = 0, None
    paragraphs: list[Paragraph] = []
    seen: dict[str, int] = {}

    def close_section() -> None:
        # A chapter without an introduction has no section 0 at all.
        if current > 0 or paragraphs:
            sections.append(Section(number, current, title, tuple(paragraphs)))

    for first, block in _blocks(lines, body_start):
        heading = HEADING_RE.match(block[0]) if block[0].startswith("#") else None
        if heading:
            level, text, attrs = heading.groups()
            if len(level) != 2:
                hint = (
                    "the chapter title belongs in the front matter"
                    if len(level) == 1
                    else "only '## ' section headings are allowed"
                )
                errors.append(ContentError(path, first, f"heading level {len(level)} is out of order: {hint}"))
                continue
            if len(block) > 1:
                errors.append(ContentError(path, first + 1, "a section heading must be followed by a blank line"))
            ident, _ = parse_attrs(ATTRS_RE.match(attrs).group(1)) if attrs else (None, {})
            expected = section_id(number, current + 1)
            if not ident:
                errors.append(ContentError(path, first, f"section heading has no id: end it with {{: #{expected} }}"))
            elif ident != expected:
                found = SECTION_ID.match(ident)
                errors.append(
                    ContentError(
                        path,
                        first,
                        f"heading out of order: expected section {expected}, found {ident}"
                        if found
                        else f"{ident!r} is not a section id like {expected}",
                    )
                )
            if not text:
                errors.append(ContentError(path, first, "section heading has no title"))
            close_section()
            current, title, paragraphs = current + 1, text, []
            continue

        attrs = ATTRS_RE.match(block[-1])
        if not attrs or len(block) < 2:
            errors.append(ContentError(path, first, "paragraph without an id: end it with a line like {: #c4s1p3 }"))
            continue
        ident, _extra = parse_attrs(attrs.group(1))
        match = PARAGRAPH_ID.match(ident or "")
        if not match:
            errors.append(
                ContentError(
                    path, first + len(block) - 1, f"{ident!r} is not a paragraph id like c{max(number, 0)}s1p1"
                )
            )
            continue
        if number >= 0 and int(match.group(1)) != number:
            errors.append(
                ContentError(
                    path,
                    first + len(block) - 1,
                    f"paragraph id belongs to chapter {match.group(1)}, not chapter {number}",
                    ident,
                )
            )
            continue
        if ident in seen:
            errors.append(
                ContentError(
                    path, first + len(block) - 1, f"duplicate paragraph id (first used on line {seen[ident]})", ident
                )
            )
            continue
        seen[ident] = first
        source = "\n".join(block[:-1])
        status, translated_from = None, None
        attr_line = first + len(block) - 1
        if lang != translation.SOURCE_LANG:
            status, translated_from = _extra.get("status"), _extra.get("source")
            if status not in translation.RECORDED:
                errors.append(
                    ContentError(
                        path,
                        attr_line,
                        f"status must be one of {', '.join(translation.RECORDED)}, not {status!r}",
                        ident,
                    )
                )
            if not translated_from or not translation.FINGERPRINT.match(translated_from):
                errors.append(
                    ContentError(
                        path,
                        attr_line,
                        "source= must give the 10-digit fingerprint of the Chinese paragraph (portal translation stamp)",
                        ident,
                    )
                )
            try:
                check_encoding(source)
            except MongolianTextError as exc:
                line = first + source[: exc.offset].count("\n")
                errors.append(ContentError(path, line, str(exc), ident))
                continue
        elif _extra:
            errors.append(
                ContentError(
                    path, attr_line, f"unknown attribute(s) {', '.join(sorted(_extra))} on a Chinese paragraph", ident
                )
            )
        html, text = inline.render(source)
        lead = LEAD_RE.match(source)
        paragraphs.append(
            Paragraph(
                ident,
                source,
                html,
                text,
                inline.render(lead.group(1))[1] if lead else None,
                first,
                lang,
                status,
                translated_from,
            )
        )

    close_section()
    if errors or number < 0:
        return None, meta, errors
    sections = [Section(s.chapter, s.number, s.title, s.paragraphs, lang) for s in sections]
    return Chapter(number, meta["title"], tuple(sections), path, lang), meta, []


def load_plan(content_dir: Path | str, lang: str, source: Plan | None = None) -> Plan:
    """All chapter files of one language. Raises ContentErrors listing every problem found.

    A translation is loaded against its `source` plan and takes the source's structure:
    every source paragraph appears, translated or marked missing, in the source's order.
    """
    folder = Path(content_dir) / lang
    files = sorted(folder.glob("*.md"))
    if not files:
        raise ContentErrors([ContentError(folder, None, "no chapter files (*.md) found")])
    inline = _InlineMarkdown()
    chapters: list[Chapter] = []
    errors: list[ContentError] = []
    editions: dict[str, Path] = {}
    first_path_of: dict[int, Path] = {}
    id_lines: dict[str, tuple[Path, int]] = {}
    plan_title = None
    for path in files:
        chapter, meta, file_errors = parse_chapter(path, lang, inline)
        errors.extend(file_errors)
        if isinstance(meta.get("edition"), str):
            editions.setdefault(meta["edition"], path)
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
        for paragraph in chapter.paragraphs:
            if paragraph.id in id_lines:
                other, line = id_lines[paragraph.id]
                errors.append(
                    ContentError(
                        path, paragraph.line, f"duplicate paragraph id (also in {other.name} line {line})", paragraph.id
                    )
                )
            id_lines[paragraph.id] = (path, paragraph.line)
        if chapter.number == 0:
            plan_title = meta.get("plan_title")
        chapters.append(chapter)
    if len(editions) > 1:
        names = ", ".join(f"{edition!r} in {path.name}" for edition, path in editions.items())
        errors.append(ContentError(folder, None, f"chapter files disagree on the edition: {names}"))
    if not errors and 0 not in first_path_of:
        errors.append(ContentError(folder, None, "chapter 0 (title block and preface, 00.md) is missing"))
    if source is not None and editions and next(iter(editions)) != source.edition:
        errors.append(
            ContentError(
                folder, None, f"edition {next(iter(editions))!r} differs from the Chinese edition {source.edition!r}"
            )
        )
    if source is not None and not errors:
        return _align(source, lang, chapters, plan_title, errors)
    if errors:
        raise ContentErrors(errors)
    chapters.sort(key=lambda c: c.number)
    return Plan(lang, next(iter(editions)), plan_title, tuple(chapters), lang)


def _align(
    source: Plan, lang: str, chapters: list[Chapter], plan_title: str | None, errors: list[ContentError]
) -> Plan:
    """The translation laid over the source's structure, with each paragraph's status."""
    translated = {c.number: c for c in chapters}
    for chapter in chapters:
        for paragraph in chapter.paragraphs:
            if source.locate(paragraph.id) is None:
                errors.append(
                    ContentError(chapter.path, paragraph.line, "no Chinese paragraph has this id", paragraph.id)
                )
        for section in chapter.titled_sections:
            if source.chapter(chapter.number) and section.number not in {
                s.number for s in source.chapter(chapter.number).sections
            }:
                errors.append(
                    ContentError(chapter.path, None, f"section {section.id} does not exist in the Chinese text")
                )
    if errors:
        raise ContentErrors(errors)
    aligned = []
    for original in source.chapters:
        mine = translated.get(original.number)
        by_id = {p.id: p for p in mine.paragraphs} if mine else {}
        titles = {s.number: s.title for s in mine.sections} if mine else {}
        sections = []
        for section in original.sections:
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
            sections.append(
                Section(
                    section.chapter, section.number, title, tuple(paragraphs), lang if has_title else section.title_lang
                )
            )
        title, title_lang = (mine.title, lang) if mine else (original.title, original.title_lang)
        aligned.append(Chapter(original.number, title, tuple(sections), mine.path if mine else None, title_lang))
    edition = source.edition
    return Plan(lang, edition, plan_title or source.title, tuple(aligned), lang if plan_title else source.title_lang)


def load_plans(content_dir: Path | str) -> dict[str, Plan]:
    """Every language with content, translations aligned to the Chinese source."""
    languages = available_languages(content_dir)
    if translation.SOURCE_LANG not in languages:
        raise ContentErrors(
            [ContentError(Path(content_dir) / translation.SOURCE_LANG, None, "no chapter files (*.md) found")]
        )
    source = load_plan(content_dir, translation.SOURCE_LANG)
    plans, errors = {source.lang: source}, []
    for lang in languages:
        if lang != source.lang:
            try:
                plans[lang] = load_plan(content_dir, lang, source)
            except ContentErrors as exc:
                errors.extend(exc.errors)
    if errors:
        raise ContentErrors(errors)
    return plans


def load_synonyms(content_dir: Path | str) -> tuple[tuple[str, ...], ...]:
    """`content/synonyms.yaml`: groups of Chinese forms that a search treats as one."""
    path = Path(content_dir) / "synonyms.yaml"
    if not path.exists():
        return ()
    try:
        groups = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or []
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentErrors(
            [ContentError(path, mark.line + 1 if mark else None, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
        )
    lines = path.read_text(encoding="utf-8").splitlines()
    group_lines = [number for number, line in enumerate(lines, start=1) if line.lstrip().startswith("-")]
    errors, seen, result = [], {}, []
    if not isinstance(groups, list):
        raise ContentErrors([ContentError(path, 1, "must be a list of groups like [低保, 最低生活保障]")])
    for index, group in enumerate(groups):
        line = group_lines[index] if index < len(group_lines) else None
        if (
            not isinstance(group, list)
            or len(group) < 2
            or not all(isinstance(f, (str, int)) and str(f).strip() for f in group)
        ):
            errors.append(ContentError(path, line, "a group must list at least two forms"))
            continue
        forms = tuple(str(f).strip() for f in group)
        for form in forms:
            if form in seen:
                errors.append(ContentError(path, line, f"{form!r} is already in the group on line {seen[form]}"))
            seen.setdefault(form, line)
        result.append(forms)
    if errors:
        raise ContentErrors(errors)
    return tuple(result)


GLOSSARY_FILES = {"glossary.yaml": "category", "places.yaml": "kind"}
ENTRY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# The entries of the last glossary read, by the hashes of the files: `portal serve` re-reads
# the content after every edit, and parsing the glossary's YAML is the slowest part of that.
_last_glossary: tuple = (None, None)


def load_glossary(content_dir: Path | str) -> Glossary:
    """`content/glossary.yaml` (terms) and `content/places.yaml`, checked entry by entry."""
    global _last_glossary
    paths = [Path(content_dir) / name for name in GLOSSARY_FILES]
    key = tuple(hashlib.sha256(path.read_bytes()).digest() if path.exists() else None for path in paths)
    if _last_glossary[0] != key:
        glossary = _read_glossary(content_dir)  # raises on errors, and nothing is kept
        _last_glossary = (key, (glossary.terms, glossary.places))
    return Glossary(*_last_glossary[1])  # a new object: its caches belong to one version of the plans


def _read_glossary(content_dir: Path | str) -> Glossary:
    errors: list[ContentError] = []
    loaded: dict[str, tuple[Entry, ...]] = {}
    claimed: dict[str, tuple[Path, int, str]] = {}
    ids: dict[str, tuple[Path, int]] = {}
    for name, kind_field in GLOSSARY_FILES.items():
        path = Path(content_dir) / name
        loaded[name] = ()
        if not path.exists():
            continue
        try:
            data, node = _yaml_with_lines(path)
        except ContentErrors as exc:  # reported with the other file's problems
            errors.extend(exc.errors)
            continue
        if data is None:  # an empty file: no entries yet
            data, node = [], None
        if not isinstance(data, list):
            errors.append(ContentError(path, 1, "must be a list of entries"))
            continue
        lines = [item.start_mark.line + 1 for item in node.value] if node else []
        entries = []
        for item, line in zip(data, lines):
            entry = _glossary_entry(path, line, item, kind_field, errors)
            if entry is None:
                continue
            if entry.id in ids:
                errors.append(
                    ContentError(
                        path, line, f"id {entry.id!r} is also used in {ids[entry.id][0].name} line {ids[entry.id][1]}"
                    )
                )
            ids.setdefault(entry.id, (path, line))
            for form in entry.zh:
                if form in claimed:
                    other = claimed[form]
                    errors.append(
                        ContentError(
                            path, line, f"{form!r} is already claimed by {other[2]!r} ({other[0].name} line {other[1]})"
                        )
                    )
                claimed.setdefault(form, (path, line, entry.id))
            entries.append(entry)
        loaded[name] = tuple(entries)
    for name, entries in loaded.items():
        for entry in entries:
            for form in entry.related:
                if form in claimed:
                    errors.append(
                        ContentError(
                            Path(content_dir) / name,
                            entry.line,
                            f"related word {form!r} is a form of {claimed[form][2]!r}; a word leads to one entry",
                        )
                    )
    if errors:
        raise ContentErrors(errors)
    return Glossary(loaded["glossary.yaml"], loaded["places.yaml"])


def _glossary_entry(path: Path, line: int, item, kind_field: str, errors: list[ContentError]) -> Entry | None:
    required = ("id", "zh", "mn", kind_field, "definition_zh", "definition_mn", "status")
    if not isinstance(item, dict):
        errors.append(ContentError(path, line, "an entry must be a set of 'key: value' lines"))
        return None
    problems = [f"lacks {key!r}" for key in required if not item.get(key)]
    problems += [
        "occurrences are computed from the text; remove this field"
        if key == "occurrences"
        else f"unknown field {key!r}"
        for key in item
        if key not in required and key not in ("source", "related")
    ]
    ident = str(item.get("id", ""))
    if ident and not ENTRY_ID.match(ident):
        problems.append(f"id {ident!r} must be lower-case letters, digits and hyphens")
    forms = item.get("zh")
    if not isinstance(forms, list) or not all(isinstance(f, str) and len(f.strip()) >= 2 for f in forms):
        problems.append("zh must be a list of Chinese forms of at least two characters")
    related = item.get("related") or []
    if not isinstance(related, list) or not all(isinstance(f, str) and len(f.strip()) >= 2 for f in related):
        problems.append("related must be a list of Chinese words of at least two characters")
        related = []
    if item.get("status") not in translation.RECORDED:
        problems.append(f"status must be one of {', '.join(translation.RECORDED)}")
    for key in ("mn", "definition_mn"):
        try:
            check_encoding(str(item.get(key, "")))
        except MongolianTextError as exc:
            problems.append(f"{key}: {exc}")
    if problems:
        errors.extend(ContentError(path, line, problem, ident or None) for problem in problems)
        return None
    return Entry(
        ident,
        tuple(f.strip() for f in forms),
        str(item["mn"]).strip(),
        str(item["definition_zh"]).strip(),
        str(item["definition_mn"]).strip(),
        item["status"],
        str(item[kind_field]),
        str(item.get("source", "")),
        line,
        tuple(f.strip() for f in related),
    )


def available_languages(content_dir: Path | str) -> tuple[str, ...]:
    """Languages with at least one chapter file, in the portal's fixed order."""
    return tuple(lang for lang in LANGUAGES if any((Path(content_dir) / lang).glob("*.md")))


def _yaml_with_lines(path: Path):
    """(data, node) of a YAML file, or a ContentError naming the line that breaks it."""
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.load(text, Loader=YAML_LOADER), yaml.compose(text, Loader=YAML_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentErrors(
            [ContentError(path, mark.line + 1 if mark else None, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
        )


def _node_items(node, key: str) -> list:
    """The YAML nodes of the list under `key` in a mapping node (they know their lines)."""
    for k, v in getattr(node, "value", []):
        if getattr(k, "value", None) == key and isinstance(getattr(v, "value", None), list):
            return v.value
    return []


def _node_lines(node, key: str) -> list[int]:
    return [item.start_mark.line + 1 for item in _node_items(node, key)]


def load_figures(content_dir: Path | str, source: Plan) -> Figures:
    """`content/figures.yaml`, each value checked against its source paragraphs' Chinese text."""
    path = Path(content_dir) / "figures.yaml"
    if not path.exists():
        return Figures()
    data, node = _yaml_with_lines(path)
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k), t) for k, t in (("categories", list), ("units", dict), ("indicators", list))
    ):
        raise ContentErrors(
            [ContentError(path, 1, "must have 'categories' (a list), 'units' (a mapping) and 'indicators' (a list)")]
        )
    errors: list[ContentError] = []
    categories = []
    for item, line in zip(data["categories"], _node_lines(node, "categories")):
        if not isinstance(item, dict) or not all(item.get(k) for k in ("id", "zh", "mn")):
            errors.append(ContentError(path, line, "a category needs 'id', 'zh' and 'mn'"))
            continue
        categories.append(Category(str(item["id"]), str(item["zh"]), str(item["mn"])))
    units = {str(k): str(v) for k, v in data["units"].items()}
    paragraphs = {p.id: p for p in source.paragraphs}
    indicators, ids = [], {}
    for item, item_node in zip(data["indicators"], _node_items(node, "indicators")):
        line = item_node.start_mark.line + 1
        indicator = _indicator(
            path, line, item, _node_lines(item_node, "values"), {c.id for c in categories}, units, paragraphs, errors
        )
        if indicator is None:
            continue
        if indicator.id in ids:
            errors.append(ContentError(path, line, f"id {indicator.id!r} is also used on line {ids[indicator.id]}"))
        ids.setdefault(indicator.id, line)
        indicators.append(indicator)
    for text, where in [(c.mn, c.id) for c in categories] + [(v, k) for k, v in units.items()]:
        try:
            check_encoding(text)
        except MongolianTextError as exc:
            errors.append(ContentError(path, None, f"{where}: {exc}"))
    if errors:
        raise ContentErrors(errors)
    return Figures(tuple(categories), units, tuple(indicators))


def _indicator(
    path: Path,
    line: int,
    item,
    value_lines: list[int],
    categories: set[str],
    units: dict,
    paragraphs: dict,
    errors: list[ContentError],
) -> Indicator | None:
    fields = ("id", "category", "zh", "mn", "unit", "sources", "values", "parts", "status")
    if not isinstance(item, dict):
        errors.append(ContentError(path, line, "an indicator must be a set of 'key: value' lines"))
        return None
    ident = str(item.get("id", ""))
    problems = [
        f"lacks {key!r}" for key in ("id", "category", "zh", "mn", "sources", "values", "status") if not item.get(key)
    ]
    problems += [f"unknown field {key!r}" for key in item if key not in fields]
    if ident and not ENTRY_ID.match(ident):
        problems.append(f"id {ident!r} must be lower-case letters, digits and hyphens")
    if item.get("category") and item["category"] not in categories:
        problems.append(f"unknown category {item['category']!r} (categories: {', '.join(sorted(categories))})")
    unit = str(item.get("unit") or "")
    if unit and unit not in units:
        problems.append(f"unit {unit!r} has no Mongolian form under 'units'")
    if item.get("status") not in translation.RECORDED:
        problems.append(f"status must be one of {', '.join(translation.RECORDED)}")
    try:
        check_encoding(str(item.get("mn", "")))
    except MongolianTextError as exc:
        problems.append(f"mn: {exc}")
    sources = item.get("sources") if isinstance(item.get("sources"), list) else []
    problems += [f"source paragraph {pid!r} does not exist" for pid in sources if pid not in paragraphs]
    texts = [paragraphs[pid].text for pid in sources if pid in paragraphs]
    values = []
    raws = item.get("values") if isinstance(item.get("values"), list) else []
    for raw, value_line in zip(raws, value_lines):
        value = _figure_value(raw, value_line, problems)
        if value is None:
            continue
        if value.numbers and not unit:
            problems.append(f"value {value.written!r} is a number, so the indicator needs a 'unit'")
        if texts and not any(appears_in(value, text) for text in texts):
            what = repr(value.text_zh) if value.text_zh else f"{value.written!r}"
            # named at the value's own line: that is the line to fix
            errors.append(
                ContentError(
                    path,
                    value_line,
                    f"value {what} ({value.period}) does not appear in the Chinese text of {', '.join(sources)}",
                    ident,
                )
            )
            continue
        values.append(value)
    parts = tuple(
        Part(str(p.get("zh", "")), str(p.get("mn", ""))) for p in item.get("parts") or [] if isinstance(p, dict)
    )
    for value in values:
        if value.is_shares and len(value.numbers) != len(parts):
            problems.append(f"value {value.written!r} has {len(value.numbers)} shares but 'parts' names {len(parts)}")
    if problems or len(values) < len(raws):
        errors.extend(ContentError(path, line, problem, ident or None) for problem in problems)
        return None
    return Indicator(
        ident,
        item["category"],
        str(item["zh"]),
        str(item["mn"]),
        unit,
        tuple(sources),
        tuple(values),
        parts,
        item["status"],
        line,
    )


def _figure_value(raw, line: int, problems: list[str]) -> Value | None:
    if not isinstance(raw, dict) or not raw.get("period") or raw.get("kind") not in FIGURE_KINDS:
        problems.append(f"each value needs a 'period' and a 'kind' ({' or '.join(FIGURE_KINDS)})")
        return None
    qualifier = raw.get("qualifier") or ""
    if qualifier and qualifier not in QUALIFIERS:
        problems.append(f"qualifier must be one of {', '.join(QUALIFIERS)}")
    text = raw.get("text")
    if isinstance(text, dict) and text.get("zh") and text.get("mn"):
        return Value(str(raw["period"]), raw["kind"], "", str(text["zh"]), str(text["mn"]), qualifier, line)
    written = str(raw.get("value", "")).strip()
    if not NUMBER.fullmatch(written) and not RANGE.match(written) and not SHARES.match(written):
        problems.append(
            f"value {written!r} must be a number, a range like 3—5, shares like 8.5:44.5:47, or a 'text' with zh and mn"
        )
        return None
    return Value(str(raw["period"]), raw["kind"], written, "", "", qualifier, line)


EDITION_FIELDS = {
    "date": str,
    "title_zh": str,
    "title_mn": str,
    "note_zh": str,
    "note_mn": str,
    "demonstration": bool,
    "based_on": str,
}


def load_editions(content_dir: Path | str, current: dict[str, Plan]) -> Editions:
    """content/editions/<name>/ (edition.yaml beside zh/ and mn/ chapter files), oldest first.

    The current edition is the one the chapter files in content/ name; its text is `current`,
    even when a frozen copy of it exists (that copy gives its date and title)."""
    root = Path(content_dir) / "editions"
    errors: list[ContentError] = []
    found: list[Edition] = []
    snapshots: dict[str, Plan] = {}
    for folder in sorted(p for p in root.glob("*") if p.is_dir()) if root.exists() else []:
        meta_path = folder / "edition.yaml"
        if not EDITION_NAME.match(folder.name):
            errors.append(
                ContentError(
                    folder,
                    None,
                    "an edition folder is named like 2022 or 2023-adjustment (a year first; lower-case letters, digits, '.', '-')",
                )
            )
            continue
        if not meta_path.exists():
            errors.append(
                ContentError(meta_path, None, "every edition folder needs an edition.yaml with its date and title")
            )
            continue
        try:
            meta, _ = _yaml_with_lines(meta_path)
        except ContentErrors as exc:
            errors.extend(exc.errors)
            continue
        if not isinstance(meta, dict):
            errors.append(
                ContentError(
                    meta_path,
                    1,
                    "must be 'key: value' lines: date, title_zh, title_mn, and optionally note_zh, note_mn, demonstration",
                )
            )
            continue
        lines = {
            key: n
            for n, text in enumerate(meta_path.read_text(encoding="utf-8").splitlines(), 1)
            for key in meta
            if text.startswith(f"{key}:")
        }
        problems = [(lines.get(k, 1), f"lacks {k!r}") for k in ("date", "title_zh", "title_mn") if not meta.get(k)]
        problems += [
            (lines[k], f"unknown field {k!r} (fields: {', '.join(EDITION_FIELDS)})")
            for k in meta
            if k not in EDITION_FIELDS
        ]
        date = str(meta.get("date", ""))
        if date and not EDITION_DATE.match(date):
            problems.append((lines.get("date", 1), f"date must be a year or a date like 2023-06-30, not {date!r}"))
        if "demonstration" in meta and not isinstance(meta["demonstration"], bool):
            problems.append((lines["demonstration"], "demonstration must be true or false"))
        if problems:
            errors.extend(ContentError(meta_path, line, message) for line, message in problems)
            continue
        plans: dict[str, Plan] = {}
        snapshot = None  # the recorded text of the current edition, for the id history
        if folder.name == current[translation.SOURCE_LANG].edition:
            try:
                snapshot = load_plan(folder, translation.SOURCE_LANG)
            except ContentErrors as exc:
                errors.extend(exc.errors)
                continue
        if folder.name != current[translation.SOURCE_LANG].edition:
            try:
                plans[translation.SOURCE_LANG] = load_plan(folder, translation.SOURCE_LANG)
                if (folder / "mn").exists():
                    plans["mn"] = load_plan(folder, "mn", plans[translation.SOURCE_LANG])
            except ContentErrors as exc:
                errors.extend(exc.errors)
                continue
            if plans[translation.SOURCE_LANG].edition != folder.name:
                errors.append(
                    ContentError(
                        folder / "zh",
                        None,
                        f"the chapter files say edition {plans[translation.SOURCE_LANG].edition!r}, but the folder is {folder.name!r}",
                    )
                )
                continue
        else:
            plans = dict(current)
        found.append(
            Edition(
                folder.name,
                date,
                str(meta["title_zh"]),
                str(meta["title_mn"]),
                str(meta.get("note_zh", "")),
                str(meta.get("note_mn", "")),
                bool(meta.get("demonstration", False)),
                str(meta.get("based_on", "")),
                folder,
                plans,
                lines.get("based_on", 1),
            )
        )
        if snapshot is not None:
            snapshots[folder.name] = snapshot
    name = current[translation.SOURCE_LANG].edition
    if not any(e.name == name for e in found):
        found.append(Edition(name, name[:4], name, name, plans=dict(current)))
    found.sort(key=lambda e: (e.date, e.name))
    editions = Editions(tuple(found), name)
    for item in found:
        if item.based_on and editions.get(item.based_on) is None:
            errors.append(
                ContentError(
                    item.path / "edition.yaml",
                    item.line,
                    f"based_on names edition {item.based_on!r}, which does not exist",
                )
            )
    if errors:
        raise ContentErrors(errors)
    # Id history, along each edition's line of descent; content/ follows the record of its own
    # edition (it may have changed since).
    reported = set()
    for item in found:
        history = []
        for e in editions.lineage(item.name):
            if e.name == name and name in snapshots:
                history.append((e.name, snapshots[name]))
            history.append((e.name if e.name != name else f"{name} (content/)", e.plans[translation.SOURCE_LANG]))
        for ident, dropped, back in reused_ids(history):
            dropped, back = dropped.replace(" (content/)", ""), back.replace(" (content/)", "")
            if (ident, back) in reported:
                continue
            reported.add((ident, back))
            where = current[translation.SOURCE_LANG].locate(ident) if back == name else None
            path = where[0].path if where else Path(content_dir) / "editions" / back / "zh"
            errors.append(
                ContentError(
                    path,
                    where[2].line if where else None,
                    f"id reused: a paragraph with this id was removed in edition {dropped}, and ids never come back; give this paragraph a new id",
                    ident,
                    "edition",
                )
            )
    if errors:
        raise ContentErrors(errors)
    return editions


NOTICE_FIELDS = {"title": str, "date": (str, dt.date), "demonstration": bool}


def load_notices(content_dir: Path | str) -> Notices:
    """content/updates/<YYYY-MM-DD>-<slug>.<lang>.md, newest first per language."""
    folder = Path(content_dir) / "updates"
    errors: list[ContentError] = []
    by_lang: dict[str, list[Notice]] = {}
    renderer = safe_markdown()
    for path in sorted(folder.glob("*.md")) if folder.exists() else []:
        name = NOTICE_FILE.match(path.name)
        if not name:
            errors.append(
                ContentError(
                    path,
                    None,
                    "a notice file is named <YYYY-MM-DD>-<slug>.<zh|mn>.md, e.g. 2023-06-30-chapter-5-adjustment.zh.md",
                )
            )
            continue
        try:
            lines = path.read_bytes().decode("utf-8").lstrip("\ufeff").splitlines()
        except UnicodeDecodeError as exc:
            errors.append(ContentError(path, None, f"file is not valid UTF-8 (byte {exc.start})"))
            continue
        if not lines or lines[0].strip() != "---" or "---" not in [l.strip() for l in lines[1:]]:
            errors.append(
                ContentError(path, 1, "a notice starts with front matter between '---' lines: title and date")
            )
            continue
        end = 1 + [l.strip() for l in lines[1:]].index("---")
        try:
            meta = yaml.load("\n".join(lines[1:end]), Loader=YAML_LOADER) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            errors.append(
                ContentError(
                    path,
                    mark.line + 2 if mark else 1,
                    f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                )
            )
            continue
        line_of = lambda key: next((n + 1 for n in range(1, end) if lines[n].startswith(f"{key}:")), 1)  # noqa: E731
        problems = [
            (1, f"front matter lacks {key!r}")
            for key in ("title", "date")
            if not isinstance(meta, dict) or not meta.get(key)
        ]
        if isinstance(meta, dict):
            problems += [
                (line_of(k), f"unknown field {k!r} (fields: title, date, demonstration)")
                for k in meta
                if k not in NOTICE_FIELDS
            ]
            date = meta.get("date")
            if date and not isinstance(date, dt.date):
                try:
                    date = dt.date.fromisoformat(str(date))
                except ValueError:
                    problems.append((line_of("date"), f"date must be a day like 2023-06-30, not {date!r}"))
            if isinstance(date, dt.date) and date.isoformat() != name.group(1):
                problems.append(
                    (
                        line_of("date"),
                        f"date {date.isoformat()} differs from the date in the file name ({name.group(1)})",
                    )
                )
        body = "\n".join(lines[end + 1 :]).strip()
        if not body:
            problems.append((end + 1, "the notice has no text after its front matter"))
        try:
            check_encoding(body + str(meta.get("title", "")) if isinstance(meta, dict) else body)
        except MongolianTextError as exc:
            problems.append((end + 1, str(exc)))
        if problems:
            errors.extend(ContentError(path, line, message) for line, message in problems)
            continue
        by_lang.setdefault(name.group(3), []).append(
            Notice(
                name.group(2),
                name.group(3),
                str(meta["title"]).strip(),
                date,
                renderer.reset().convert(body),
                bool(meta.get("demonstration", False)),
                path,
            )
        )
    if errors:
        raise ContentErrors(errors)
    return Notices(
        {lang: tuple(sorted(items, key=lambda n: (n.date, n.slug), reverse=True)) for lang, items in by_lang.items()}
    )
