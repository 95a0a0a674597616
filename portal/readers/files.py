"""Opening content files: which files count, UTF-8 with the line of a bad byte, size limits.

Editors leave files beside the ones they edit: Emacs a lock `.#05.md` (often a symbolic link
to nowhere) and a backup `05.md~`, Vim a swap file `.05.md.swp`. Those are never content and
are skipped, and `portal check` lists them as notes. A symbolic link that leads nowhere, or
out of the content folder, is an error with its name, never a traceback.

The limits keep check and build linear in the size of the content: a 50 MB paragraph is a
mistake (a pasted file), not a plan. Each is many times the largest file and paragraph of the
plan; README.md lists them.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from pathlib import Path

from ..errors import ContentError, ContentErrors

MAX_FILE_BYTES = 2_000_000  # the largest chapter file, content/mn/04.md, is about 100 kB
MAX_PARAGRAPH_CHARS = 20_000  # the longest paragraph has about 5 000 characters

#: Characters no content needs that can hide or reorder text on screen: C0 and C1 controls
#: (tab and line ends apart) and the bidirectional overrides and isolates of "Trojan source".
HIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

EDITOR_FILES = (".#*", "#*#", "*~", ".*.sw?", "*.bak", "*.orig", "*.tmp")


def is_editor_file(path: Path) -> bool:
    return any(fnmatch.fnmatch(path.name, pattern) for pattern in EDITOR_FILES)


def content_files(folder: Path, pattern: str, inside: Path | None = None) -> list[Path]:
    """The files of `folder` matching `pattern` (like "*.md"), sorted, editor files left out.
    Raises ContentErrors for symbolic links that lead nowhere or out of `inside` (the content
    folder; `folder` by default)."""
    found, errors = [], []
    inside = (inside or folder).resolve()
    for path in sorted(folder.glob(pattern)):
        if is_editor_file(path):
            continue
        if path.is_symlink():
            target = path.resolve()
            if not target.exists():
                message = f"is a symbolic link to {path.readlink()}, which does not exist"
                errors.append(ContentError(path, None, message))
                continue
            if not target.is_relative_to(inside):
                errors.append(ContentError(path, None, f"is a symbolic link out of the content folder (to {target})"))
                continue
        if path.is_file():
            found.append(path)
    if errors:
        raise ContentErrors(errors)
    return found


def editor_files(root: Path) -> tuple[Path, ...]:
    """The editor files under `root`, for `portal check` to mention."""
    return tuple(sorted(p for p in root.rglob("*") if is_editor_file(p)))


def read_text(path: Path) -> str:
    """The text of a content file, or a ContentError naming the line of the first bad byte."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            message = f"file is {size:,} bytes, more than the limit of {MAX_FILE_BYTES:,}"
            raise ContentErrors([ContentError(path, None, message)])
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentErrors([ContentError(path, None, f"cannot be read: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentErrors([ContentError(path, line, f"file is not valid UTF-8 (byte {exc.start})")]) from None
    hidden = HIDDEN.search(text)
    if hidden:
        ch = hidden.group()
        name = unicodedata.name(ch, "control character")
        line = text.count("\n", 0, hidden.start()) + 1
        message = f"invisible character U+{ord(ch):04X} ({name}) in the text; remove it"
        raise ContentErrors([ContentError(path, line, message)])
    return text
