"""The script of Mongolian text: only Unicode traditional Mongolian, the acronyms the Chinese
uses as they are, and the format characters where they belong."""

from __future__ import annotations

import re
import unicodedata

from ..text.mongolian import MVS, NNBSP

#: Latin letters a Mongolian paragraph may contain: acronyms the Chinese text uses as they are.
ACRONYMS = frozenset({"5G", "IPV6", "GEP", "SEE", "GAP", "SOP", "G7", "A"})
#: Latin and Chinese punctuation has Mongolian counterparts (᠂ ᠃ ᠄ ︔ ︖ ︕); between digits
#: (8.5:44.5:47, 1,000) it belongs to the number and stays.
FOREIGN_PUNCTUATION = re.compile(r"[,;:!?，；：！？。]")
#: Letters of the Mongolian block made for foreign words (ᠻ KHA, ᠼ TSA): Inner Mongolian pages
#: write ᠺ and ᠴ. A loanword that needs one is listed here.
LOAN_LETTERS = re.compile("[\u183b\u183c]")
LOANWORDS: frozenset[str] = frozenset()
#: A run of letters and digits of any script but Mongolian (U+1800–U+18AF).
FOREIGN_WORD = re.compile(r"[^\W_\u1800-\u18af]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: U+180E separates only a final a or e; U+202F only joins a word, a number or a closing
#: quotation mark to the suffix that follows it.
BAD_MVS = re.compile(f"{MVS}(?![\u1820\u1821])")
#: A space before ᠂ ᠃ ᠄ is a break opportunity, so the mark could start a column (mlreq forbids it).
SPACE_BEFORE_MARK = re.compile(r"\s[\u1802\u1803\u1804]")
BAD_NNBSP = re.compile(f"(?<![\u1820-\u1878\u180b-\u180f0-9%)\ufe3e\u300b\u201d]){NNBSP}|{NNBSP}(?![\u1820-\u1878])")


def _script_of(word: str) -> str:
    """How to name a foreign word: by the Unicode name of its first non-ASCII-digit character
    (LATIN SMALL LETTER O WITH DIAERESIS → Latin, FULLWIDTH LATIN … → full-width, GREEK …)."""
    names = [unicodedata.name(ch, "") for ch in word if not (ch.isascii() and ch.isdigit())]
    if any(name.startswith(("FULLWIDTH", "HALFWIDTH")) for name in names):
        return "full-width characters"
    if names and "DIGIT" in names[0]:
        return "digits of another script"
    first = (names or ["LATIN"])[0].split(" ")[0]
    return {"LATIN": "Latin letters", "GREEK": "Greek letters", "DIGIT": "digits"}.get(
        first, f"{first.title()} letters"
    )


def script_findings(text: str) -> list[str]:
    """What is wrong with the script of a Mongolian text, as plain messages."""
    found = []
    for pattern, name in ((CYRILLIC, "Cyrillic"), (HAN, "Chinese")):
        match = pattern.search(text)
        if match:
            found.append(f"{name} character {match.group()!r} in Mongolian text")
    for word in FOREIGN_WORD.findall(text):
        if word in ACRONYMS or (word.isascii() and word.isdigit()) or HAN.search(word) or CYRILLIC.search(word):
            continue
        found.append(f"{_script_of(word)} {word!r} in Mongolian text (allowed acronyms: {', '.join(sorted(ACRONYMS))})")
    for mark in FOREIGN_PUNCTUATION.finditer(text):
        before, after = text[mark.start() - 1 : mark.start()], text[mark.end() : mark.end() + 1]
        if not (before.isdigit() and after.isdigit()):
            found.append(f"{mark.group()!r} in Mongolian text: write the Mongolian mark (᠂ ᠃ ᠄ ︔ ︖ ︕)")
            break
    for word in re.findall("[\u1820-\u1878\u180a-\u180f]+", text):
        if LOAN_LETTERS.search(word) and word not in LOANWORDS:
            found.append(f"{word} uses a letter for foreign words (U+183B ᠻ or U+183C ᠼ): write ᠺ or ᠴ")
            break
    if BAD_MVS.search(text):
        found.append("U+180E (vowel separator) must be followed by ᠠ or ᠡ")
    if SPACE_BEFORE_MARK.search(text):
        found.append("space before a Mongolian punctuation mark: the mark could start a column; remove the space")
    if BAD_NNBSP.search(text):
        found.append("U+202F (suffix space) must stand between a word and its suffix")
    return found
