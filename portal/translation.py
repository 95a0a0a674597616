"""Translation status: how a Mongolian paragraph relates to the Chinese it was made from.

Each Mongolian paragraph records its review status and a fingerprint of the Chinese text it
translates. When the Chinese changes, the fingerprints differ and the translation is stale:
still shown, but flagged, with a link to the current Chinese. Only a certified translator's
review turns `draft` into `reviewed`; the portal never does it by itself.
"""

from __future__ import annotations

import hashlib
import re

SOURCE_LANG = "zh"
RECORDED = ("draft", "reviewed")  # what a content file may say
STATUSES = ("reviewed", "draft", "stale", "missing")  # what a reader may see
FINGERPRINT = re.compile(r"^[0-9a-f]{10}$")


def fingerprint(source_text: str) -> str:
    """Ten hex digits of SHA-256 over the Chinese text, whitespace ignored."""
    compact = "".join(source_text.split())
    return hashlib.sha256(compact.encode("utf-8")).hexdigest()[:10]


def effective_status(recorded: str, translated_from: str, source_text: str) -> str:
    return recorded if translated_from == fingerprint(source_text) else "stale"


def stamp(content_dir, lang: str, ids: set[str] | None = None, chapter: int | None = None) -> list[str]:
    """Record the current Chinese fingerprint on translated paragraphs; returns the ids stamped.

    Run it after updating a stale translation (or writing a new one), so that the page stops
    flagging it. It changes only the `source=` value of the attribute lines it is given.
    """
    from pathlib import Path

    from .loader import ATTRS_RE, format_attrs, load_plan, parse_attrs

    source = load_plan(content_dir, SOURCE_LANG)
    done = []
    for path in sorted((Path(content_dir) / lang).glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        changed = False
        for index, line in enumerate(lines):
            match = ATTRS_RE.match(line.strip())
            if not match:
                continue
            ident, attrs = parse_attrs(match.group(1))
            located = source.locate(ident or "")
            if located is None or (ids and ident not in ids) or (chapter is not None and located[0].number != chapter):
                continue
            new = format_attrs(ident, status=attrs.get("status", "draft"), source=fingerprint(located[2].text))
            if new != line:
                lines[index], changed = new, True
                done.append(ident)
        if changed:
            path.write_text("\n".join(lines), encoding="utf-8")
    return done
