"""Progress on the targets: values staff record in content/progress/<year>.yaml, the status rule
the figures page states, and the same progress in the page, the chart, figures.json and the CSV
files, live and frozen. A demonstration value says so everywhere it shows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from portal import PROJECT_ROOT, create_app
from portal.cli import main
from portal.errors import ContentErrors
from portal.model.figures import Indicator, Value
from portal.model.progress import Progress, Reading, Source, course_of, status
from portal.readers import load_content

CONTENT = PROJECT_ROOT / "content"
DEMO = CONTENT / "progress" / "2023-demo.yaml"


def value(period: str, kind: str, *numbers: str, qualifier: str = "") -> Value:
    form = "range" if len(numbers) == 2 else "number"
    return Value(period, kind, "—".join(numbers), form, tuple(Decimal(n) for n in numbers), {}, qualifier)


def indicator(*values: Value, better: str = "higher", unit: str = "%") -> Indicator:
    return Indicator("x", "c", {"zh": "x"}, unit, (), values, better=better)


def reading(number: str, on: str, demonstration: bool = False) -> Reading:
    source = Source("公报", "https://example.gov.cn/a", "表1")
    return Reading("x", Decimal(number), number, dt.date.fromisoformat(on), source, demonstration)


ENROLMENT = indicator(value("2020", "result", "96"), value("2025", "target", "97", qualifier="at-least"))
TRAVEL = indicator(value("2025", "target", "4"), better="lower", unit="小时")
PLATFORMS = indicator(value("2021–2025", "target", "3", "5"), unit="家")


@pytest.mark.parametrize(
    "measured, number, on, expected",
    [
        # 96 at the end of 2020 to 97 at the end of 2025: the line is at 96.60 on 2023-12-31
        (ENROLMENT, "96.8", "2023-12-31", "on-track"),
        (ENROLMENT, "96.5", "2023-12-31", "behind"),
        (ENROLMENT, "96.1", "2021-03-31", "on-track"),  # the line is at 96.05 then
        (ENROLMENT, "97", "2022-06-30", "met"),
        (ENROLMENT, "96.9", "2026-03-31", "behind"),  # past the target year, not met
        (ENROLMENT, None, None, "no-data"),
        # lower is better; no starting value in the plan
        (TRAVEL, "3.5", "2023-12-31", "met"),
        (TRAVEL, "4", "2023-12-31", "met"),
        (TRAVEL, "4.5", "2023-12-31", "not-met-yet"),
        (TRAVEL, "4.5", "2026-01-31", "behind"),
        # 3 to 5 over 2021–2025, counted from zero: the line is at 1.80 on 2023-12-31
        (PLATFORMS, "3", "2023-12-31", "met"),
        (PLATFORMS, "2", "2023-12-31", "on-track"),
        (PLATFORMS, "1", "2023-12-31", "behind"),
    ],
)
def test_the_status_rule(measured, number, on, expected):
    found = reading(number, on) if number else None
    assert status(course_of(measured), found) == expected


def test_no_numeric_target_means_no_course():
    assert course_of(indicator(value("2020", "result", "5"))) is None
    words = Value("2025", "target", "", "text", (), {"zh": "全面覆盖"})
    assert course_of(indicator(words)) is None


def test_a_real_value_wins_over_a_demonstration():
    demo, real = reading("99", "2024-06-30", demonstration=True), reading("96.2", "2023-12-31")
    assert Progress((demo,)).latest("x") is demo
    assert Progress((demo, real)).latest("x") is real
    newer = reading("96.4", "2024-03-31")
    assert Progress((real, newer, demo)).latest("x") is newer


GOOD = """\
entries:
- indicator: kindergarten-enrolment
  value: 96.4
  unit: '%'
  date: '2024-12-31'
  source:
    name: 阿拉善左旗2024年国民经济和社会发展统计公报
    url: https://www.alszq.gov.cn/bulletin-2024
    locator: 表5
