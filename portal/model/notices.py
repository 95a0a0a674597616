"""Update notices: short announcements staff write in both languages, listed on
/<lang>/updates/, the latest on the home page, and published as an Atom feed per language.

A notice is content/updates/<YYYY-MM-DD>-<slug>.<lang>.md with front matter (title, date) and a
short Markdown body. The slug joins the two languages of one notice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Notice:
    slug: str  # "2022-edition-published": the anchor and the feed entry's id
    lang: str
    title: str
    date: dt.date
    html: str  # the body, rendered (raw HTML in the file is escaped)
    demonstration: bool = False
    path: Path | None = None
    source: str = ""  # the body as written, for the check of its links
    body_line: int = 0  # the file line where `source` starts

    @property
    def anchor(self) -> str:
        return f"notice-{self.slug}"


@dataclass(frozen=True)
class Notices:
    by_lang: dict  # lang → notices, newest first

    def of(self, lang: str) -> tuple[Notice, ...]:
        return self.by_lang.get(lang, ())

    def latest(self, lang: str) -> Notice | None:
        notices = self.of(lang)
        return notices[0] if notices else None
