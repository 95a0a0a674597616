"""Promises of the README that had no test of their own (docs/testing.md lists every promise and
its test). Expected values are written here or read from the content files, never from the
code under test."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from portal import PROJECT_ROOT, create_app
from portal.cli import main

SMALL = FIXTURES / "small"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def ids_in(path: Path) -> dict[str, str]:
    """Paragraph id → its attribute text, read straight from a chapter file."""
    return dict(re.findall(r"\{: #(c\d+s\d+p\d+)([^}]*)\}", path.read_text(encoding="utf-8")))


def test_translation_status_counts_what_the_chapter_files_say():
    # Counted from the files: a status= attribute, a source= that is not the Chinese's (the
    # fixture's planted 0000000000 is stale), and Chinese ids with no Mongolian are missing.
    expected = {}
    for zh in sorted((SMALL / "zh").glob("*.md")):
        number = int(zh.stem)
        chinese, mongolian = ids_in(zh), ids_in(SMALL / "mn" / zh.name)
        counts = {"reviewed": 0, "draft": 0, "stale": 0, "missing": 0}
        for ident in chinese:
            attrs = mongolian.get(ident)
            if attrs is None:
                counts["missing"] += 1
            elif "source=0000000000" in attrs:
                counts["stale"] += 1
            else:
                counts[re.search(r"status=(\w+)", attrs).group(1)] += 1
        expected[number] = counts
    result = run("translation", "status", "--content", str(SMALL))
    assert result.exit_code == 0
    rows = [line.split()[1:] for line in result.output.splitlines() if re.match(r"mn:\s+\d", line)]
    shown = {
        int(r[0]): dict(zip(("reviewed", "draft", "stale", "missing"), map(int, r[1:]), strict=True)) for r in rows
    }
    assert shown == expected and expected[1]["stale"] == 1 and expected[1]["missing"] == 1


def test_edition_list_names_each_recorded_edition_with_its_date():
    result = run("edition", "list")
    assert result.exit_code == 0
    for folder in sorted((PROJECT_ROOT / "content" / "editions").iterdir()):
        date = re.search(r"^date: '?([\d-]+)'?$", (folder / "edition.yaml").read_text(encoding="utf-8"), re.M).group(1)
        line = next(row for row in result.output.splitlines() if row.startswith(folder.name + "\t"))
        assert f"\t{date}\t" in line, line
    assert "(current)" in result.output and "(demonstration)" in result.output


@pytest.mark.parametrize("first", ["zh", "mn"])
def test_search_lang_ranks_that_language_first(first):
    result = run("search", "2035", "--lang", first, "--limit", "40", "--json")
    data = json.loads(result.output[result.output.index("{") :])
    langs = [hit["lang"] for hit in data["results"]]
    assert len(set(langs)) == 2, langs  # both languages answer, the chosen one first
    assert langs == sorted(langs, key=lambda lang: lang != first)


def test_the_api_limit_defaults_to_20_and_is_at_most_100(client):
    def count(**args):
        return len(client.get("/api/search", query_string={"q": "生态", **args}).get_json()["results"])

    assert count() == 20
    assert count(limit=5) == 5
    assert client.get("/api/search", query_string={"q": "发展"}).get_json()["total"] > 100
    assert len(client.get("/api/search", query_string={"q": "发展", "limit": 1000}).get_json()["results"]) == 100
    assert count(limit=0) == 1 and count(limit="many") == 20


def test_feed_entry_ids_do_not_depend_on_where_the_site_is_deployed():
    feeds = []
    for url in ("https://plan.example.org", "http://10.0.0.5/plan"):
        client = create_app({"SITE_URL": url, "RELATIVE_URLS": False}).test_client()
        feeds.append(client.get("/zh/updates.xml").get_data(as_text=True))
    ids = [re.findall(r"<id>([^<]+)</id>", feed) for feed in feeds]
    assert len(ids[0]) >= 2 and ids[0] == ids[1]
    assert all(i.startswith("tag:") for i in ids[0])
    assert "plan.example.org" in feeds[0] and "10.0.0.5" in feeds[1]  # the links do follow the address


def test_chart_bars_are_as_long_as_their_values(client):
    import yaml

    raw = yaml.safe_load((PROJECT_ROOT / "content" / "figures.yaml").read_text(encoding="utf-8"))["indicators"]
    html = client.get("/zh/figures/").get_data(as_text=True)
    checked = 0
    for indicator in raw:
        values = [v["value"] for v in indicator["values"] if isinstance(v.get("value"), int | float)]
        if len(values) != len(indicator["values"]) or len(values) < 2 or min(values) <= 0:
            continue
        start = html.find(f'id="{indicator["id"]}-title"')
        svg = html[start : html.find("</svg>", start)]
        widths = [float(w) for w in re.findall(r'<rect class="chart-bar[^"]*"[^>]*width="([\d.]+)"', svg)]
        if len(widths) != len(values):
            continue
        ratios = [w / v for w, v in zip(widths, values, strict=True)]
        assert max(ratios) - min(ratios) <= 0.02 * max(ratios), (indicator["id"], widths, values)
        checked += 1
    assert checked >= 3


def test_the_glossary_lists_entries_a_to_z_by_pinyin(client):
    from pypinyin import lazy_pinyin

    html = client.get("/zh/glossary/").get_data(as_text=True)
    shown = re.findall(r'<span class="entry-zh">([^<]+)</span>', html)
    assert len(shown) > 300
    keys = [lazy_pinyin(term) for term in shown]  # syllable by syllable: can before cang
    assert keys == sorted(keys)