"""


def write(content: Path, name: str, text: str) -> Path:
    path = content / "progress" / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "old, new, line, words",
    [
        ("kindergarten-enrolment", "kindergarten-enrollment", 2, "unknown indicator 'kindergarten-enrollment'"),
        ("kindergarten-enrolment", "gdp-growth", 2, "gdp-growth has no target with a number"),
        ("kindergarten-enrolment", "5g-coverage", 2, "5g-coverage has no target with a number"),
        ("unit: '%'", "unit: 万人", 4, "unit '万人' is not the unit of kindergarten-enrolment"),
        ("value: 96.4", "value: 104", 3, "a share above 100 %"),
        ("value: 96.4", "value: -3", 3, "is negative"),
        ("value: 96.4", "value: many", 3, "must be a number"),
        ("value: 96.4", "value: .nan", 3, "must be a number"),
        ("date: '2024-12-31'", "date: '2023-12-31'", 5, "is not in 2024, the year this file is named for"),
        ("date: '2024-12-31'", "date: '2024-02-30'", 5, "must be a day of the calendar"),
        ("    url: https://www.alszq.gov.cn/bulletin-2024\n", "", 6, "source lacks 'url'"),
        ("https://www.alszq.gov.cn/bulletin-2024", "javascript:alert(1)", 8, "must start with https://"),
        ("    locator: 表5\n", "    locator: 表5\n    page: 3\n", 10, "unknown field 'page' in source"),
        ("  unit: '%'\n", "  unit: '%'\n  note: estimated\n", 5, "unknown field 'note'"),
        ("  value: 96.4\n", "", 2, "lacks 'value'"),
    ],
)
def test_a_wrong_entry_is_refused_at_its_line(content_copy, old, new, line, words):
    assert old in GOOD
    path = write(content_copy, "2024.yaml", GOOD.replace(old, new, 1))
    with pytest.raises(ContentErrors) as caught:
        load_content(content_copy)
    assert f"{path}:{line}:" in str(caught.value) and words in str(caught.value), str(caught.value)


def test_a_value_ten_times_the_target_is_a_typing_mistake(content_copy):
    text = GOOD.replace("kindergarten-enrolment", "new-public-kindergartens").replace("unit: '%'", "unit: 所")
    path = write(content_copy, "2024.yaml", text.replace("value: 96.4", "value: 20"))
    with pytest.raises(ContentErrors, match="10 or more times the plan's figures"):
        load_content(content_copy)
    path.write_text(text.replace("value: 96.4", "value: 2.5"), encoding="utf-8")
    with pytest.raises(ContentErrors, match="must be a whole number"):
        load_content(content_copy)
    path.write_text(text.replace("value: 96.4", "value: 3"), encoding="utf-8")
    assert load_content(content_copy).progress.latest("new-public-kindergartens").value == 3


@pytest.mark.parametrize(
    "name, text, words",
    [
        ("latest.yaml", GOOD, "the file name must be a year"),
        ("2024-draft.yaml", GOOD, "only a demonstration file has a suffix"),
        ("2024.yaml", GOOD + GOOD.removeprefix("entries:\n"), "is given twice in this file (first on line 2)"),
        ("2024.yaml", "entries: [unclosed\n", "not valid YAML"),
        ("2024.yaml", "- indicator: x\n", "must have 'entries'"),
        ("2024.yaml", "demonstration: maybe\n" + GOOD, "demonstration must be true or false"),
        ("2024.yaml", GOOD.replace("2024-12-31", "2099-12-31").replace("2024.yaml", ""), "is not in 2024"),
    ],
)
def test_a_wrong_file_is_refused(content_copy, name, text, words):
    write(content_copy, name, text)
    with pytest.raises(ContentErrors) as caught:
        load_content(content_copy)
    assert f"progress/{name}:" in str(caught.value) and words in str(caught.value), str(caught.value)


def test_a_date_in_the_future_is_refused(content_copy):
    year = dt.date.today().year + 1
    text = GOOD.replace("2024-12-31", f"{year}-12-31")
    write(content_copy, f"{year}.yaml", text)
    with pytest.raises(ContentErrors, match="is in the future"):
        load_content(content_copy)


def test_check_and_build_report_the_file_and_line(content_copy, tmp_path):
    path = write(content_copy, "2024.yaml", GOOD.replace("value: 96.4", "value: 140"))
    result = CliRunner().invoke(main, ["check", "--allow-missing", "--content", str(content_copy)])
    assert result.exit_code == 1 and f"{path}:3:" in result.output and "Traceback" not in result.output
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--content", str(content_copy), "--out", str(out)])
    assert result.exit_code != 0 and f"{path}:3:" in result.output and not out.exists()


def raw_targets() -> list[str]:
    """Indicators with a numeric target, read from figures.yaml without the portal's reader."""
    items = yaml.safe_load((CONTENT / "figures.yaml").read_text(encoding="utf-8"))["indicators"]
    return [i["id"] for i in items if any(v["kind"] == "target" and "value" in v for v in i["values"])]


