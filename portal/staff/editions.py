"""Recording the current text as a named edition: `portal edition record`."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import yaml

from ..errors import ContentError, ContentErrors
from ..model.editions import EDITION_DATE, EDITION_NAME
from ..model.languages import CODES, SOURCE_LANG
from ..readers import load_editions, load_plans

FRONT_MATTER_EDITION = re.compile(r"^edition: .*$", re.M)


def _is_day(date: str) -> bool:
    """A year alone, or a day that exists (2023-02-30 does not)."""
    try:
        return len(date) == 4 or bool(dt.date.fromisoformat(date))
    except ValueError:
        return False


def record_edition(
    content_dir: Path,
    name: str,
    date: str,
    titles: dict[str, str],
    notes: dict[str, str] | None = None,
    demonstration: bool = False,
) -> Path:
    """Record the text in content/ as edition `name`; returns its folder.

    If `name` is new, the chapter files are first re-labelled with it, so content/ then holds
    that edition. Nothing is left half-done: on any problem the files are put back."""
    content_dir = Path(content_dir)
    target = content_dir / "editions" / name
    problems = []
    if not EDITION_NAME.match(name):
        problems.append(
            "the name starts with a year, then lower-case letters, digits, '.' or '-' (2023, 2023-adjustment)"
        )
    if not EDITION_DATE.match(date) or not _is_day(date):
        problems.append(f"the date is a year or a day of the calendar like 2023-06-30, not {date!r}")
    problems += [f"the edition needs a title in {code} (--title-{code})" for code in CODES if not titles.get(code)]
    if target.exists():
        problems.append(f"edition {name} already exists in {target}; editions are never overwritten")
    if problems:
        raise ContentErrors([ContentError(target, None, p) for p in problems])
    previous = load_plans(content_dir)[SOURCE_LANG].edition  # and refuse to record content that does not load
    files = [p for lang in CODES for p in sorted((content_dir / lang).glob("*.md"))]
    originals = {p: p.read_text(encoding="utf-8") for p in files}
    try:
        for path, text in originals.items():
            path.write_text(FRONT_MATTER_EDITION.sub(f"edition: '{name}'", text, count=1), encoding="utf-8")
        for path in files:
            (target / path.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / path.parent.name / path.name)
        meta = {"date": date, **{f"title_{code}": titles[code] for code in CODES}}
        if previous != name and (content_dir / "editions" / previous).exists():
            meta["based_on"] = previous
        meta.update({f"note_{code}": text for code, text in (notes or {}).items() if text})
        if demonstration:
            meta["demonstration"] = True
        (target / "edition.yaml").write_text(
            yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        load_editions(content_dir, load_plans(content_dir))  # ids never reused, metadata valid
    except BaseException:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)
        raise
    return target
