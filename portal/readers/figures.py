"""`content/figures.yaml`: the key figures, each value proved against its source paragraphs.

A value whose numbers (or words) do not all appear in the Chinese text of one of the
paragraphs it names is refused at its own line: the figures pages repeat the plan, never add
to it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model import translation
from ..model.figures import KINDS, QUALIFIERS, Category, Figures, Indicator, Part, Value
from ..model.languages import CODES, SOURCE_LANG
from ..model.plan import Paragraph, Plan
from ..model.progress import BETTER
from ..text.mongolian import MongolianTextError, check_encoding
from ..text.numerals import NUMBER
from .glossary import ENTRY_ID
from .yamlfile import Yaml, read_yaml

RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*[—–-]\s*(\d+(?:\.\d+)?)$")
SHARES = re.compile(r"^\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)+$")
INDICATOR_FIELDS = ("id", "category", "zh", "mn", "unit", "sources", "values", "parts", "status", "better")


def appears_in(value: Value, text: str) -> bool:
    """Does every number of `value` (or its words) occur in `text`?"""
    if value.in_words:
        return value.text[SOURCE_LANG] in text
    have = [Decimal(n) for n in NUMBER.findall(text)]
    return bool(value.numbers) and all(n in have for n in value.numbers)


def load_figures(content_dir: Path | str, source: Plan) -> Figures:
    """`content/figures.yaml`, each value checked against its source paragraphs' Chinese text."""
    path = Path(content_dir) / "figures.yaml"
    if not path.exists():
        return Figures()
    parsed = read_yaml(path)
    data = parsed.data
    shape = (("categories", list), ("units", dict), ("indicators", list))
    if not isinstance(data, dict) or not all(isinstance(data.get(k), t) for k, t in shape):
        message = "must have 'categories' (a list), 'units' (a mapping) and 'indicators' (a list)"
        raise ContentErrors([ContentError(path, 1, message)])
    errors: list[ContentError] = []
    categories = []
    for item, line in zip(data["categories"], parsed.item_lines("categories"), strict=True):
        if not isinstance(item, dict) or not all(item.get(k) for k in ("id", *CODES)):
            errors.append(ContentError(path, line, "a category needs 'id', 'zh' and 'mn'"))
            continue
        categories.append(Category(str(item["id"]), {code: str(item[code]) for code in CODES}))
    units = {str(k): {SOURCE_LANG: str(k), "mn": str(v)} for k, v in data["units"].items()}
    indicators = _indicators(parsed, data["indicators"], {c.id for c in categories}, units, source, errors)
    for text, where in [(c.names["mn"], c.id) for c in categories] + [(v["mn"], k) for k, v in units.items()]:
        try:
            check_encoding(text)
        except MongolianTextError as exc:
            errors.append(ContentError(path, None, f"{where}: {exc}"))
    if errors:
        raise ContentErrors(errors)
    return Figures(tuple(categories), units, tuple(indicators), path)


def _indicators(parsed: Yaml, items: list, categories: set[str], units: dict, source: Plan, errors) -> list[Indicator]:
    paragraphs = {p.id: p for p in source.paragraphs}
    indicators, ids = [], {}
    for item, node in zip(items, parsed.items(parsed.value_node("indicators")), strict=True):
        line = parsed.line(node)
        value_lines = parsed.item_lines("values", node)
        indicator = _indicator(parsed.path, line, item, value_lines, categories, units, paragraphs, errors)
        if indicator is None:
            continue
        if indicator.id in ids:
            errors.append(
                ContentError(parsed.path, line, f"id {indicator.id!r} is also used on line {ids[indicator.id]}")
            )
        ids.setdefault(indicator.id, line)
        indicators.append(indicator)
    return indicators


