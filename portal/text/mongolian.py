"""Traditional Mongolian text: validation, normalisation, transliteration and search keys.

The one place that knows the script. Stored text keeps what Inner Mongolia's own sites use:
U+202F before separately written suffixes, U+180E before a separated final a/e, free
variation selectors only where the default form is wrong. Search needs the opposite, keys
that forgive what typists get wrong, so there are two:

* `shape_key`: what the word looks like (the pinned mongol-norm implementation of UTN #57
  shaping), so encodings that render identically, such as o/u or medial t/d, match;
* `latin_key`: a loose Latin spelling (ö/ü/o→u, t→d, q/k→h, γ→g, separators dropped) that
  a browser can compute from the same table, and that a Latin keyboard can type.

The letter table is documented in docs/mongolian-transliteration.md; tests round-trip every
letter U+1820–U+1842 through `to_latin` and `from_latin`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

NNBSP = "\u202f"  # narrow no-break space: before a suffix written apart (ᠨᠤᠲᠤᠭ ᠤᠨ)
MVS = "\u180e"  # Mongolian vowel separator: before a separated final a/e (ᠲᠠᠯ᠎ᠠ)
FVS = ("\u180b", "\u180c", "\u180d", "\u180f")  # free variation selectors 1–4
ZWJ, ZWNJ = "\u200d", "\u200c"
NIRUGU = "\u180a"

#: Unicode letter → canonical Latin, from the letter names (MONGOLIAN LETTER A … CHI).
LETTERS = {
    "\u1820": "a",
    "\u1821": "e",
    "\u1822": "i",
    "\u1823": "o",
    "\u1824": "u",
    "\u1825": "ö",
    "\u1826": "ü",
    "\u1827": "ē",
    "\u1828": "n",
    "\u1829": "ng",
    "\u182a": "b",
    "\u182b": "p",
    "\u182c": "q",
    "\u182d": "γ",
    "\u182e": "m",
    "\u182f": "l",
    "\u1830": "s",
    "\u1831": "š",
    "\u1832": "t",
    "\u1833": "d",
    "\u1834": "č",
    "\u1835": "ǰ",
    "\u1836": "y",
    "\u1837": "r",
    "\u1838": "w",
    "\u1839": "f",
    "\u183a": "k",
    "\u183b": "kh",
    "\u183c": "c",
    "\u183d": "z",
    "\u183e": "h",
    "\u183f": "ž",
    "\u1840": "lh",
    "\u1841": "ẑ",
    "\u1842": "ĉ",
}
#: Format characters and punctuation, written so that a Latin keyboard can type them.
MARKS = {
    NNBSP: "-",
    MVS: "_",
    "\u180b": "^1",
    "\u180c": "^2",
    "\u180d": "^3",
    "\u180f": "^4",
    NIRUGU: "~",
    "\u1802": ",",
    "\u1803": ".",
    "\u1804": ":",
    "\u1801": "...",
}
#: What people type for letters the canonical table spells with diacritics.
TYPING_FORMS = {"oe": "ö", "ue": "ü", "sh": "š", "ch": "č", "j": "ǰ", "g": "γ", "x": "q", "v": "w"}

MONGOLIAN_LETTERS = re.compile(r"[\u1820-\u1878]")
#: The word alphabet: letters, FVS, MVS, nirugu, and the joiners that can sit inside a word.
_WORD_CHARS = "\u1820-\u1878\u180a-\u180f\u200c\u200d"
WORD = re.compile(f"[{_WORD_CHARS}]+")
PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")

_FROM_LATIN = {latin: letter for letter, latin in LETTERS.items()}
_FROM_LATIN.update({latin: mark for mark, latin in MARKS.items()})
_FROM_LATIN.update({typed: _FROM_LATIN[canonical] for typed, canonical in TYPING_FORMS.items()})
#: Two-character spellings that two single letters could accidentally form.
_JOINED = {key[:2] for key in _FROM_LATIN if len(key) >= 2 and key[0].isalpha()}
# Longest spellings first, so 'ng', 'kh', 'lh', '^1' and '...' win over their first letter.
_LATIN_TOKEN = re.compile("|".join(re.escape(k) for k in sorted(_FROM_LATIN, key=len, reverse=True)))


class MongolianTextError(ValueError):
    """Text that is not Unicode traditional Mongolian, with the offending position."""

    def __init__(self, message: str, offset: int):
        self.offset = offset
        super().__init__(message)


def check_encoding(text: str) -> None:
    """Refuse legacy glyph codes: text copied from older local sites uses the Private Use Area."""
    match = PRIVATE_USE.search(text)
    if match:
        raise MongolianTextError(
            f"character U+{ord(match.group()):04X} at position {match.start() + 1} is a legacy "
            "glyph code (Private Use Area, e.g. Menksoft), not Unicode Mongolian; convert the text "
            "to standard Unicode before pasting it",
            match.start(),
        )


def normalize(text: str) -> str:
    """The stored form: NFC, single spaces, no stray selectors. Suffix spaces are kept.

    A variation selector or joiner that follows no Mongolian letter selects nothing and is
    dropped; everything that changes the rendered text is left as the author wrote it.
    """
    check_encoding(text)
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    text = re.sub(r"(?<![\u1820-\u1878\u180b-\u180d\u180f\u200d])[\u180b-\u180d\u180f\u200c\u200d]+", "", text)
    text = re.sub(r"[ \t\r\n]+", " ", text)
    return text.strip()


def to_latin(text: str) -> str:
    """Canonical transliteration; other characters (digits, spaces, Latin) pass through.

    Where two spellings would run together into another one (l+h into lh, s+h into the typed
    sh), an apostrophe keeps them apart, so that `from_latin` reads back the same letters.
    """
    out = ""
    for ch in text:
        spelled = LETTERS.get(ch) or MARKS.get(ch) or ("" if ch in (ZWJ, ZWNJ) else ch)
        if out and spelled and ch in LETTERS and out[-1] + spelled[0] in _JOINED:
            out += "'"
        out += spelled
    return out


def _between_digits(text: str, position: int) -> bool:
    return 0 < position < len(text) - 1 and text[position - 1].isdigit() and text[position + 1].isdigit()


def from_latin(text: str) -> str:
    """The inverse of `to_latin`, also accepting the common typing forms (sh, ch, j, g, oe…)."""
    out, position = [], 0
    lowered = text.lower()
    while position < len(lowered):
        match = _LATIN_TOKEN.match(lowered, position)
        if match and match.group() in ".,:" and _between_digits(lowered, position):
            match = None  # 5.4, 8.5:44.5 and 1,000 are numbers, not Mongolian punctuation
        if match:
            out.append(_FROM_LATIN[match.group()])
            position = match.end()
        elif lowered[position] == "'" and 0 < position < len(lowered) - 1 and lowered[position + 1].isalpha():
            position += 1  # the separator `to_latin` puts between letters that would run together
        else:
            out.append(text[position])
            position += 1
    return "".join(out)


#: Typing variants and look-alike letters folded together, applied in this order.
LOOSE_FOLDS = (
    ("sh", "s"),
    ("š", "s"),
    ("ch", "c"),
    ("č", "c"),
    ("ĉ", "c"),
    ("kh", "h"),
    ("lh", "l"),
    ("ǰ", "j"),
    ("ž", "j"),
    ("ẑ", "j"),
    ("γ", "g"),
    ("ngg", "ng"),
    ("q", "h"),
    ("k", "h"),
    ("x", "h"),
    ("oe", "u"),
    ("ue", "u"),
    ("ö", "u"),
    ("ü", "u"),
    ("o", "u"),
    ("ē", "e"),
    ("ee", "e"),
    ("t", "d"),
    ("v", "w"),
)


@lru_cache(maxsize=65536)
def latin_key(word: str) -> str:
    """Loose Latin key of one word, from Mongolian script or from what a Latin keyboard typed."""
    latin = to_latin(word).lower() if MONGOLIAN_LETTERS.search(word) else word.lower()
    latin = re.sub(r"\^\d|[-_~'’\s]", "", latin)
    for typed, folded in LOOSE_FOLDS:
        latin = latin.replace(typed, folded)
    return latin


#: Cyrillic Mongolian (as typed in Mongolia) to the Latin letters a Latin keyboard would type.
CYRILLIC = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ү": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "",
    "ы": "i", "ь": "i", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def typed_latin(word: str) -> str:
    """A word typed in Cyrillic or in everyday Latin spelling, as Latin letters for latin_key."""
    return "".join(CYRILLIC.get(ch, ch) for ch in word.lower()).replace("ts", "c")


@lru_cache(maxsize=65536)
def sound_key(key: str) -> str:
    """The consonant outline of a loose Latin key, so that modern spellings find written forms.

    Modern Mongolian (and so what people type, in Latin or Cyrillic letters) drops the written
    γ/g inside words (temege → temee), shortens unstressed vowels (ebesü → övs) and writes
    long vowels double (belčiγer → belcheer). The outline keeps the consonants (velars as one
    class, w as b, g only at the start), whether the word starts with a vowel, and drops a
    final n or g and an initial y before a vowel:
    temege, temee → dm; belčiγer, belcheer → blcr; daγatqal, daatgal → dl."""
    k = key.replace("h", "g").replace("w", "b")
    k = k[:1] + k[1:].replace("g", "")
    if k[:1] == "y" and k[1:2] in VOWEL_KEYS:
        k = k[1:]
    head = "a" if k[:1] and k[:1] in VOWEL_KEYS else ""
    rest = re.sub(r"[aeiuy]", "", k[1:] if head else k)
    rest = re.sub(r"(.)\1+", r"\1", rest)
    if rest[-1:] in ("n", "g"):
        rest = rest[:-1]
    return head + rest


VOWEL_KEYS = "aeiu"  # the vowels a loose key keeps (o, ö, ü fold to u; ē to e)


@lru_cache(maxsize=1)
def _shaper():
    import mongol_norm

    return mongol_norm.MongolianShaper(locale="MNG")


def shape_key_version() -> str:
    """Stored with a search index: keys from another shaping version must not be mixed."""
    return str(_shaper().canonical_version)


@lru_cache(maxsize=65536)
def shape_key(word: str) -> str:
    """What the word looks like, ignoring free variation selectors and joiners.

    Selectors are dropped first because a query typed without them must still find text
    that has them; the shaping then makes o/u, ö/ü and medial t/d look-alikes equal.
    """
    bare = re.sub(r"[\u180b-\u180d\u180f\u200c\u200d]", "", word.replace(NNBSP, ""))
    bare = "".join(WORD.findall(bare))
    if not bare:
        return ""
    try:
        return _shaper().shape_str(bare)
    except ValueError:
        return latin_key(bare)


def words(text: str) -> list[str]:
    """Mongolian words of a text. A suffix after U+202F, U+180E-less space or a plain space is its own word."""
    return WORD.findall(text)  # U+202F is not a word character: it parts a suffix like a space
