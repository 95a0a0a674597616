"""The statements a public site owes its readers, in every language: "about this site" and
the accessibility statement. Staff write them as content/statements/<name>.<lang>.md."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

#: The statements the site publishes, each at /<lang>/<name>/.
NAMES = ("about", "accessibility")


@dataclass(frozen=True)
class Statement:
    name: str  # about | accessibility
    lang: str
    title: str
    updated: dt.date  # when its text last changed in substance
    html: str  # the body, rendered by the safe Markdown
    status: str = ""  # a translation's: draft | reviewed ("" for the Chinese)
    path: Path | None = None


@dataclass(frozen=True)
class Statements:
    by_key: dict  # (name, lang) → Statement

    def get(self, name: str, lang: str) -> Statement | None:
        return self.by_key.get((name, lang))
