"""Key figures: every value comes from its source paragraph, and the pages, charts, JSON and CSV
say the same thing in the live app and in the frozen site."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from selenium.webdriver.common.by import By

from portal import PROJECT_ROOT, check_content
from portal.cli import main
from portal.errors import ContentErrors
from portal.readers import load_figures, load_plan

CONTENT = PROJECT_ROOT / "content"


@pytest.fixture(scope="module")
def figures():
    return load_figures(CONTENT, load_plan(CONTENT, "zh"))


def test_at_least_40_indicators_each_quoting_its_sources(figures):
    assert len(figures.indicators) >= 40
    plan = load_plan(CONTENT, "zh")
    paragraphs = {p.id: p.text for p in plan.paragraphs}
    for indicator in figures.indicators:
        texts = [paragraphs[pid] for pid in indicator.sources]
        for value in indicator.values:
            if value.in_words:
                assert any(value.text["zh"] in t for t in texts), indicator.id
                continue
            # An independent reading of the text: every number of the value, as digits.
            for number in re.findall(r"\d+(?:\.\d+)?", value.written):
                assert any(Decimal(number) in [Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", t)] for t in texts), (
                    indicator.id,
                    number,
                )
    assert {v.kind for i in figures.indicators for v in i.values} == {"result", "target"}
    assert len({i.category for i in figures.indicators}) >= 5


def plant(content: Path, old: str, new: str) -> int:
    """Replace the first `old` in figures.yaml; return the line it was on."""
    path = content / "figures.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_a_planted_wrong_number_is_caught_with_its_line(content_copy):
    line = plant(content_copy, "value: 43694}", "value: 43695}")
    with pytest.raises(ContentErrors) as caught:
        load_figures(content_copy, load_plan(content_copy, "zh"))
    message = str(caught.value)
    assert (
        f"figures.yaml:{line}: figures [urban-income] value '43695' (2020)"
        " does not appear in the Chinese text of c1s1p1" in message
    )
    findings = check_content(content_copy, allow_missing=True).findings
    assert any(f.line == line and "43695" in f.message for f in findings)
    result = CliRunner().invoke(main, ["check", "--allow-missing", "--content", str(content_copy)])
    assert result.exit_code == 1 and f"figures.yaml:{line}:" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    "old, new, words",
    [
        ("sources: [c1s1p1]", "sources: [c1s9p9]", "source paragraph 'c1s9p9' does not exist"),
        ("value: '8.5:44.5:47'", "value: '8.5:44.5:46'", "'8.5:44.5:46' (2020) does not appear"),
        ("value: 3—5", "value: 3—6", "'3—6' (2021–2025) does not appear"),
        ("zh: 全面实现5G网络覆盖", "zh: 全面实现6G网络覆盖", "'全面实现6G网络覆盖' (2025) does not appear"),
        ("category: economy", "category: economics", "unknown category 'economics'"),
        ("kind: result", "kind: forecast", "each value needs a 'period' and a 'kind'"),
        ("value: 5.4}", "value: lots}", "must be a number, a range"),
        ("unit: 万亩", "unit: 公顷", "unit '公顷' has no Mongolian form"),
        ("  status: draft\n", "  status: approved\n", "status must be one of"),
    ],
)
def test_malformed_figures_are_refused(content_copy, old, new, words):
    plant(content_copy, old, new)
    with pytest.raises(ContentErrors) as caught:
        load_figures(content_copy, load_plan(content_copy, "zh"))
    assert "figures.yaml:" in str(caught.value) and words in str(caught.value)


class Page(HTMLParser):
    """The parts of a figures page the tests look at."""

    def __init__(self):
        super().__init__()
        self.ids, self.svgs, self.rows, self.links, self.texts = set(), [], 0, [], []
        self._in_text = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "svg":
            self.svgs.append(attrs)
        if tag == "text":
            self.texts.append(attrs)
        if tag == "tr":
            self.rows += 1
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_figures_page_live(client, figures, lang):
    response = client.get(f"/{lang}/figures/")
    assert response.status_code == 200
    page = Page()
    page.feed(response.get_data(as_text=True))
    numeric = [i for i in figures.indicators if i.numeric]
    assert len(page.svgs) == len(numeric)
    for svg in page.svgs:
        assert svg["role"] == "img" and svg["aria-labelledby"] in page.ids  # the sentence exists
    # one header row per table plus one row per value, counted in figures.yaml itself; then the
    # progress table (a header and a row per numeric target) and a row per recorded value
    import yaml

    raw = yaml.safe_load((CONTENT / "figures.yaml").read_text(encoding="utf-8"))["indicators"]
    targets = [i for i in raw if any(v["kind"] == "target" and "value" in v for v in i["values"])]
    recorded = {
        e["indicator"]
        for path in (CONTENT / "progress").glob("*.yaml")
        for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    }
    values = len(raw) + sum(len(i["values"]) for i in raw)
    assert len(raw) >= 40 and page.rows == values + 1 + len(targets) + len(recorded)
    for indicator in figures.indicators:
        for pid in indicator.sources:
            assert any(href.endswith(f"#{pid}") for href in page.links), (indicator.id, pid)
    # Mongolian charts are transposed; mongolian.css writes their labels downwards.
    assert all(("chart-vertical" in svg["class"]) == (lang == "mn") for svg in page.svgs)


def test_source_links_lead_to_the_paragraph(client, figures):
    for indicator in figures.indicators[:5]:
        pid = indicator.sources[0]
        chapter = int(pid[1 : pid.index("s")])
        assert f'id="{pid}"' in client.get(f"/zh/{chapter}/").get_data(as_text=True)


def test_open_data_matches_the_content(client, figures, built_site):
    live = client.get("/figures.json").get_json()
    frozen = json.loads((built_site / "figures.json").read_text(encoding="utf-8"))
    assert live == frozen
    assert [i["id"] for i in live["indicators"]] == [i.id for i in figures.indicators]
    first = next(i for i in live["indicators"] if i["id"] == "forest-cover")
    assert first["values"] == [
        {"period": "2015", "kind": "result", "value": 12.5},
        {"period": "2020", "kind": "result", "value": 14.5},
    ]
    assert first["unit"] == {"zh": "%", "mn": "%"} and first["sources"] == ["c1s1p3"]
    structure = next(i for i in live["indicators"] if i["id"] == "industry-structure")
    assert structure["values"][0]["shares"] == [8.5, 44.5, 47] and len(structure["parts"]) == 3


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_csv_download(client, built_site, figures, lang):
    body = client.get(f"/{lang}/figures.csv").get_data(as_text=True)
    assert body.startswith("\ufeff") and (built_site / lang / "figures.csv").read_bytes().decode("utf-8") == body
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    expected = sum(len(i.parts) if v.is_shares else 1 for i in figures.indicators for v in i.values)
    assert len([r for r in rows if r["kind"] != "latest"]) == expected
    income = next(r for r in rows if r["id"] == "urban-income")
    assert income["value"] == "43694" and income["period"] == "2020" and income["sources"] == "c1s1p1"
    assert income["indicator"] == next(i for i in figures.indicators if i.id == "urban-income").name(lang)


def test_figures_pages_frozen(built_site, figures):
    for lang in ("zh", "mn"):
        html = (built_site / lang / "figures" / "index.html").read_text(encoding="utf-8")
        assert html.count("<svg") == len([i for i in figures.indicators if i.numeric])
        assert "../1/index.html#c1s1p1" in html  # relative link, works from disk


def test_charts_in_the_browser(browser, built_site):
    """At 360 px the Chinese chart keeps its drawn size (labels stay 12 px), and the Mongolian
    chart's labels run downwards in the Mongolian font."""
    browser.get((built_site / "zh" / "figures" / "index.html").as_uri())
    width = browser.execute_script("return document.querySelector('svg.chart').getBoundingClientRect().width")
    assert width >= 300
    browser.get((built_site / "mn" / "figures" / "index.html").as_uri())
    browser.execute_script("return document.fonts.ready")
    label = browser.find_element(By.CSS_SELECTOR, "svg.chart-vertical text.chart-label")
    assert browser.execute_script("return getComputedStyle(arguments[0]).writingMode", label) == "vertical-lr"
    box = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.width, r.height]", label)
    assert box[1] > 3 * box[0]  # a tall, narrow run of text, not a sideways line
    assert "Mongolian" in browser.execute_script("return getComputedStyle(arguments[0]).fontFamily", label)
