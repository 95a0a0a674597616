"""Key figures: `/<lang>/figures/` with a chart, a table and a sentence per indicator, and the
same data as open data: `/figures.json` (every language) and `/<lang>/figures.csv`."""

from __future__ import annotations

from flask import Blueprint, Response
from flask_babel import gettext as _

from ...model.figures import Figures, Indicator, Value
from ...model.languages import SOURCE_LANG, language
from ...model.progress import STATUSES, Reading, Tracked
from ...text.localize import chapter_label
from ..chapters import plan_for
from ..charts import bar_chart
from ..open_data import figures_csv, figures_document
from ..registry import PageSet, once, per_language
from ..render import current, other_languages, render, status_label
from ..scripts import json_response

bp = Blueprint("figures", __name__)
pages = PageSet(bp)


def figures() -> Figures:
    return current().figures


def kind_label(kind: str) -> str:
    return _("result") if kind == "result" else _("target")


def reading_kind(reading: Reading) -> str:
    """What a recorded value is called; a made-up one says so wherever it shows."""
    return _("demonstration") if reading.demonstration else _("latest")


def latest_label(reading: Reading) -> str:
    return f"{reading.on.year} {reading_kind(reading)}"


def start_text(target: Tracked, lang: str) -> str:
    """Where a target's course starts: the plan's baseline, zero for a count over a period, or
    a dash where the plan gives no start."""
    course = target.course
    if course.baseline is not None:
        return f"{value_text(target.indicator, course.baseline, lang)} ({course.baseline.period})"
    if course.start is not None:
        unit = figures().unit(target.indicator, lang)
        return f"0 {unit} ({course.start.isoformat()})"
    return "—"


def with_unit(indicator: Indicator, shown: str, lang: str) -> str:
    """A number with the indicator's unit: "97%", "5118.8 公里"."""
    unit = figures().unit(indicator, lang)
    return shown + unit if unit == "%" else f"{shown} {unit}"


def reading_text(indicator: Indicator, reading: Reading, lang: str) -> str:
    return with_unit(indicator, reading.written, lang)


def value_text(indicator: Indicator, value: Value, lang: str) -> str:
    """A value as a sentence fragment: "≥ 97%", "5118.8 公里", or the target in words."""
    if value.in_words:
        return value.text_in(lang)
    if value.is_shares:
        names = [p.name(lang) for p in indicator.parts]
        return ", ".join(f"{name} {n}%" for name, n in zip(names, value.numbers, strict=True))
    return with_unit(indicator, value.shown(), lang)


def text_alternative(indicator: Indicator, lang: str, latest: Reading | None = None) -> str:
    """The chart in words, for screen readers and for anyone who prefers a sentence."""
    pairs = [(f"{v.period}", kind_label(v.kind), value_text(indicator, v, lang)) for v in indicator.values]
    if latest is not None:
        pairs.append((latest.on.isoformat(), reading_kind(latest), reading_text(indicator, latest, lang)))
    if language(lang).vertical:  # Mongolian punctuation
        items = [f"{when} ({kind}): {text}" for when, kind, text in pairs]
        return f"{indicator.name(lang)}: " + "\u1802 ".join(items) + "\u1803"
    items = [f"{when}（{kind}）{text}" for when, kind, text in pairs]
    return f"{indicator.name(lang)}：" + "；".join(items) + "。"


def chapter_number(pid: str) -> int:
    return plan_for(SOURCE_LANG).locate(pid)[0].number


def source_label(pid: str, lang: str) -> str:
    return f"{chapter_label(chapter_number(pid), lang)} · {pid}"


@pages.route("/<lang:lang>/figures/", per_language)
def page(lang: str):
    plan_for(lang)
    targets = {t.indicator.id: t for t in current().targets}

    def latest(indicator: Indicator):
        found = targets.get(indicator.id)
        return (latest_label(found.latest), found.latest) if found and found.latest else None

    charts = {i.id: bar_chart(i, lang, kind_label, f"alt-{i.id}", latest(i)) for i in figures().indicators}
    counts = {status: sum(t.status == status for t in targets.values()) for status in STATUSES}
    return render(
        "figures.html",
        targets=targets,
        counts=counts,
        demonstration=any(t.latest and t.latest.demonstration for t in targets.values()),
        status_label=status_label,
        reading_kind=reading_kind,
        reading_text=reading_text,
        start_text=start_text,
        groups=figures().grouped(),
        figures=figures(),
        charts=charts,
        value_text=value_text,
        text_alternative=text_alternative,
        kind_label=kind_label,
        source_label=source_label,
        chapter_of=chapter_number,
        switch=other_languages(lang, "figures.page"),
    )


@pages.route("/figures.json", once, offline=None)
def open_data():
    """build/figures.json: every indicator in every language, with its source paragraphs."""
    return json_response(figures_document(figures(), current().targets))


@pages.route("/<lang:lang>/figures.csv", per_language, offline=None)
def csv_file(lang: str):
    plan_for(lang)
    return Response(figures_csv(figures(), lang, current().targets), mimetype="text/csv")
