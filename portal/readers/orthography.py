"""The orthography list, and every line of Mongolian text the site publishes.

`portal check` looks for the list's wrong forms line by line, so that each finding names the
file and the line: chapters (titles included), glossary, places, figures, notices and the
interface catalog (translations/mn/LC_MESSAGES/messages.po).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model.orthography import MongolianLine, Spelling
from ..settings import PROJECT_ROOT
from ..text.mongolian import MONGOLIAN_LETTERS
from .files import content_files, read_text
from .yamlfile import read_yaml_list

ORTHOGRAPHY_FILE = "mn-orthography.yaml"
CATALOG = PROJECT_ROOT / "translations" / "mn" / "LC_MESSAGES" / "messages.po"
FIELDS = ("wrong", "right", "match", "note", "source")


def load_orthography(content_dir: Path | str) -> tuple[Spelling, ...]:
    path = Path(content_dir) / ORTHOGRAPHY_FILE
    errors, result, seen = [], [], {}
    for item, line in read_yaml_list(path, f"entries with {', '.join(FIELDS)}"):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k].strip() for k in FIELDS):
            errors.append(ContentError(path, line, f"an entry gives {', '.join(FIELDS)}, each as text"))
            continue
        if item["match"] not in ("word", "prefix"):
            errors.append(ContentError(path, line, f"match must be word or prefix, not {item['match']!r}"))
            continue
        if item["wrong"] in seen:
            errors.append(ContentError(path, line, f"{item['wrong']} is already listed on line {seen[item['wrong']]}"))
        seen.setdefault(item["wrong"], line)
        result.append(Spelling(*(item[k].strip() for k in FIELDS), path=path, line=line))
    if errors:
        raise ContentErrors(errors)
    return tuple(result)


def mongolian_lines(content_dir: Path | str) -> tuple[MongolianLine, ...]:
    """Every line with Mongolian letters in the files the site publishes Mongolian from."""
    root = Path(content_dir)
    paths = [
        *content_files(root / "mn", "*.md", inside=root),
        *(root / name for name in ("glossary.yaml", "places.yaml", "figures.yaml") if (root / name).exists()),
        *(p for p in content_files(root / "updates", "*.md", inside=root) if p.name.endswith(".mn.md")),
        *(p for p in content_files(root / "statements", "*.md", inside=root) if p.name.endswith(".mn.md")),
        *content_files(root / "explainers" / "mn", "*.md", inside=root),
        *([CATALOG] if CATALOG.exists() else []),
    ]
    found = []
    for path in paths:
        for number, text in enumerate(read_text(path).splitlines(), start=1):
            if MONGOLIAN_LETTERS.search(text):
                found.append(MongolianLine(path, number, text))
    return tuple(found)
