"""Open data: the plan (`/<lang>/plan.json`), the glossary and places (`/glossary.json`,
`/places.json`) and the key figures (`/figures.json`, `/<lang>/figures.csv`), in the formats
promised in the README. Keep them stable.

Built from the model, so the data holds exactly what the pages show.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from ..model.figures import Figures, Value
from ..model.glossary import Entry
from ..model.languages import CODES
from ..model.plan import Paragraph, Plan
from ..model.progress import Reading, Tracked
from ..text.mongolian import to_latin


def _paragraph(paragraph: Paragraph) -> dict:
    if paragraph.status is None:  # the Chinese source text
        return {"id": paragraph.id, "text": paragraph.text}
    # An untranslated paragraph has no text in this language: null, never the Chinese.
    text = None if paragraph.status == "missing" else paragraph.text
    return {"id": paragraph.id, "text": text, "status": paragraph.status}


def plan_document(plan: Plan) -> dict:
    return {
        "lang": plan.lang,
        "edition": plan.edition,
        "title": plan.title if plan.title_lang == plan.lang else None,
        "chapters": [
            {
                "number": chapter.number,
                "title": chapter.title if chapter.title_lang == plan.lang else None,
                "sections": [
                    {
                        "number": section.number,
                        "title": section.title if section.title_lang == plan.lang else None,
                        "paragraphs": [_paragraph(p) for p in section.paragraphs],
                    }
                    for section in chapter.sections
                ],
            }
            for chapter in plan.chapters
        ],
    }


def latin_of(entry: Entry) -> str:
    """An entry's Latin transliteration, made from its Mongolian (never stored)."""
    return to_latin(entry.mn).replace("'", "")


def entry_document(entry: Entry, occurrences: list[str], place: bool) -> dict:
    text = "description" if place else "definition"
    document = {
        "id": entry.id,
        "zh": list(entry.zh),
        "related": list(entry.related),
        "mn": entry.mn,
        "latin": latin_of(entry),
    }
    if place:
        document["kind"] = entry.kind
    document.update({f"{text}_{code}": entry.definition[code] for code in CODES})
    document.update({"status": entry.status, "occurrences": occurrences})
    return document


def _number(n: Decimal):
    return int(n) if n == n.to_integral_value() else float(n)


def value_document(value: Value) -> dict:
    document: dict = {"period": value.period, "kind": value.kind}
    if value.in_words:
        document["text"] = dict(value.text)
    elif value.is_range:
        document["range"] = [_number(n) for n in value.numbers]
    elif value.is_shares:
        document["shares"] = [_number(n) for n in value.numbers]
    else:
        document["value"] = _number(value.numbers[0])
    if value.qualifier:
        document["qualifier"] = value.qualifier
    return document


def reading_document(reading: Reading) -> dict:
    source = {"name": reading.source.name, "url": reading.source.url or None, "locator": reading.source.locator}
    return {
        "value": _number(reading.value),
        "date": reading.on.isoformat(),
        "source": source,
        "demonstration": reading.demonstration,
    }


def progress_document(target: Tracked) -> dict:
    """A target's course and its latest recorded value; `status` follows `model.progress.status`."""
    course = target.course
    return {
        "status": target.status,
        "better": course.better,
        "baseline": value_document(course.baseline) if course.baseline else None,
        "target": value_document(course.target),
        "latest": reading_document(target.latest) if target.latest else None,
    }


def figures_document(data: Figures, targets: list[Tracked] = ()) -> dict:
    """Every indicator in every language, with its source paragraphs and, for a numeric
    target, its progress."""
    progress = {t.indicator.id: progress_document(t) for t in targets}
    return {
        "categories": [{"id": c.id, **c.names} for c in data.categories],
        "indicators": [
            {
                "id": i.id,
                "category": i.category,
                "name": dict(i.names),
                "unit": {code: data.unit(i, code) for code in CODES},
                "values": [value_document(v) for v in i.values],
                **({"parts": [dict(p.names) for p in i.parts]} if i.parts else {}),
                "sources": list(i.sources),
                "status": i.status,
                **({"progress": progress[i.id]} if i.id in progress else {}),
            }
            for i in data.indicators
        ],
    }


CSV_COLUMNS = (
    "id",
    "category",
    "indicator",
    "part",
    "unit",
    "period",
    "kind",
    "qualifier",
    "value",
    "value_high",
    "text",
    "sources",
    "date",
    "source",
    "status",
    "demonstration",
)


NO_PROGRESS = ("", "", "", "")  # the last four columns of a row of the plan's own values


def figures_csv(data: Figures, lang: str, targets: list[Tracked] = ()) -> str:
    """One row per value (per share of a "8.5:44.5:47" value), names in one language, then a
    row of kind "latest" for each recorded value of a target, with its date, source, status and
    whether it is a demonstration. Starts with a byte-order mark so that spreadsheet programs
    read it as UTF-8."""
    progress = {t.indicator.id: t for t in targets}
    categories = {c.id: c.name(lang) for c in data.categories}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for i in data.indicators:
        for v in i.values:
            common = [i.id, categories[i.category], i.name(lang)]
            tail = [data.unit(i, lang), v.period, v.kind, v.qualifier]
            sources = " ".join(i.sources)
            if v.is_shares:
                for part, n in zip(i.parts, v.numbers, strict=True):
                    writer.writerow([*common, part.name(lang), *tail, n, "", "", sources, *NO_PROGRESS])
            elif v.in_words:
                writer.writerow([*common, "", *tail, "", "", v.text_in(lang), sources, *NO_PROGRESS])
            else:
                low, high = (v.numbers[0], v.numbers[-1]) if v.is_range else (v.numbers[0], "")
                writer.writerow([*common, "", *tail, low, high, "", sources, *NO_PROGRESS])
        target = progress.get(i.id)
        if target and target.latest:
            r = target.latest
            where = " ".join(part for part in (r.source.name, r.source.url, r.source.locator) if part)
            period = str(r.on.year)
            row = [*common, "", data.unit(i, lang), period, "latest", "", r.value, "", "", "", r.on.isoformat(), where]
            writer.writerow([*row, target.status, "yes" if r.demonstration else "no"])
    return "\ufeff" + out.getvalue()
