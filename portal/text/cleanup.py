"""Repair of the PDF text export's damage, without changing a character of meaning.

The export put spaces inside Chinese (`纲 要`, `“ 十四五 ”`) and ASCII punctuation where the
print had full-width marks (`5.4% , 500`). Repairs are limited to two things: whitespace, and
the explicit PUNCTUATION table below. `tests/test_import.py` proves for every paragraph that
source and result are equal once both go through that table and lose their whitespace.
"""

from __future__ import annotations

import re

#: ASCII marks the export used in place of the full-width marks of the printed plan.
#: A mark between two digits (the ratio 8.5:44.5:47, a thousands comma) is left as it is.
PUNCTUATION = {
    ",": "，",
    ";": "；",
    ":": "：",
    "(": "（",
    ")": "）",
    "?": "？",
    "!": "！",
}

_SPACES = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def _keeps_space(before: str, after: str) -> bool:
    # Chinese is written without spaces; only two Latin words or numbers need one between them.
    return bool(before and after and _ASCII_WORD.match(before[-1]) and _ASCII_WORD.match(after[0]))


def collapse_spaces(text: str) -> str:
    parts = _SPACES.split(text.strip())
    out = parts[0]
    for part in parts[1:]:
        out += (" " if _keeps_space(out, part) else "") + part
    return out


def full_width_punctuation(text: str) -> str:
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in PUNCTUATION:
            continue
        before = chars[i - 1] if i > 0 else ""
        after = chars[i + 1] if i + 1 < len(chars) else ""
        if before.isdigit() and after.isdigit():
            continue
        chars[i] = PUNCTUATION[ch]
    return "".join(chars)


def clean(text: str) -> str:
    return full_width_punctuation(collapse_spaces(text))


def comparable(text: str) -> str:
    """The form in which source and cleaned text must be identical: table applied, no whitespace."""
    return "".join(PUNCTUATION.get(ch, ch) for ch in text if not ch.isspace())