def _indicator_problems(item: dict, categories: set[str], units: dict, paragraphs: dict) -> list[str]:
    ident = str(item.get("id", ""))
    required = ("id", "category", "zh", "mn", "sources", "values", "status")
    problems = [f"lacks {key!r}" for key in required if not item.get(key)]
    problems += [f"unknown field {key!r}" for key in item if key not in INDICATOR_FIELDS]
    if ident and not ENTRY_ID.match(ident):
        problems.append(f"id {ident!r} must be lower-case letters, digits and hyphens")
    if item.get("category") and item["category"] not in categories:
        problems.append(f"unknown category {item['category']!r} (categories: {', '.join(sorted(categories))})")
    unit = str(item.get("unit") or "")
    if unit and unit not in units:
        problems.append(f"unit {unit!r} has no Mongolian form under 'units'")
    if item.get("status") not in translation.RECORDED:
        problems.append(f"status must be one of {', '.join(translation.RECORDED)}")
    try:
        check_encoding(str(item.get("mn", "")))
    except MongolianTextError as exc:
        problems.append(f"mn: {exc}")
    if item.get("better", "higher") not in BETTER:
        problems.append(f"better must be {' or '.join(BETTER)} (which way is progress)")
    sources = item.get("sources") if isinstance(item.get("sources"), list) else []
    problems += [f"source paragraph {pid!r} does not exist" for pid in sources if pid not in paragraphs]
    return problems


def _indicator(
    path: Path,
    line: int,
    item,
    value_lines: list[int],
    categories: set[str],
    units: dict,
    paragraphs: dict[str, Paragraph],
    errors: list[ContentError],
) -> Indicator | None:
    if not isinstance(item, dict):
        errors.append(ContentError(path, line, "an indicator must be a set of 'key: value' lines"))
        return None
    ident = str(item.get("id", ""))
    problems = _indicator_problems(item, categories, units, paragraphs)
    unit = str(item.get("unit") or "")
    sources = item.get("sources") if isinstance(item.get("sources"), list) else []
    texts = [paragraphs[pid].text for pid in sources if pid in paragraphs]
    values = []
    raws = item.get("values") if isinstance(item.get("values"), list) else []
    for raw, value_line in zip(raws, value_lines, strict=True):
        value = _value(raw, value_line, problems)
        if value is None:
            continue
        if value.numbers and not unit:
            problems.append(f"value {value.written!r} is a number, so the indicator needs a 'unit'")
        if texts and not any(appears_in(value, text) for text in texts):
            what = repr(value.text[SOURCE_LANG]) if value.in_words else f"{value.written!r}"
            # named at the value's own line: that is the line to fix
            message = f"value {what} ({value.period}) does not appear in the Chinese text of {', '.join(sources)}"
            errors.append(ContentError(path, value_line, message, ident))
            continue
        values.append(value)
    parts = tuple(
        Part({code: str(p.get(code, "")) for code in CODES}) for p in item.get("parts") or [] if isinstance(p, dict)
    )
    for value in values:
        if value.is_shares and len(value.numbers) != len(parts):
            problems.append(f"value {value.written!r} has {len(value.numbers)} shares but 'parts' names {len(parts)}")
    if problems or len(values) < len(raws):
        errors.extend(ContentError(path, line, problem, ident or None) for problem in problems)
        return None
    names = {code: str(item[code]) for code in CODES}
    return Indicator(
        ident,
        item["category"],
        names,
        unit,
        tuple(sources),
        tuple(values),
        parts,
        item["status"],
        line,
        str(item.get("better", "higher")),
    )


def _value(raw, line: int, problems: list[str]) -> Value | None:
    if not isinstance(raw, dict) or not raw.get("period") or raw.get("kind") not in KINDS:
        problems.append(f"each value needs a 'period' and a 'kind' ({' or '.join(KINDS)})")
        return None
    qualifier = raw.get("qualifier") or ""
    if qualifier and qualifier not in QUALIFIERS:
        problems.append(f"qualifier must be one of {', '.join(QUALIFIERS)}")
    text = raw.get("text")
    period, kind = str(raw["period"]), raw["kind"]
    if isinstance(text, dict) and all(text.get(code) for code in CODES):
        words = {code: str(text[code]) for code in CODES}
        return Value(period, kind, "", "text", (), words, qualifier, line)
    written = str(raw.get("value", "")).strip()
    form = "range" if RANGE.match(written) else "shares" if SHARES.match(written) else "number"
    if form == "number" and not NUMBER.fullmatch(written):
        problems.append(
            f"value {written!r} must be a number, a range like 3—5, shares like 8.5:44.5:47, or a 'text' with zh and mn"
        )
        return None
    numbers = tuple(Decimal(n) for n in NUMBER.findall(written))
    return Value(period, kind, written, form, numbers, {}, qualifier, line)
