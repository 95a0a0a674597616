"""Numbers in the text, and Chinese numerals for chapter and section labels (第十二章, 第三节).

The seed text labels chapters and sections in Chinese numerals; the content files store plain
numbers, and pages print the label in the reader's language.
"""

from __future__ import annotations

import re

#: A number as the plan writes it in digits (5.4, 43694, 2035): translations must keep every
#: one, and every key figure must be one of its source paragraph's.
NUMBER = re.compile(r"\d+(?:\.\d+)?")

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))
#: Chapter and section numbers go up to this; `portal check` refuses larger ones.
LARGEST = 9999


def to_chinese(n: int) -> str:
    """12 → 十二, 101 → 一百零一, 1010 → 一千零一十: chapter and section labels up to 9999."""
    if not 0 <= n <= LARGEST:
        raise ValueError(f"{n} is outside the range of chapter and section numbers (0 to {LARGEST})")
    if n < 10:
        return _DIGITS[n]
    out, rest, gap = "", n, False
    for value, unit in _UNITS:
        digit, rest = divmod(rest, value)
        if digit:
            if gap:
                out += "零"  # 一百零一: a skipped place is read as 零, once
            # 十二 below a hundred; 一百一十 above it
            out += ("" if digit == 1 and value == 10 and n < 100 else _DIGITS[digit]) + unit
            gap = False
        elif out:
            gap = True
    return out + (("零" if gap else "") + _DIGITS[rest] if rest else "")


def from_chinese(text: str) -> int:
    """The number of a Chinese numeral label (十二 → 12, 一百零一 → 101)."""
    units = {unit: value for value, unit in _UNITS}
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS.index(ch)
        elif ch in units:
            total += (1 if digit is None else digit) * units[ch]
            digit = None
        else:
            break
    else:
        number = total + (digit or 0)
        if text and to_chinese(number) == text:
            return number
    raise ValueError(f"not a Chinese numeral of a chapter or section number: {text!r}")
