"""Dates, numbers and chapter labels in Chinese and in traditional-script Mongolian."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from portal.text.localize import chapter_label, format_date, format_number, mongolian_ordinal, section_label
from portal.text.mongolian import NNBSP, from_latin, to_latin


def test_chinese_labels_and_dates():
    assert chapter_label(12, "zh") == "第十二章" and section_label(3, "zh") == "第三节"
    assert format_date(dt.date(2026, 3, 1), "zh") == "2026年3月1日"


def test_mongolian_date_follows_official_usage():
    text = format_date(dt.date(2015, 6, 29), "mn")
    # 2015 ᠣᠨ ᠤ 6 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 29 ᠦ ᠡᠳᠦᠷ: year, ordinal month, day in the genitive
    assert to_latin(text) == "2015-on-u 6-d^1uγar sar_a-yin 29-ü edür"
    assert "M" not in text and "\u0400" not in text  # not Babel's mn_Mong_CN 'M03' nor Cyrillic


@pytest.mark.parametrize(
    "month, suffix",
    [
        (1, "d^1üγer"),
        (2, "d^1uγar"),
        (3, "d^1uγar"),
        (4, "d^1üγer"),
        (9, "d^1üγer"),
        (10, "d^1uγar"),
        (11, "d^1üγer"),
        (12, "d^1uγar"),
    ],
)
def test_ordinal_suffix_follows_vowel_harmony_of_the_spoken_number(month, suffix):
    assert to_latin(mongolian_ordinal(month)) == f"{month}-{suffix}"


def test_day_genitive_follows_the_last_spoken_word():
    assert to_latin(format_date(dt.date(2026, 1, 4), "mn")).endswith(" 4-ü edür")  # dörben: front
    assert to_latin(format_date(dt.date(2026, 1, 17), "mn")).endswith(" 17-u edür")  # doloγan: back
    assert to_latin(format_date(dt.date(2026, 1, 20), "mn")).endswith(" 20-u edür")  # qorin: back
    assert to_latin(format_date(dt.date(2026, 1, 30), "mn")).endswith(" 30-u edür")  # γučin: back


def test_mongolian_chapter_and_section_labels():
    assert chapter_label(1, "mn") == from_latin("nigedüger bülüg")
    assert chapter_label(12, "mn") == from_latin("arban qoyaduγar bülüg")
    assert section_label(4, "mn") == from_latin("dörbedüger qeseg")
    assert "\u183a" not in chapter_label(9, "mn") + section_label(9, "mn")  # native k is QA, not KA
    with pytest.raises(ValueError):
        chapter_label(0, "mn")


def test_numbers_keep_their_digits():
    assert format_number(43694, "mn") == "43694"
    assert format_number(5.4, "mn") == "5.4"
    assert format_number(Decimal("235.5"), "zh") == "235.5"
    assert NNBSP not in format_number(2035, "mn")
