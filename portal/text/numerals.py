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


def to_chinese(n: int) -> str:
    if not 0 <= n < 100:
        raise ValueError(f"{n} is outside the range of chapter and section numbers")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def from_chinese(text: str) -> int:
    if text and all(ch in _DIGITS or ch == "十" for ch in text):
        for n in range(100):
            if to_chinese(n) == text:
                return n
    raise ValueError(f"not a Chinese numeral below 100: {text!r}")
