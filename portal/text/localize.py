"""Numbers, dates and chapter labels in each portal language.

Babel has no formats for traditional-script Mongolian (its `mn` is Cyrillic Mongolia), so
the Mongolian forms are written here, after the usage of Inner Mongolia's official pages:
Western digits without grouping, `2015 ᠣᠨ ᠤ 6 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 29 ᠦ ᠡᠳᠦᠷ`, and ordinal words for
chapters (`ᠨᠢᠭᠡᠳᠦᠭᠡᠷ ᠪᠦᠯᠦᠭ`). Suffixes follow vowel harmony with the number word as it is read.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .mongolian import NNBSP, from_latin
from .numerals import LARGEST, to_chinese

# Cardinal and ordinal words, and whether the word takes front-vowel (ü) suffixes.
_UNITS = {
    1: ("nigen", "nigedüger", True),
    2: ("qoyar", "qoyaduγar", False),
    3: ("γurban", "γurbaduγar", False),
    4: ("dörben", "dörbedüger", True),
    5: ("tabun", "tabuduγar", False),
    6: ("ǰirγuγan", "ǰirγuduγar", False),
    7: ("doloγan", "doloduγar", False),
    8: ("naiman", "naimaduγar", False),
    9: ("yisün", "yisüdüger", True),
}
_TENS = {
    1: ("arban", "arbaduγar", False),
    2: ("qorin", "qorinduγar", False),
    3: ("γučin", "γučinduγar", False),
    4: ("döčin", "döčindüger", True),
    5: ("tabin", "tabinduγar", False),
    6: ("ǰiran", "ǰiranduγar", False),
    7: ("dalan", "dalanduγar", False),
    8: ("nayan", "nayanduγar", False),
    9: ("yerin", "yerinduγar", True),
}


def _last_word_is_front(n: int) -> bool:
    """Vowel harmony of a number as it is read: decided by its last spoken word."""
    n = abs(int(n))
    if n % 10:
        return _UNITS[n % 10][2]
    if n % 100:
        return _TENS[(n % 100) // 10][2]
    return False  # ǰaγun (hundred), mingγan (thousand), tümen: all back-vowel words


def mongolian_ordinal_words(n: int) -> str:
    """1 → ᠨᠢᠭᠡᠳᠦᠭᠡᠷ, 12 → ᠠᠷᠪᠠᠨ ᠬᠣᠶᠠᠳᠤᠭᠠᠷ, 101 → ᠵᠠᠭᠤᠨ ᠨᠢᠭᠡᠳᠦᠭᠡᠷ: chapter and section
    numbers up to 9999. Every word is a cardinal but the last, which takes the ordinal form."""
    if not 0 < n <= LARGEST:
        raise ValueError(f"no ordinal word for {n}")
    thousands, rest = divmod(n, 1000)
    hundreds, rest = divmod(rest, 100)
    tens, units = divmod(rest, 10)
    words: list[tuple[str, str | None]] = []  # (cardinal, ordinal); a multiplier is never last
    for count, word in ((thousands, ("mingγan", "mingγaduγar")), (hundreds, ("ǰaγun", "ǰaγuduγar"))):
        if count:
            words += [(_UNITS[count][0], None)] if count > 1 else []
            words.append(word)
    if tens:
        words.append(_TENS[tens][:2])
    if units:
        words.append(_UNITS[units][:2])
    spoken = [cardinal for cardinal, _ in words[:-1]] + [words[-1][1]]
    return from_latin(" ".join(spoken))


def mongolian_ordinal(n: int) -> str:
    """6 → `6 ᠳ᠋ᠤᠭᠠᠷ`: digits, then the ordinal suffix written apart with its d marked (FVS1)."""
    suffix = "d^1üger" if _last_word_is_front(n) else "d^1uγar"
    return f"{n}{NNBSP}{from_latin(suffix)}"


def format_number(value: int | float | Decimal, lang: str) -> str:
    """Digits as official Mongolian and Chinese texts print them: no grouping, '.' for decimals."""
    if isinstance(value, float):
        value = Decimal(repr(value))
    text = format(value, "f") if isinstance(value, Decimal) else str(int(value))
    return text


def format_date(date: dt.date, lang: str) -> str:
    if lang == "mn":
        day_genitive = "ü" if _last_word_is_front(date.day) else "u"
        return (
            f"{date.year}{NNBSP}{from_latin('on-u')} {mongolian_ordinal(date.month)} {from_latin('sar_a-yin')} "
            f"{date.day}{NNBSP}{from_latin(day_genitive)} {from_latin('edür')}"
        )
    return f"{date.year}年{date.month}月{date.day}日"


def chapter_label(number: int, lang: str) -> str:
    if lang == "mn":
        return f"{mongolian_ordinal_words(number)} {from_latin('bülüg')}"
    return f"第{to_chinese(number)}章"


def section_label(number: int, lang: str) -> str:
    if lang == "mn":
        return f"{mongolian_ordinal_words(number)} {from_latin('qeseg')}"
    return f"第{to_chinese(number)}节"
