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


def diff_excerpt(old: str, new: str, lang: str, context: int = 10, limit: int = 3) -> Markup:
    """Only what changed, with `context` characters (Chinese) or words (Mongolian) around each
    change and " … " between them, at most `limit` changes: for a list of many paragraphs. A
    paragraph added or removed as a whole shows its beginning."""
    a, b = _tokens(old, lang), _tokens(new, lang)
    if language(lang).word_diff:
        context *= 2  # a word and the space after it are two tokens
    if not a or not b:
        whole, tag = (b, "ins") if b else (a, "del")
        shown = "".join(whole[: context * 4])
        return Markup(f"<{tag}>{escape(shown)}</{tag}>" + ("…" if len(whole) > context * 4 else ""))
    changes = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    pieces = []
    for op, i1, i2, j1, j2 in changes[:limit]:
        piece = escape("".join(a[max(0, i1 - context) : i1]))
        if op in ("delete", "replace"):
            piece += f"<del>{escape(''.join(a[i1:i2]))}</del>"
        if op in ("insert", "replace"):
            piece += f"<ins>{escape(''.join(b[j1:j2]))}</ins>"
        pieces.append(piece + escape("".join(a[i2 : i2 + context])))
    first, last = changes[0], changes[:limit][-1]
    opening = "…" if first[1] > context else ""
    closing = "…" if last[2] + context < len(a) or len(changes) > limit else ""
    return Markup(opening + " … ".join(pieces) + closing)
