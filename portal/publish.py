"""Staff actions that write content: recording the current text as a named edition."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from .editions import EDITION_DATE, EDITION_NAME
from .errors import ContentError, ContentErrors
from .loader import LANGUAGES, load_editions, load_plans

FRONT_MATTER_EDITION = re.compile(r"^edition: .*$", re.M)


def freeze_edition(
    content_dir: Path,
    name: str,
    date: str,
    title_zh: str,
    title_mn: str,
    note_zh: str = "",
    note_mn: str = "",
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
    if not EDITION_DATE.match(date):
        problems.append(f"the date is a year or a date like 2023-06-30, not {date!r}")
    if target.exists():
        problems.append(f"edition {name} already exists in {target}; editions are never overwritten")
    if problems:
        raise ContentErrors([ContentError(target, None, p) for p in problems])
    previous = load_plans(content_dir)["zh"].edition  # and refuse to record content that does not load
    files = [p for lang in LANGUAGES for p in sorted((content_dir / lang).glob("*.md"))]
    originals = {p: p.read_text(encoding="utf-8") for p in files}
    try:
        for path, text in originals.items():
            path.write_text(FRONT_MATTER_EDITION.sub(f"edition: '{name}'", text, count=1), encoding="utf-8")
        for path in files:
            (target / path.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / path.parent.name / path.name)
        meta = {"date": date, "title_zh": title_zh, "title_mn": title_mn}
        if previous != name and (content_dir / "editions" / previous).exists():
            meta["based_on"] = previous
        meta.update({k: v for k, v in (("note_zh", note_zh), ("note_mn", note_mn)) if v})
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
