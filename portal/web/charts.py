"""Small bar charts of the key figures, drawn at build time as inline SVG.

No chart library runs in the browser, and none is needed on the server: a chart is a few bars.
Chinese pages get horizontal bars with labels on the left. Mongolian pages are set in vertical
columns, so the chart is transposed: one column per value, its label written downwards in
vertical script (`writing-mode` in mongolian.css, never a rotated image), the bar growing down
beneath it.
Colours come from classes styled in portal.css; labels always name the period and whether a
value is a result or a target, so colour is never the only cue.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..model.figures import Indicator
from ..model.progress import Reading

#: A recorded value of the target (content/progress/), drawn after the plan's own values.
Latest = tuple[str, Reading]  # (its label, the reading)


def _rows(
    indicator: Indicator, lang: str, kind_label, latest: Latest | None = None
) -> list[tuple[str, str, float, float, str]]:
    """(label, kind, start, end, value text) of each bar, start and end as fractions of the
    full length. Both orientations draw these."""
    values = indicator.numeric
    if not values:
        return []
    if values[0].is_shares:  # one value, several shares of 100%: a bar per share
        value = values[0]
        return [
            (part.name(lang), value.kind, 0.0, float(n) / 100, f"{n}%")
            for part, n in zip(indicator.parts, value.numbers, strict=True)
        ]
    percent = "%" if indicator.is_percent else ""
    tops = [v.top for v in values] + ([float(latest[1].value)] if latest else [])
    scale = 100.0 if indicator.is_percent else max(tops) or 1.0
    rows = []
    for value in values:
        low = float(min(value.numbers)) / scale if value.is_range else 0.0
        rows.append(
            (
                f"{value.period} {kind_label(value.kind)}",
                value.kind,
                low,
                min(value.top / scale, 1.0),
                value.shown() + percent,
            )
        )
    if latest:
        label, reading = latest
        rows.append((label, "latest", 0.0, min(float(reading.value) / scale, 1.0), reading.written + percent))
    return rows


def bar_chart(indicator: Indicator, lang: str, kind_label, labelledby: str, latest: Latest | None = None) -> Markup:
    """The indicator's chart, or an empty string when it has no numeric value."""
    rows = _rows(indicator, lang, kind_label, latest)
    if not rows:
        return Markup("")
    draw = _vertical if lang == "mn" else _horizontal
    return Markup(draw(indicator, rows, labelledby))


def _horizontal(indicator: Indicator, rows, labelledby: str) -> str:
    label_w, bar_x, bar_w, row_h = 104, 108, 150, 26
    height = row_h * len(rows) + 6
    parts = [
        f'<svg class="chart" viewBox="0 0 320 {height}" width="320" height="{height}" role="img"'
        f' aria-labelledby="{labelledby}">'
    ]
    for i, (label, kind, start, end, text) in enumerate(rows):
        y = 4 + i * row_h
        parts.append(f'<text class="chart-label" x="{label_w}" y="{y + 14}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect class="chart-track" x="{bar_x}" y="{y + 3}" width="{bar_w}" height="14"/>')
        x0, w = bar_x + start * bar_w, max((end - start) * bar_w, 1.5)
        parts.append(f'<rect class="chart-bar {kind}" x="{x0:.1f}" y="{y + 3}" width="{w:.1f}" height="14"/>')
        parts.append(f'<text class="chart-value" x="{x0 + w + 4:.1f}" y="{y + 14}">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _vertical(indicator: Indicator, rows, labelledby: str) -> str:
    # A label runs down its column: leave it room for about 8 px per character.
    col_w, label_h, bar_h, value_h = 44, max(120, 8 * max(len(label) for label, *_ in rows) + 12), 150, 70
    width, height = col_w * len(rows) + 8, label_h + bar_h + value_h
    parts = [
        f'<svg class="chart chart-vertical" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-labelledby="{labelledby}">'
    ]
    for i, (label, kind, start, end, text) in enumerate(rows):
        x = 4 + i * col_w + col_w / 2
        parts.append(f'<text class="chart-label" x="{x}" y="4">{escape(label)}</text>')
        parts.append(f'<rect class="chart-track" x="{x - 7}" y="{label_h}" width="14" height="{bar_h}"/>')
        y0, h = label_h + start * bar_h, max((end - start) * bar_h, 1.5)
        parts.append(f'<rect class="chart-bar {kind}" x="{x - 7}" y="{y0:.1f}" width="14" height="{h:.1f}"/>')
        parts.append(f'<text class="chart-value" x="{x}" y="{y0 + h + 4:.1f}">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)
