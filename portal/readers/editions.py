"""`content/editions/<name>/`: edition.yaml beside zh/ and mn/ chapter files, oldest first.

The current edition is the one the chapter files in content/ name; its text is the current
plans, even when a frozen copy of it exists (that copy gives its date and title). Ids are
checked along each edition's line of descent: an id that was removed never comes back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model.editions import EDITION_DATE, EDITION_NAME, Edition, Editions, reused_ids
from ..model.languages import CODES, SOURCE_LANG, TRANSLATIONS
from ..model.plan import Plan
from ..text.markdown import InlineRenderer
from .chapters import chapter_files, load_plan
from .yamlfile import Yaml, read_yaml

EDITION_FIELDS = (
    *(f"title_{code}" for code in CODES),
    *(f"note_{code}" for code in CODES),
    "date",
    "demonstration",
    "based_on",
)
REQUIRED = ("date", *(f"title_{code}" for code in CODES))


def _meta_problems(parsed: Yaml) -> list[tuple[int, str]]:
    meta = parsed.data
    problems = [(parsed.key_line(k), f"lacks {k!r}") for k in REQUIRED if not meta.get(k)]
    fields = ", ".join(EDITION_FIELDS)
    problems += [
        (parsed.key_line(k), f"unknown field {k!r} (fields: {fields})") for k in meta if k not in EDITION_FIELDS
    ]
    date = str(meta.get("date", ""))
    if date and not EDITION_DATE.match(date):
        problems.append((parsed.key_line("date"), f"date must be a year or a date like 2023-06-30, not {date!r}"))
    elif len(date) > 4:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            problems.append((parsed.key_line("date"), f"{date} is not a day of the calendar"))
    if "demonstration" in meta and not isinstance(meta["demonstration"], bool):
        problems.append((parsed.key_line("demonstration"), "demonstration must be true or false"))
    return problems


def _edition_plans(folder: Path, renderer: InlineRenderer, errors: list[ContentError]) -> dict[str, Plan] | None:
    """The text recorded in an edition folder other than the current one."""
    try:
        plans = {SOURCE_LANG: load_plan(folder, SOURCE_LANG, renderer=renderer)}
        for lang in TRANSLATIONS:
            if (folder / lang).exists():
                plans[lang] = load_plan(folder, lang, plans[SOURCE_LANG], renderer)
    except ContentErrors as exc:
        errors.extend(exc.errors)
        return None
    if plans[SOURCE_LANG].edition != folder.name:
        message = f"the chapter files say edition {plans[SOURCE_LANG].edition!r}, but the folder is {folder.name!r}"
        errors.append(ContentError(folder / SOURCE_LANG, None, message))
        return None
    return plans


def _read_edition(folder: Path, current: dict[str, Plan], renderer, errors, snapshots) -> Edition | None:
    meta_path = folder / "edition.yaml"
    if not EDITION_NAME.match(folder.name):
        message = (
            "an edition folder is named like 2022 or 2023-adjustment"
            " (a year first; lower-case letters, digits, '.', '-')"
        )
        errors.append(ContentError(folder, None, message))
        return None
    if not meta_path.exists():
        errors.append(
            ContentError(meta_path, None, "every edition folder needs an edition.yaml with its date and title")
        )
        return None
    try:
        parsed = read_yaml(meta_path)
    except ContentErrors as exc:
        errors.extend(exc.errors)
        return None
    meta = parsed.data
    if not isinstance(meta, dict):
        message = "must be 'key: value' lines: date, title_zh, title_mn, and optionally note_zh, note_mn, demonstration"
        errors.append(ContentError(meta_path, 1, message))
        return None
    problems = _meta_problems(parsed)
    if problems:
        errors.extend(ContentError(meta_path, line, message) for line, message in problems)
        return None
    if folder.name == current[SOURCE_LANG].edition:
        try:  # the recorded text of the current edition, for the id history
            snapshots[folder.name] = load_plan(folder, SOURCE_LANG, renderer=renderer)
        except ContentErrors as exc:
            errors.extend(exc.errors)
            return None
        plans = dict(current)
    else:
        plans = _edition_plans(folder, renderer, errors)
        if plans is None:
            return None
    titles = {code: str(meta[f"title_{code}"]) for code in CODES}
    notes = {code: str(meta.get(f"note_{code}", "")) for code in CODES}
    return Edition(
        folder.name,
        str(meta["date"]),
        titles,
        notes,
        bool(meta.get("demonstration", False)),
        str(meta.get("based_on", "")),
        folder,
        plans,
        parsed.key_line("based_on"),
    )


def _reused_id_errors(found: list[Edition], editions: Editions, current, snapshots, content_dir: Path):
    """Id history, along each edition's line of descent; content/ follows the record of its own
    edition (it may have changed since)."""
    name, errors, reported = editions.current, [], set()
    for item in found:
        history = []
        for e in editions.lineage(item.name):
            if e.name == name and name in snapshots:
                history.append((e.name, snapshots[name]))
            history.append((e.name if e.name != name else f"{name} (content/)", e.plans[SOURCE_LANG]))
        for ident, dropped, back in reused_ids(history):
            dropped, back = dropped.replace(" (content/)", ""), back.replace(" (content/)", "")
            if (ident, back) in reported:
                continue
            reported.add((ident, back))
            where = current[SOURCE_LANG].locate(ident) if back == name else None
            path = where[0].path if where else Path(content_dir) / "editions" / back / SOURCE_LANG
            message = (
                f"id reused: a paragraph with this id was removed in edition {dropped}, and ids never come back; "
                "give this paragraph a new id"
            )
            errors.append(ContentError(path, where[2].line if where else None, message, ident, "edition"))
    return errors


def _unpublished(content_dir: Path, recorded: Path) -> tuple[str, ...]:
    """Chapter files of content/ that differ from the recorded copy of the current edition."""
    if not recorded.exists():
        return ()
    changed = []
    for lang in CODES:
        for path in chapter_files(content_dir / lang):
            copy = recorded / lang / path.name
            if not copy.exists() or copy.read_bytes() != path.read_bytes():
                changed.append(f"{lang}/{path.name}")
    return tuple(changed)


def load_editions(
    content_dir: Path | str, current: dict[str, Plan], renderer: InlineRenderer | None = None
) -> Editions:
    root = Path(content_dir) / "editions"
    renderer = renderer or InlineRenderer()
    errors: list[ContentError] = []
    found: list[Edition] = []
    snapshots: dict[str, Plan] = {}
    for folder in sorted(p for p in root.glob("*") if p.is_dir()) if root.exists() else []:
        edition = _read_edition(folder, current, renderer, errors, snapshots)
        if edition is not None:
            found.append(edition)
    name = current[SOURCE_LANG].edition
    if not any(e.name == name for e in found):
        found.append(Edition(name, name[:4], dict.fromkeys(CODES, name), plans=dict(current)))
    found.sort(key=lambda e: (e.date, e.name))
    editions = Editions(tuple(found), name, _unpublished(Path(content_dir), root / name))
    for item in found:
        if item.based_on and editions.get(item.based_on) is None:
            message = f"based_on names edition {item.based_on!r}, which does not exist"
            errors.append(ContentError(item.path / "edition.yaml", item.line, message))
    if errors:
        raise ContentErrors(errors)
    errors = _reused_id_errors(found, editions, current, snapshots, Path(content_dir))
    if errors:
        raise ContentErrors(errors)
    return editions
