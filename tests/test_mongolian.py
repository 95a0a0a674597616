"""portal.mongolian against real encoding variants of the same words."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.text.mongolian import (
    LETTERS,
    MVS,
    NNBSP,
    MongolianTextError,
    check_encoding,
    from_latin,
    latin_key,
    normalize,
    shape_key,
    shape_key_version,
    to_latin,
    words,
)

ALL_LETTERS = [chr(cp) for cp in range(0x1820, 0x1843)]


def test_letter_table_covers_u1820_to_u1842_with_distinct_spellings():
    assert sorted(LETTERS) == ALL_LETTERS
    assert len(set(LETTERS.values())) == len(LETTERS)


# The transliteration of each letter, by its Unicode name (docs/mongolian-transliteration.md):
# a table that swaps two letters, or gives one letter the Latin of another, fails here even
# though it would still round-trip.
BY_NAME = {
    "A": "a", "E": "e", "I": "i", "O": "o", "U": "u", "OE": "ö", "UE": "ü", "EE": "ē",
    "NA": "n", "ANG": "ng", "BA": "b", "PA": "p", "QA": "q", "GA": "γ", "MA": "m", "LA": "l",
    "SA": "s", "SHA": "š", "TA": "t", "DA": "d", "CHA": "č", "JA": "ǰ", "YA": "y", "RA": "r",
    "WA": "w", "FA": "f", "KA": "k", "KHA": "kh", "TSA": "c", "ZA": "z", "HAA": "h", "ZRA": "ž",
    "LHA": "lh", "ZHI": "ẑ", "CHI": "ĉ",
}  # fmt: skip


def test_each_letter_is_written_in_latin_as_its_unicode_name_says():
    named = {unicodedata.name(ch).removeprefix("MONGOLIAN LETTER "): ch for ch in ALL_LETTERS}
    assert sorted(named) == sorted(BY_NAME)
    assert {name: to_latin(ch) for name, ch in named.items()} == BY_NAME
    assert to_latin("ᠮᠣᠩᠭᠣᠯ") == "mongγol" and to_latin("ᠪᠡᠯᠴᠢᠭᠡᠷ") == "belčiγer"


@pytest.mark.parametrize("letter", ALL_LETTERS, ids=lambda ch: unicodedata.name(ch).replace("MONGOLIAN LETTER ", ""))
def test_every_letter_round_trips_through_latin(letter):
    assert from_latin(to_latin(letter)) == letter
    word = "\u182e\u1820" + letter + "\u1828"  # inside a word too: m a ? n
    assert from_latin(to_latin(word)) == word


def test_letters_that_would_run_together_are_kept_apart():
    for pair in ["ᠯᠾ", "ᠺᠾ", "ᠰᠾ", "ᠴᠾ", "ᠣᠡ", "ᠤᠡ"]:
        assert from_latin(to_latin(pair)) == pair
    assert to_latin("ᠯᠾ") == "l'h" and to_latin("ᡀ") == "lh"


def test_words_with_format_characters_round_trip():
    for text in ["ᠲᠠᠯ᠎ᠠ", "ᠨᠤᠲᠤᠭ\u202fᠤᠨ", "ᠡᠳ᠋\u202fᠦᠨ ᠵᠠᠰᠠᠭ", "ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ᠂ ᠪᠢᠴᠢᠭ᠃", "2035\u202fᠣᠨ\u202fᠤ 5.4%"]:
        assert from_latin(to_latin(text)) == text


def test_typing_forms_are_accepted():
    assert from_latin("malchin") == from_latin("malčin") == "ᠮᠠᠯᠴᠢᠨ"
    assert from_latin("monggol") == "ᠮᠣᠩᠭᠣᠯ"
    assert from_latin("shine") == "ᠱᠢᠨᠡ"
    assert from_latin("5.4 , 8.5:44.5") == "5.4 ᠂ 8.5:44.5"  # marks between digits stay


def test_private_use_area_is_rejected_with_position():
    with pytest.raises(MongolianTextError) as caught:
        check_encoding("ᠮᠣᠩᠭᠣᠯ \ue2a3\ue26b")
    assert str(caught.value) == (
        "character U+E2A3 at position 8 is a legacy glyph code (Private Use Area, e.g. Menksoft), "
        "not Unicode Mongolian; convert the text to standard Unicode before pasting it"
    )
    assert caught.value.offset == 7  # where a reader points its file:line:column message
    with pytest.raises(MongolianTextError):
        normalize("\ue234")


def test_normalize_keeps_suffix_spaces_and_drops_stray_selectors():
    assert normalize("  ᠨᠤᠲᠤᠭ\u202fᠤᠨ \n ᠲᠠᠯ᠎ᠠ ") == "ᠨᠤᠲᠤᠭ\u202fᠤᠨ ᠲᠠᠯ᠎ᠠ"
    assert normalize("ᠡᠳ᠋") == "ᠡᠳ᠋"  # a selector after a letter selects a form: kept
    assert normalize("\u180b ᠡᠳ") == "ᠡᠳ"  # a lone selector selects nothing: dropped
    assert normalize("\ufeffᠮᠣᠩᠭᠣᠯ\ufeff") == "ᠮᠣᠩᠭᠣᠯ"  # byte-order marks pasted from files


# (Latin text, what from_latin keeps of it as it is): a full stop, comma or colon between two
# digits is part of a number; anywhere else it is Mongolian punctuation.
NUMBERS_AND_PUNCTUATION = [
    ("5.4", "5.4"),
    ("8.5:44.5", "8.5:44.5"),
    ("1,000", "1,000"),
    ("5.", "5"),
    (".5", "5"),
    ("a.5", "5"),
    ("5.a", "5"),
]


@pytest.mark.parametrize("text, kept", NUMBERS_AND_PUNCTUATION)
def test_punctuation_between_digits_stays_a_number(text, kept):
    read = from_latin(text)
    assert "".join(ch for ch in read if ch.isascii()) == kept, read
    if kept != text:
        assert from_latin(".") in read and from_latin(".") != "."  # the stop became Mongolian


def test_an_apostrophe_parts_letters_only_between_two_of_them():
    assert from_latin("l'h") == from_latin("l") + from_latin("h") != from_latin("lh")
    assert from_latin("'a") == "'" + from_latin("a")  # at the start: kept
    assert from_latin("a'") == from_latin("a") + "'"  # at the end: kept
    assert from_latin("a'1") == from_latin("a") + "'1"  # before a digit: kept


def test_typed_latin_reads_ts_as_c_in_latin_and_cyrillic():
    from portal.text.mongolian import typed_latin

    assert typed_latin("Tsagaan") == typed_latin("цагаан") == "cagaan"
    assert typed_latin("малчин") == "malchin"


# Each pair: how the word is stored, how a reader may type it.
VARIANTS = {
    "without variation selector": ("ᠡᠳ᠋", "ᠡᠳ"),
    "o typed for u": ("ᠤᠯᠤᠰ", "ᠣᠯᠣᠰ"),
    "ö typed for ü": ("ᠦᠪᠦᠷ", "ᠥᠪᠥᠷ"),
    "medial d typed for t": ("ᠬᠣᠲᠠ", "ᠬᠣᠳᠠ"),
}


@pytest.mark.parametrize("stored, typed", VARIANTS.values(), ids=VARIANTS.keys())
def test_look_alike_encodings_share_both_keys(stored, typed):
    assert shape_key(stored) == shape_key(typed)
    assert latin_key(stored) == latin_key(typed)


def test_different_words_keep_different_keys():
    assert shape_key("ᠮᠠᠯᠴᠢᠨ") != shape_key("ᠲᠡᠮᠡᠭᠡ")
    assert latin_key("ᠮᠠᠯᠴᠢᠨ") != latin_key("ᠲᠡᠮᠡᠭᠡ")
    assert shape_key("ᠠᠷᠠᠳ") != shape_key("ᠡᠷᠡᠳ")  # initial a and e look different


def test_suffix_with_nnbsp_or_plain_space_gives_the_same_words():
    assert words("ᠨᠤᠲᠤᠭ\u202fᠤᠨ") == words("ᠨᠤᠲᠤᠭ ᠤᠨ") == ["ᠨᠤᠲᠤᠭ", "ᠤᠨ"]


def test_vowel_separator_is_ignored_by_the_latin_key():
    assert latin_key("ᠲᠠᠯ᠎ᠠ") == latin_key("ᠲᠠᠯᠠ") == "dala"
    assert MVS in "ᠲᠠᠯ᠎ᠠ"


def test_latin_keyboard_queries_match_the_script():
    assert latin_key("malchin") == latin_key("ᠮᠠᠯᠴᠢᠨ")
    assert latin_key("temege") == latin_key("ᠲᠡᠮᠡᠭᠡ")
    assert latin_key("Mongol") == latin_key("ᠮᠣᠩᠭᠣᠯ")
    assert latin_key("hosigu") == latin_key("qosiγu") == latin_key("ᠬᠣᠰᠢᠭᠤ")


def test_shape_key_version_is_recorded():
    assert shape_key_version().startswith("mng-canonical/")


@given(st.text())
def test_keys_never_fail_on_any_text(text):
    for word in words(text) + [text]:
        assert isinstance(shape_key(word), str)
        assert isinstance(latin_key(word), str)
    assert isinstance(to_latin(text), str) and isinstance(from_latin(text), str)


@given(st.text(alphabet=st.sampled_from(ALL_LETTERS + [" ", NNBSP]), max_size=30))
def test_random_mongolian_round_trips(text):
    assert from_latin(to_latin(text)) == text
