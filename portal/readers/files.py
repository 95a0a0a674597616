"""Opening content files: UTF-8 with the line of a bad byte, a byte-order mark ignored."""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, ContentErrors


def read_text(path: Path) -> str:
    """The text of a content file, or a ContentError naming the line of the first bad byte."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentErrors([ContentError(path, line, f"file is not valid UTF-8 (byte {exc.start})")]) from None
