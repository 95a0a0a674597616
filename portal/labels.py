"""How chapter and section numbers are spoken in each language: 第四章, 第一节.

Content files store plain numbers; the label is a matter of presentation and language.
"""

from __future__ import annotations

from .numerals import to_chinese


def chapter_label(number: int, lang: str) -> str:
    return f"第{to_chinese(number)}章"


def section_label(number: int, lang: str) -> str:
    return f"第{to_chinese(number)}节"
