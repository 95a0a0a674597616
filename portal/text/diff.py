"""What changed inside a paragraph: a word or character diff, as HTML with <ins> and <del>."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from html import escape

from markupsafe import Markup

from ..model.languages import language


def _tokens(text: str, lang: str) -> list[str]:
    # Chinese is compared character by character; Mongolian word by word, spaces kept.
    return re.findall(r"\s+|[^\s]+", text) if language(lang).word_diff else list(text)


def inline_diff(old: str, new: str, lang: str) -> Markup:
    """`new` with what was inserted in <ins> and what was deleted in <del>, in reading order."""
    a, b = _tokens(old, lang), _tokens(new, lang)
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
    return Markup("".join(out))
