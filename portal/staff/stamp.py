"""`portal translation stamp`: record on translated paragraphs the fingerprint of the Chinese
they now translate, after a translator has updated them.

It changes only the `source=` value of the attribute lines it is given, so a stamp never
touches the text itself, and never turns `draft` into `reviewed`.
"""

from __future__ import annotations

from pathlib import Path

from ..model.languages import SOURCE_LANG
from ..model.translation import fingerprint
from ..readers import ATTRS_RE, format_attrs, load_plan, parse_attrs


def stamp(content_dir, lang: str, ids: set[str] | None = None, chapter: int | None = None) -> list[str]:
    """Stamp the paragraphs `ids` (or every translated paragraph of `chapter`); returns the ids stamped."""
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
