"""Key figures pages: `/<lang>/figures/` with a chart, a table and a sentence per indicator,
and the same data as open data: `/figures.json` (both languages) and `/<lang>/figures.csv`."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from flask import Blueprint, Response
from flask_babel import gettext as _

from .charts import bar_chart
from .figures import Figures, Indicator, Value
from .localize import chapter_label
from .views import content, other_languages, plan_for, render

bp = Blueprint("figures", __name__)


def figures() -> Figures:
    return content().figures


def kind_label(kind: str) -> str:
    return _("result") if kind == "result" else _("target")


def value_text(indicator: Indicator, value: Value, lang: str) -> str:
    """A value as a sentence fragment: "≥ 97%", "5118.8 公里", or the target in words."""
    if value.text_zh:
        return value.text_mn if lang == "mn" else value.text_zh
    unit = figures().unit(indicator, lang)
    if value.is_shares:
        names = [p.name(lang) for p in indicator.parts]
        return ", ".join(f"{name} {n}%" for name, n in zip(names, value.numbers))
    return value.shown() + unit if unit == "%" else f"{value.shown()} {unit}"


def text_alternative(indicator: Indicator, lang: str) -> str:
    """The chart in words, for screen readers and for anyone who prefers a sentence."""
    if lang == "mn":
        items = [f"{v.period} ({kind_label(v.kind)}): {value_text(indicator, v, lang)}" for v in indicator.values]
        return f"{indicator.mn}: " + "\u1802 ".join(items) + "\u1803"
    items = [f"{v.period}（{kind_label(v.kind)}）{value_text(indicator, v, lang)}" for v in indicator.values]
    return f"{indicator.zh}：" + "；".join(items) + "。"


def source_label(pid: str, lang: str) -> str:
    chapter = plan_for("zh").locate(pid)[0]
    return f"{chapter_label(chapter.number, lang)} · {pid}"


@bp.route("/<any(zh, mn):lang>/figures/")
def page(lang: str):
    plan_for(lang)
    charts = {i.id: bar_chart(i, lang, kind_label, f"alt-{i.id}") for i in figures().indicators}
    return render(
        "figures.html",
        vertical=lang == "mn",
        groups=figures().grouped(),
        figures=figures(),
        charts=charts,
        value_text=value_text,
        text_alternative=text_alternative,
        kind_label=kind_label,
        source_label=source_label,
        chapter_of=lambda pid: plan_for("zh").locate(pid)[0].number,
        switch=other_languages(lang, "figures.page"),
    )


def _number(n: Decimal):
    return int(n) if n == n.to_integral_value() else float(n)


def value_document(value: Value) -> dict:
    document: dict = {"period": value.period, "kind": value.kind}
    if value.text_zh:
        document["text"] = {"zh": value.text_zh, "mn": value.text_mn}
    elif value.is_range:
        document["range"] = [_number(n) for n in value.numbers]
    elif value.is_shares:
        document["shares"] = [_number(n) for n in value.numbers]
    else:
        document["value"] = _number(value.numbers[0])
    if value.qualifier:
        document["qualifier"] = value.qualifier
    return document


@bp.route("/figures.json")
def open_data():
    """build/figures.json: every indicator in both languages, with its source paragraphs."""
    data = figures()
    body = {
        "categories": [{"id": c.id, "zh": c.zh, "mn": c.mn} for c in data.categories],
        "indicators": [
            {
                "id": i.id,
                "category": i.category,
                "name": {"zh": i.zh, "mn": i.mn},
                "unit": {"zh": data.unit(i, "zh"), "mn": data.unit(i, "mn")},
                "values": [value_document(v) for v in i.values],
                **({"parts": [{"zh": p.zh, "mn": p.mn} for p in i.parts]} if i.parts else {}),
                "sources": list(i.sources),
                "status": i.status,
            }
            for i in data.indicators
        ],
    }
    return Response(json.dumps(body, ensure_ascii=False, indent=1), mimetype="application/json")


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
)


@bp.route("/<any(zh, mn):lang>/figures.csv")
def csv_file(lang: str):
    """One row per value (per share of a "8.5:44.5:47" value), names in the page's language.
    Starts with a byte-order mark so that spreadsheet programs read it as UTF-8."""
    plan_for(lang)
    data = figures()
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
                for part, n in zip(i.parts, v.numbers):
                    writer.writerow([*common, part.name(lang), *tail, n, "", "", sources])
            elif v.text_zh:
                writer.writerow([*common, "", *tail, "", "", v.text_mn if lang == "mn" else v.text_zh, sources])
            else:
                low, high = (v.numbers[0], v.numbers[-1]) if v.is_range else (v.numbers[0], "")
                writer.writerow([*common, "", *tail, low, high, "", sources])
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv")
