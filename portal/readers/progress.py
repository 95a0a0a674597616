"""`content/progress/<year>.yaml`: the latest known values of the plan's indicators, each
with its source, checked against `figures.yaml`.

A file holds the values a year's statistics give:

    demonstration: true        # only in a file made up to show the feature
    entries:
    - indicator: kindergarten-enrolment    # an id from figures.yaml with a numeric target
      value: 96.8
      unit: '%'                            # must be the indicator's unit
      date: '2023-12-31'                   # the day the value describes, in the file's year
      source:
        name: 阿拉善左旗2023年国民经济和社会发展统计公报
        url: https://…
        locator: 第5页                     # the page or table

Every problem is a `file:line` error. A value must be plausible for its unit (a share between
0 and 100 %, a count a whole number, nothing negative, nothing ten times the target or more).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model.figures import Figures, Indicator
from ..model.progress import Progress, Reading, Source, course_of
from .yamlfile import Yaml, read_yaml

FILE_NAME = re.compile(r"^(\d{4})(-[a-z0-9]+)?$")  # 2024, 2023-demo
FILE_FIELDS = ("demonstration", "entries")
ENTRY_FIELDS = ("indicator", "value", "unit", "date", "source")
SOURCE_FIELDS = ("name", "url", "locator")
COUNT_UNITS = ("个", "家", "所", "项", "款", "群", "人")  # values that are whole numbers
EARLIEST = dt.date(2021, 1, 1)  # the plan's first day: earlier values are the plan's own results
IMPLAUSIBLE = 10  # a value this many times the target or the baseline is a typing mistake


def progress_files(content_dir: Path | str) -> list[Path]:
    return sorted((Path(content_dir) / "progress").glob("*.yaml"))


def load_progress(content_dir: Path | str, figures: Figures) -> Progress:
    """Every value in content/progress/, or ContentErrors listing every problem found."""
    errors: list[ContentError] = []
    readings: list[Reading] = []
    indicators = {i.id: i for i in figures.indicators}
    for path in progress_files(content_dir):
        try:
            readings += _file(path, indicators, errors)
        except ContentErrors as exc:  # a file that is not YAML: report it, read the others
            errors.extend(exc.errors)
    if errors:
        raise ContentErrors(errors)
    return Progress(tuple(readings))


def _file(path: Path, indicators: dict[str, Indicator], errors: list[ContentError]) -> list[Reading]:
    name = FILE_NAME.match(path.stem)
    if not name:
        errors.append(ContentError(path, 1, "the file name must be a year, like 2024.yaml (or 2023-demo.yaml)"))
        return []
    parsed = read_yaml(path)
    data = parsed.data
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        errors.append(ContentError(path, 1, "must have 'entries': a list of values (and optionally 'demonstration')"))
        return []
    for key in data:
        if key not in FILE_FIELDS:
            errors.append(
                ContentError(path, parsed.key_line(key), f"unknown field {key!r} (fields: demonstration, entries)")
            )
    demonstration = data.get("demonstration", False)
    if not isinstance(demonstration, bool):
        errors.append(ContentError(path, parsed.key_line("demonstration"), "demonstration must be true or false"))
        demonstration = False
    if name.group(2) and not demonstration:
        message = f"{path.name}: only a demonstration file has a suffix after its year"
        message += "; add 'demonstration: true' or rename it"
        errors.append(ContentError(path, 1, message))
    year = int(name.group(1))
    readings, seen = [], {}
    for item, node in zip(data["entries"], parsed.items(parsed.value_node("entries")), strict=True):
        reading = _entry(parsed, item, node, year, demonstration, indicators, errors)
        if reading is None:
            continue
        if reading.indicator in seen:
            message = (
                f"{reading.indicator} is given twice in this file (first on line {seen[reading.indicator]}); keep one"
            )
            errors.append(ContentError(path, reading.line, message))
            continue
        seen[reading.indicator] = reading.line
        readings.append(reading)
    return readings


def _entry(parsed: Yaml, item, node, year: int, demonstration: bool, indicators: dict, errors) -> Reading | None:
    path, line = parsed.path, parsed.line(node)
    if not isinstance(item, dict):
        errors.append(ContentError(path, line, "an entry must be a set of 'key: value' lines"))
        return None
    problems: list[tuple[int | None, str]] = []

    def at(key: str) -> int | None:
        return parsed.key_line(key, node, line)

    problems += [
        (at(k), f"unknown field {k!r} (fields: {', '.join(ENTRY_FIELDS)})") for k in item if k not in ENTRY_FIELDS
    ]
    problems += [(line, f"lacks {k!r}") for k in ENTRY_FIELDS if item.get(k) in (None, "")]
    ident = str(item.get("indicator", ""))
    indicator = indicators.get(ident)
    course = course_of(indicator) if indicator else None
    if ident and indicator is None:
        problems.append((at("indicator"), f"unknown indicator {ident!r}: use an id from figures.yaml"))
    elif indicator and course is None:
        problems.append(
            (
                at("indicator"),
                f"{ident} has no target with a number in figures.yaml: progress is recorded for those only",
            )
        )
    value = _number(item.get("value"))
    if item.get("value") not in (None, "") and value is None:
        problems.append((at("value"), f"value {item.get('value')!r} must be a number, like 96.8"))
    if indicator and item.get("unit") not in (None, "") and str(item["unit"]) != indicator.unit:
        problems.append(
            (at("unit"), f"unit {item['unit']!r} is not the unit of {ident} in figures.yaml ({indicator.unit!r})")
        )
    if indicator and course and value is not None:
        problems += [(at("value"), p) for p in _implausible(indicator, course, value)]
    on = _date(item.get("date"), year, problems, at("date"))
    source = _source(parsed, node, item.get("source"), demonstration, problems, at("source"))
    if problems:
        errors.extend(ContentError(path, where or line, message, ident or None) for where, message in problems)
        return None
    if value is None or on is None or source is None:  # reported above as missing
        return None
    return Reading(ident, value, str(item["value"]), on, source, demonstration, path, line or 0)


def _number(raw) -> Decimal | None:
    if isinstance(raw, bool) or raw in (None, ""):
        return None
    try:
        number = Decimal(str(raw).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _implausible(indicator: Indicator, course, value: Decimal) -> list[str]:
    if value < 0:
        return [f"value {value} is negative"]
    if indicator.is_percent and value > 100:
        return [f"value {value} is a share above 100 %"]
    if indicator.unit in COUNT_UNITS and value != value.to_integral_value():
        return [f"value {value} counts {indicator.unit}, so it must be a whole number"]
    largest = max([course.threshold, *course.target.numbers, *(v.numbers[0] for v in indicator.numeric)])
    if largest > 0 and value >= IMPLAUSIBLE * largest:
        return [f"value {value} is {IMPLAUSIBLE} or more times the plan's figures for {indicator.id}: check the digits"]
    return []


def _date(raw, year: int, problems: list, line: int | None) -> dt.date | None:
    if raw in (None, ""):
        return None
    try:
        on = dt.date.fromisoformat(str(raw))
    except ValueError:
        problems.append((line, f"date {raw!r} must be a day of the calendar, like {year}-12-31"))
        return None
    if on.year != year:
        problems.append((line, f"date {on} is not in {year}, the year this file is named for"))
    elif on < EARLIEST:
        problems.append(
            (line, f"date {on} is before the plan began ({EARLIEST}); earlier values are the plan's own results")
        )
    elif on > dt.date.today():
        problems.append((line, f"date {on} is in the future"))
    return on


def _source(parsed: Yaml, node, raw, demonstration: bool, problems: list, line: int | None) -> Source | None:
    if raw in (None, ""):
        return None
    if not isinstance(raw, dict):
        problems.append((line, "source must have 'name', 'url' and 'locator' (the page or table)"))
        return None
    inner = parsed.value_node("source", node)
    for key in raw:
        if key not in SOURCE_FIELDS:
            problems.append(
                (parsed.key_line(key, inner, line), f"unknown field {key!r} in source (fields: name, url, locator)")
            )
    needed = ("name", "locator") if demonstration else SOURCE_FIELDS  # a made-up value has no real address
    missing = [k for k in needed if not str(raw.get(k) or "").strip()]
    if missing:
        problems.append((line, f"source lacks {', '.join(repr(k) for k in missing)}"))
    url = str(raw.get("url") or "").strip()
    if url and not url.startswith(("https://", "http://")):
        problems.append(
            (parsed.key_line("url", inner, line), f"source url {url!r} must start with https:// or http://")
        )
    if missing:
        return None
    return Source(str(raw["name"]).strip(), url, str(raw["locator"]).strip())
