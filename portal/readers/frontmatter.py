"""Front matter: the YAML between two '---' lines at the top of a chapter file or a notice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, ContentErrors
from .yamlfile import Yaml, parse_yaml


@dataclass(frozen=True)
class FrontMatter:
    meta: dict  # the fields; empty when the front matter is broken
    yaml: Yaml | None
    body_start: int  # index in the file's lines of the first line after the closing '---'

    def line(self, key: str) -> int:
        """The file line where `key` is written (1 when it is not written at all)."""
        return self.yaml.key_line(key) if self.yaml is not None else 1


def read_front_matter(path: Path, lines: list[str], errors: list[ContentError], missing: str) -> FrontMatter:
    """The front matter of `lines`; problems go to `errors` with their lines. `missing` is the
    message for a file that does not start with '---'."""
    if not lines or lines[0].strip() != "---":
        errors.append(ContentError(path, 1, missing))
        return FrontMatter({}, None, 0)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        errors.append(ContentError(path, 1, "front matter is not closed by a '---' line"))
        return FrontMatter({}, None, len(lines))
    try:
        parsed = parse_yaml("\n".join(lines[1:end]), path, first_line=2, what="front matter is not valid YAML")
    except ContentErrors as exc:
        errors.extend(exc.errors)
        return FrontMatter({}, None, end + 1)
    if parsed.data is None:
        return FrontMatter({}, parsed, end + 1)
    if not isinstance(parsed.data, dict):
        errors.append(ContentError(path, 2, "front matter must be a list of 'key: value' lines"))
        return FrontMatter({}, None, end + 1)
    return FrontMatter(parsed.data, parsed, end + 1)


def field_problems(front: FrontMatter, required: tuple[str, ...], fields: tuple[str, ...]) -> list[tuple[int, str]]:
    """The fields `required` that are missing and any field not among `fields`, at their lines."""
    meta = front.meta
    problems = [(1, f"front matter lacks {key!r}") for key in required if not meta.get(key)]
    known = ", ".join(fields)
    return problems + [(front.line(k), f"unknown field {k!r} (fields: {known})") for k in meta if k not in fields]


def day_field(front: FrontMatter, key: str, example: str, problems: list) -> dt.date | None:
    """Field `key` as a day of the calendar; a wrong one is added to `problems` at its line."""
    raw = front.meta.get(key)
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        problems.append((front.line(key), f"{key} must be a day like {example}, not {raw!r}"))
        return None
