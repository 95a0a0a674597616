"""The script of Mongolian text: only Unicode traditional Mongolian, the acronyms the Chinese
uses as they are, and the format characters where they belong."""

from __future__ import annotations

import re

from ..text.mongolian import MVS, NNBSP

#: Latin letters a Mongolian paragraph may contain: acronyms the Chinese text uses as they are.
ACRONYMS = frozenset({"5G", "IPV6", "GEP", "SEE", "GAP", "SOP", "G7", "A"})
LATIN_WORD = re.compile(r"[0-9]*[A-Za-z][A-Za-z0-9]*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: U+180E separates only a final a or e; U+202F only joins a word, a number or a closing
#: quotation mark to the suffix that follows it.
BAD_MVS = re.compile(f"{MVS}(?![\u1820\u1821])")
#: A space before ᠂ ᠃ ᠄ is a break opportunity, so the mark could start a column (mlreq forbids it).
SPACE_BEFORE_MARK = re.compile(r"\s[\u1802\u1803\u1804]")
BAD_NNBSP = re.compile(f"(?<![\u1820-\u1878\u180b-\u180f0-9%)\ufe3e\u300b\u201d]){NNBSP}|{NNBSP}(?![\u1820-\u1878])")


def script_findings(text: str) -> list[str]:
    """What is wrong with the script of a Mongolian text, as plain messages."""
    found = []
    for pattern, name in ((CYRILLIC, "Cyrillic"), (HAN, "Chinese")):
        match = pattern.search(text)
        if match:
            found.append(f"{name} character {match.group()!r} in Mongolian text")
    for word in LATIN_WORD.findall(text):
        if word not in ACRONYMS:
            found.append(f"Latin letters {word!r} in Mongolian text (allowed acronyms: {', '.join(sorted(ACRONYMS))})")
    if BAD_MVS.search(text):
        found.append("U+180E (vowel separator) must be followed by ᠠ or ᠡ")
    if SPACE_BEFORE_MARK.search(text):
        found.append("space before a Mongolian punctuation mark: the mark could start a column; remove the space")
    if BAD_NNBSP.search(text):
        found.append("U+202F (suffix space) must stand between a word and its suffix")
    return found