def test_the_shipped_values_are_a_marked_demonstration_only():
    """Nothing is invented: the only shipped values are in the demonstration file, which says
    so; every other target is "no data yet" until staff record a published figure."""
    assert sorted(p.name for p in (CONTENT / "progress").glob("*.yaml")) == ["2023-demo.yaml"]
    raw = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    assert raw["demonstration"] is True
    content = load_content(CONTENT)
    assert content.progress.readings and all(r.demonstration for r in content.progress.readings)
    assert {r.indicator for r in content.progress.readings} == {e["indicator"] for e in raw["entries"]}


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_the_figures_page_shows_each_target(client, lang):
    html = client.get(f"/{lang}/figures/").get_data(as_text=True)
    start = html.index('class="figure-table progress-table"')
    table = html[start : html.index("</table>", start)]
    targets = raw_targets()
    assert len(targets) >= 10 and table.count('<th scope="row">') == len(targets)
    for ident in targets:
        assert f'href="#{ident}"' in table
    demo = yaml.safe_load(DEMO.read_text(encoding="utf-8"))["entries"]
    assert table.count("badge-demo") == len(demo)
    assert table.count("status-no-data") == len(targets) - len(demo)
    assert 'id="progress-rule"' in html and "badge-demo" in html


def test_the_demonstration_is_marked_in_the_chart_table_and_sentence(client):
    html = client.get("/zh/figures/").get_data(as_text=True)
    article = html[html.index('id="compulsory-education-retention"') :]
    article = article[: article.index("</article>")]
    assert '<rect class="chart-bar latest"' in article and "2023 演示值" in article
    # 99.2 % of the 150 px track, drawn to the value
    assert 'width="148.8"' in article[article.index("chart-bar latest") :][:120]
    assert "2023-12-31（演示值）99.2%" in article
    assert "滞后" in article and "演示，不是统计数字" in article


def test_a_real_value_replaces_the_demonstration_everywhere(content_copy):
    write(content_copy, "2024.yaml", GOOD)
    app = create_app({"CONTENT_DIR": str(content_copy)})
    client = app.test_client()
    doc = client.get("/figures.json").get_json()
    entry = next(i for i in doc["indicators"] if i["id"] == "kindergarten-enrolment")["progress"]
    assert entry["latest"] == {
        "value": 96.4,
        "date": "2024-12-31",
        "source": {
            "name": "阿拉善左旗2024年国民经济和社会发展统计公报",
            "url": "https://www.alszq.gov.cn/bulletin-2024",
            "locator": "表5",
        },
        "demonstration": False,
    }
    # 96 → 97 over 2021–2025: the line is at 96.80 at the end of 2024, so 96.4 is behind
    assert entry["status"] == "behind" and entry["baseline"]["value"] == 96
    html = client.get("/zh/figures/").get_data(as_text=True)
    row = html[html.index('href="#kindergarten-enrolment"') :]
    row = row[: row.index("</tr>")]
    assert "96.4% (2024-12-31)" in row and "badge-demo" not in row
    assert 'href="https://www.alszq.gov.cn/bulletin-2024"' in html


