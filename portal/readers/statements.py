"""`content/statements/<name>.<lang>.md`: the about page and the accessibility statement.

Front matter gives `title` and `updated` (a day), and for a translation its `status` (draft or
reviewed: only a certified translator's review makes it reviewed). The body is Markdown, rendered
by the same safe renderer as the chapters. Each statement must exist in every language.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model import translation
from ..model.languages import CODES, SOURCE_LANG
from ..model.statements import NAMES, Statement, Statements
from ..text.markdown import InlineRenderer, refused_url_errors
from ..text.mongolian import MongolianTextError, check_encoding
from .files import content_files, read_text
from .frontmatter import day_field, field_problems, read_front_matter

STATEMENT_FILE = re.compile(rf"^([a-z]+)\.({'|'.join(CODES)})\.md$")
FIELDS = ("title", "updated", "status")


def statement_files(content_dir: Path | str) -> list[Path]:
    folder = Path(content_dir) / "statements"
    return content_files(folder, "*.md", inside=folder.parent) if folder.exists() else []


def load_statements(content_dir: Path | str, renderer: InlineRenderer | None = None) -> Statements:
    renderer = renderer or InlineRenderer()
    errors: list[ContentError] = []
    found: dict[tuple[str, str], Statement] = {}
    for path in statement_files(content_dir):
        statement = _read(path, renderer, errors)
        if statement is not None:
            found[(statement.name, statement.lang)] = statement
    folder = Path(content_dir) / "statements"
    if folder.exists():  # a content folder without statements (a test fixture) publishes none
        for name in NAMES:
            for lang in CODES:
                if (name, lang) not in found and not (folder / f"{name}.{lang}.md").exists():
                    errors.append(
                        ContentError(folder / f"{name}.{lang}.md", None, f"the {name} statement is missing in {lang}")
                    )
    if errors:
        raise ContentErrors(errors)
    return Statements(found)


def _read(path: Path, renderer: InlineRenderer, errors: list[ContentError]) -> Statement | None:
    name = STATEMENT_FILE.match(path.name)
    if not name or name.group(1) not in NAMES:
        message = f"a statement file is named <{'|'.join(NAMES)}>.<{'|'.join(CODES)}>.md, e.g. about.zh.md"
        errors.append(ContentError(path, None, message))
        return None
    lines = read_text(path).splitlines()
    file_errors: list[ContentError] = []
    front = read_front_matter(path, lines, file_errors, "a statement starts with front matter between '---' lines")
    if file_errors:
        errors.extend(file_errors)
        return None
    meta, lang = front.meta, name.group(2)
    problems = field_problems(front, ("title", "updated"), FIELDS)
    updated = day_field(front, "updated", "2026-12-04", problems)
    status = str(meta.get("status") or "")
    if lang != SOURCE_LANG and status not in translation.RECORDED:
        problems.append(
            (front.line("status") or 1, f"a translation's status must be one of {', '.join(translation.RECORDED)}")
        )
    if lang == SOURCE_LANG and status:
        problems.append((front.line("status"), "the Chinese text is the authoritative one and has no status"))
    body = "\n".join(lines[front.body_start :]).strip()
    if not body:
        problems.append((front.body_start or 1, "the statement has no text after its front matter"))
    try:
        check_encoding(body + str(meta.get("title", "")))
    except MongolianTextError as exc:
        problems.append((front.body_start, str(exc)))
    if problems:
        errors.extend(ContentError(path, line, message) for line, message in problems)
        return None
    body_line = front.body_start + 1 + next((i for i, line in enumerate(lines[front.body_start :]) if line.strip()), 0)
    errors.extend(refused_url_errors(path, body_line, body, renderer.refused(body)))
    return Statement(name.group(1), lang, str(meta["title"]).strip(), updated, renderer.block(body), status, path)
