"""`content/glossary.yaml` (terms) and `content/places.yaml`, checked entry by entry.

Two entries may not claim the same Chinese form, and a related word may not be another
entry's form: a word a reader types leads to one entry.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model import translation
from ..model.glossary import Entry, Glossary
from ..model.languages import CODES
from ..text.mongolian import MongolianTextError, check_encoding
from .yamlfile import read_yaml

GLOSSARY_FILES = {"glossary.yaml": "category", "places.yaml": "kind"}
ENTRY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DEFINITIONS = tuple(f"definition_{code}" for code in CODES)


def load_glossary(content_dir: Path | str) -> Glossary:
    errors: list[ContentError] = []
    loaded: dict[str, tuple[Entry, ...]] = {}
    claimed: dict[str, tuple[Path, int, str]] = {}
    ids: dict[str, tuple[Path, int]] = {}
    for name, kind_field in GLOSSARY_FILES.items():
        path = Path(content_dir) / name
        loaded[name] = _read_entries(path, kind_field, errors) if path.exists() else ()
        for entry in loaded[name]:
            if entry.id in ids:
                where = f"{ids[entry.id][0].name} line {ids[entry.id][1]}"
                errors.append(ContentError(path, entry.line, f"id {entry.id!r} is also used in {where}"))
            ids.setdefault(entry.id, (path, entry.line))
            for form in entry.zh:
                if form in claimed:
                    other = claimed[form]
                    message = f"{form!r} is already claimed by {other[2]!r} ({other[0].name} line {other[1]})"
                    errors.append(ContentError(path, entry.line, message))
                claimed.setdefault(form, (path, entry.line, entry.id))
    for name, entries in loaded.items():
        for entry in entries:
            for form in entry.related:
                if form in claimed:
                    message = f"related word {form!r} is a form of {claimed[form][2]!r}; a word leads to one entry"
                    errors.append(ContentError(Path(content_dir) / name, entry.line, message))
    if errors:
        raise ContentErrors(errors)
    return Glossary(loaded["glossary.yaml"], loaded["places.yaml"])


def _read_entries(path: Path, kind_field: str, errors: list[ContentError]) -> tuple[Entry, ...]:
    try:
        parsed = read_yaml(path)
    except ContentErrors as exc:  # reported with the other file's problems
        errors.extend(exc.errors)
        return ()
    if parsed.data is None:  # an empty file: no entries yet
        return ()
    if not isinstance(parsed.data, list):
        errors.append(ContentError(path, 1, "must be a list of entries"))
        return ()
    entries = [
        _entry(path, line, item, kind_field, errors)
        for item, line in zip(parsed.data, parsed.item_lines(), strict=True)
    ]
    return tuple(entry for entry in entries if entry is not None)


def _entry(path: Path, line: int, item, kind_field: str, errors: list[ContentError]) -> Entry | None:
    required = ("id", "zh", "mn", kind_field, *DEFINITIONS, "status")
    if not isinstance(item, dict):
        errors.append(ContentError(path, line, "an entry must be a set of 'key: value' lines"))
        return None
    problems = [f"lacks {key!r}" for key in required if not item.get(key)]
    problems += [
        "occurrences are computed from the text; remove this field"
        if key == "occurrences"
        else f"unknown field {key!r}"
        for key in item
        if key not in required and key not in ("source", "related")
    ]
    ident = str(item.get("id", ""))
    if ident and not ENTRY_ID.match(ident):
        problems.append(f"id {ident!r} must be lower-case letters, digits and hyphens")
    forms = item.get("zh")
    if not isinstance(forms, list) or not all(isinstance(f, str) and len(f.strip()) >= 2 for f in forms):
        problems.append("zh must be a list of Chinese forms of at least two characters")
    related = item.get("related") or []
    if not isinstance(related, list) or not all(isinstance(f, str) and len(f.strip()) >= 2 for f in related):
        problems.append("related must be a list of Chinese words of at least two characters")
        related = []
    if item.get("status") not in translation.RECORDED:
        problems.append(f"status must be one of {', '.join(translation.RECORDED)}")
    for key in ("mn", "definition_mn"):
        try:
            check_encoding(str(item.get(key, "")))
        except MongolianTextError as exc:
            problems.append(f"{key}: {exc}")
    if problems:
        errors.extend(ContentError(path, line, problem, ident or None) for problem in problems)
        return None
    return Entry(
        ident,
        tuple(f.strip() for f in forms),
        str(item["mn"]).strip(),
        {code: str(item[f"definition_{code}"]).strip() for code in CODES},
        item["status"],
        str(item[kind_field]),
        str(item.get("source", "")),
        line,
        tuple(f.strip() for f in related),
        path,
    )