def test_open_data_carries_progress(client, built_site):
    live = client.get("/figures.json").get_json()
    assert json.loads((built_site / "figures.json").read_text(encoding="utf-8")) == live
    with_progress = [i["id"] for i in live["indicators"] if "progress" in i]
    assert with_progress == raw_targets()
    demo = {e["indicator"]: e for e in yaml.safe_load(DEMO.read_text(encoding="utf-8"))["entries"]}
    for item in live["indicators"]:
        progress = item.get("progress")
        if not progress:
            continue
        if item["id"] in demo:
            assert progress["latest"]["demonstration"] is True
            assert progress["latest"]["value"] == demo[item["id"]]["value"]
        else:
            assert progress["latest"] is None and progress["status"] == "no-data"


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_the_csv_has_a_row_per_recorded_value(client, built_site, lang):
    body = client.get(f"/{lang}/figures.csv").get_data(as_text=True)
    assert (built_site / lang / "figures.csv").read_bytes().decode("utf-8") == body
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    latest = [r for r in rows if r["kind"] == "latest"]
    demo = yaml.safe_load(DEMO.read_text(encoding="utf-8"))["entries"]
    assert sorted(r["id"] for r in latest) == sorted(e["indicator"] for e in demo)
    assert all(r["demonstration"] == "yes" and r["date"] == "2023-12-31" and r["status"] for r in latest)
    assert all(r["demonstration"] == "" for r in rows if r["kind"] != "latest")


def test_the_frozen_page_shows_progress(built_site):
    for lang in ("zh", "mn"):
        html = (built_site / lang / "figures" / "index.html").read_text(encoding="utf-8")
        assert html.count('<th scope="row">') == len(raw_targets()) and "chart-bar latest" in html


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_a_paragraph_that_sets_targets_shows_their_progress_live_and_frozen(client, built_site, lang):
    """After the paragraph a target comes from (the last of its sources), its status, linked to
    the figures page; the demonstration is marked there too."""
    items = yaml.safe_load((CONTENT / "figures.yaml").read_text(encoding="utf-8"))["indicators"]
    by_paragraph: dict[str, list[str]] = {}
    for item in items:
        if any(v["kind"] == "target" and "value" in v for v in item["values"]):
            by_paragraph.setdefault(item["sources"][-1], []).append(item["id"])
    demo = {e["indicator"] for e in yaml.safe_load(DEMO.read_text(encoding="utf-8"))["entries"]}
    live = client.get("/figures.json").get_json()
    status = {i["id"]: i["progress"]["status"] for i in live["indicators"] if "progress" in i}
    for pid, idents in by_paragraph.items():
        number = int(pid[1 : pid.index("s")])
        pages = (
            client.get(f"/{lang}/{number}/").get_data(as_text=True),
            (built_site / lang / str(number) / "index.html").read_text(encoding="utf-8"),
        )
        for html in pages:
            start = html.index('class="paragraph-progress"', html.index(f'id="{pid}"'))
            aside = html[start : html.index("</aside>", start)]
            following = html.find('<p id="c', html.index("</p>", html.index(f'id="{pid}"')))
            assert following == -1 or start < following, pid  # before the next paragraph
            for ident in idents:
                assert f"#{ident}" in aside and f"status-{status[ident]}" in aside, (pid, ident)
            assert ("badge-demo" in aside) == bool(demo & set(idents)), pid
        assert html.count('class="paragraph-progress"') == sum(1 for p in by_paragraph if p.startswith(f"c{number}s"))
