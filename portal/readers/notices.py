"""`content/updates/<YYYY-MM-DD>-<slug>.<lang>.md`: update notices, newest first per language.

Front matter (title, date) and a short Markdown body, rendered by the same safe Markdown as
the chapters. The slug joins the languages of one notice.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model.languages import CODES
from ..model.notices import Notice, Notices
from ..text.markdown import InlineRenderer, refused_url_errors
from ..text.mongolian import MongolianTextError, check_encoding
from .files import content_files, read_text
from .frontmatter import FrontMatter, day_field, field_problems, read_front_matter

NOTICE_FILE = re.compile(rf"^(\d{{4}}-\d{{2}}-\d{{2}})-([a-z0-9]+(?:-[a-z0-9]+)*)\.({'|'.join(CODES)})\.md$")
NOTICE_FIELDS = ("title", "date", "demonstration")


def _problems(front: FrontMatter, day_in_name: str, body: str) -> tuple[list[tuple[int, str]], dt.date | None]:
    meta = front.meta
    problems = field_problems(front, ("title", "date"), NOTICE_FIELDS)
    date = day_field(front, "date", "2023-06-30", problems)
    if date and date.isoformat() != day_in_name:
        message = f"date {date.isoformat()} differs from the date in the file name ({day_in_name})"
        problems.append((front.line("date"), message))
    if not body:
        problems.append((front.body_start, "the notice has no text after its front matter"))
    try:
        check_encoding(body + str(meta.get("title", "")))
    except MongolianTextError as exc:
        problems.append((front.body_start, str(exc)))
    return problems, date


def _read_notice(path: Path, renderer: InlineRenderer, errors: list[ContentError]) -> Notice | None:
    name = NOTICE_FILE.match(path.name)
    if not name:
        message = "a notice file is named <YYYY-MM-DD>-<slug>.<zh|mn>.md, e.g. 2023-06-30-chapter-5-adjustment.zh.md"
        errors.append(ContentError(path, None, message))
        return None
    try:
        lines = read_text(path).splitlines()
    except ContentErrors as exc:
        errors.extend(exc.errors)
        return None
    if not lines or lines[0].strip() != "---" or "---" not in [line.strip() for line in lines[1:]]:
        errors.append(ContentError(path, 1, "a notice starts with front matter between '---' lines: title and date"))
        return None
    file_errors: list[ContentError] = []
    front = read_front_matter(path, lines, file_errors, "")
    if file_errors:
        errors.extend(file_errors)
        return None
    body = "\n".join(lines[front.body_start :]).strip()
    problems, date = _problems(front, name.group(1), body)
    if problems:
        errors.extend(ContentError(path, line, message) for line, message in problems)
        return None
    meta = front.meta
    body_line = front.body_start + 1 + next((i for i, line in enumerate(lines[front.body_start :]) if line.strip()), 0)
    errors.extend(refused_url_errors(path, body_line, body, renderer.refused(body)))
    return Notice(
        name.group(2),
        name.group(3),
        str(meta["title"]).strip(),
        date,
        renderer.block(body),
        bool(meta.get("demonstration", False)),
        path,
        body,
        body_line,
    )


def load_notices(content_dir: Path | str, renderer: InlineRenderer | None = None) -> Notices:
    folder = Path(content_dir) / "updates"
    renderer = renderer or InlineRenderer()
    errors: list[ContentError] = []
    by_lang: dict[str, list[Notice]] = {}
    for path in content_files(folder, "*.md", inside=folder.parent) if folder.exists() else []:
        notice = _read_notice(path, renderer, errors)
        if notice is not None:
            by_lang.setdefault(notice.lang, []).append(notice)
    if errors:
        raise ContentErrors(errors)
    newest_first = {
        lang: tuple(sorted(items, key=lambda n: (n.date, n.slug), reverse=True)) for lang, items in by_lang.items()
    }
    return Notices(newest_first)
