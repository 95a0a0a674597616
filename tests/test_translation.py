"""Mongolian content: statuses, QA in `portal check`, the stamp command, pages and open data."""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from portal import build_site as build
from portal import check_content, create_app
from portal.cli import main
from portal.errors import ContentErrors
from portal.model.translation import fingerprint
from portal.readers import load_plans
from portal.staff.stamp import stamp
from portal.text.mongolian import from_latin


@pytest.fixture()
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "small", folder)
    return folder


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_translation_takes_the_chinese_structure_with_a_status_per_paragraph(content):
    mn = load_plans(content)["mn"]
    statuses = {p.id: p.status for p in mn.paragraphs}
    assert statuses == {
        "c0s0p1": "reviewed",
        "c0s0p2": "missing",
        "c1s0p1": "draft",
        "c1s1p1": "draft",
        "c1s1p2": "stale",
        "c1s2p1": "missing",
    }
    missing = mn.locate("c1s2p1")[2]
    assert missing.lang == "zh" and missing.text == "壮大骆驼产业。保护双峰驼种质资源。"
    section = mn.chapter(1).sections[2]
    assert section.title == "双峰驼" and section.title_lang == "zh"
    assert mn.chapter(1).sections[1].title_lang == "mn"


def test_suffix_spaces_survive_into_plain_text_and_open_data(content):
    paragraph = load_plans(content)["mn"].locate("c1s0p1")[2]
    assert "\u202f" in paragraph.markdown and "\u202f" in paragraph.text and "\u180e" in paragraph.text


def test_stale_translation_is_flagged_when_the_chinese_changes(content):
    assert load_plans(content)["mn"].locate("c1s0p1")[2].status == "draft"
    edit(content / "zh" / "01.md", "本章介绍草原保护。", "本章介绍草原生态保护。")
    assert load_plans(content)["mn"].locate("c1s0p1")[2].status == "stale"


def test_stamp_records_the_current_fingerprint(content):
    done = stamp(content, "mn", {"c1s1p2"})
    assert done == ["c1s1p2"]
    plan = load_plans(content)["mn"]
    paragraph = plan.locate("c1s1p2")[2]
    assert paragraph.status == "reviewed"
    assert paragraph.translated_from == fingerprint("推进草畜平衡，增加收入5.4%。")
    assert stamp(content, "mn", {"c1s1p2"}) == []


def test_check_passes_on_the_fixture_except_what_is_planted(content):
    report = check_content(content, allow_missing=True)
    assert report.findings == []  # the stale translation and the gap are warnings
    assert [(n.paragraph_id, n.code) for n in report.notes if n.code == "stale"] == [("c1s1p2", "stale")]
    assert any("coverage 3/4" in n.message for n in report.notes)
    strict = check_content(content, strict=True)
    assert [(f.paragraph_id, f.code) for f in strict.findings if f.code == "stale"] == [("c1s1p2", "stale")]
    strict = check_content(content)
    assert any("coverage 3/4" in f.message for f in strict.findings)
    assert any("untranslated section titles: c1s2" in f.message for f in strict.findings)


def test_check_catches_a_planted_wrong_number(content):
    stamp(content, "mn", {"c1s1p2"})
    assert not check_content(content, allow_missing=True).findings
    edit(content / "mn" / "01.md", "5.4%", "4.5%")
    (finding,) = check_content(content, allow_missing=True).findings
    assert finding.paragraph_id == "c1s1p2" and "number 5.4" in finding.message
    assert finding.path.name == "01.md" and finding.line == 16


def test_check_catches_a_planted_private_use_character(content):
    edit(content / "mn" / "01.md", "ᠡᠨᠡ ᠪᠦᠯᠦᠭ", "ᠡᠨᠡ \ue2a3 ᠪᠦᠯᠦᠭ")
    findings = check_content(content, allow_missing=True).findings
    assert any(f.paragraph_id == "c1s0p1" and "U+E2A3" in f.message and f.line == 8 for f in findings), findings
    with pytest.raises(ContentErrors):
        create_app({"CONTENT_DIR": str(content)})


@pytest.mark.parametrize(
    "planted, words",
    [("ᠪᠦᠯᠦᠭ ᠨᠢ", "Chinese character"), ("ᠨᠢ ᠲᠠᠯ", "Cyrillic"), ("ᠶᠢ ᠲᠠᠨ", "Latin letters 'abc'")],
)
def test_check_catches_foreign_script(content, planted, words):
    replacement = {
        "Chinese character": "ᠪᠦᠯᠦᠭ 草 ᠨᠢ",
        "Cyrillic": "ᠨᠢ Монгол ᠲᠠᠯ",
        "Latin letters 'abc'": "ᠶᠢ abc ᠲᠠᠨ",
    }[words]
    edit(content / "mn" / "01.md", planted, replacement)
    findings = check_content(content, allow_missing=True).findings
    assert any(f.paragraph_id == "c1s0p1" and words in f.message for f in findings), findings


def test_check_allows_listed_acronyms_and_catches_misplaced_separators(content):
    edit(content / "mn" / "01.md", "ᠡᠨᠡ ᠪᠦᠯᠦᠭ", "ᠡᠨᠡ 5G ᠪᠦᠯᠦᠭ\u180eᠨ")
    findings = [f for f in check_content(content, allow_missing=True).findings if f.paragraph_id == "c1s0p1"]
    assert [f.message for f in findings] == ["U+180E (vowel separator) must be followed by ᠠ or ᠡ"]


def test_check_catches_a_space_before_punctuation(content):
    edit(content / "mn" / "01.md", "ᠲᠠᠨᠢᠯᠴᠠᠭᠤᠯᠤᠨ᠎ᠠ᠃", "ᠲᠠᠨᠢᠯᠴᠠᠭᠤᠯᠤᠨ᠎ᠠ ᠃")
    findings = [f for f in check_content(content, allow_missing=True).findings if f.paragraph_id == "c1s0p1"]
    assert len(findings) == 1 and "could start a column" in findings[0].message


def test_mongolian_paragraph_needs_status_and_fingerprint(content):
    edit(content / "mn" / "01.md", "{: #c1s0p1 status=draft source=", "{: #c1s0p1 status=approved source=")
    with pytest.raises(ContentErrors) as caught:
        load_plans(content)
    assert "01.md:9:" in str(caught.value) and "status must be one of draft, reviewed" in str(caught.value)


def test_unknown_paragraph_id_in_translation_is_an_error(content):
    edit(content / "mn" / "01.md", "#c1s0p1 ", "#c1s0p9 ")
    with pytest.raises(ContentErrors) as caught:
        load_plans(content)
    assert "[c1s0p9] no Chinese paragraph has this id" in str(caught.value)


def test_check_on_one_chapter_and_cli_exit_codes(content):
    assert all(f.path.name == "01.md" for f in check_content(content, chapter=1).findings)
    runner = CliRunner()
    # Stale and untranslated text are warnings (the build publishes them with a notice); with
    # --strict they fail the check.
    result = runner.invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 0 and "warning:" in result.output and "stale [c1s1p2]" in result.output
    result = runner.invoke(main, ["check", "--strict", "--content", str(content)])
    assert result.exit_code == 1 and "stale [c1s1p2]" in result.output and "coverage" in result.output
    assert runner.invoke(main, ["translation", "stamp", "c1s1p2", "--content", str(content)]).exit_code == 0
    result = runner.invoke(main, ["check", "--strict", "--content", str(content)])
    assert result.exit_code == 1 and "stale" not in result.output and "coverage" in result.output


def test_mongolian_pages_show_statuses(content):
    client = create_app({"CONTENT_DIR": str(content)}).test_client()
    html = client.get("/mn/1/").get_data(as_text=True)
    assert '<html lang="mn-Mong" class="vertical">' in html
    assert "css/mongolian.css" in html and "js/vertical.js" in html
    assert 'class="paragraph status-draft"' in html and from_latin("orčiγulγ_a-yin noyiraγ") in html  # draft badge
    assert 'class="paragraph status-stale"' in html and 'href="/zh/1/#c1s1p2"' in html
    assert '<p id="c1s2p1" class="paragraph status-missing" lang="zh-Hans">' in html
    assert from_latin("orčiγulaγdaγ_a ügei") in html  # "not yet translated"
    assert "ᠨᠢᠭᠡᠳᠦᠭᠡᠷ ᠪᠦᠯᠦᠭ" in html  # chapter label
    zh = client.get("/zh/1/").get_data(as_text=True)
    assert "mongolian.css" not in zh, "Chinese pages must not load the Mongolian font"
    assert 'href="/mn/1/#c1s1p1"' in zh and 'href="/zh/1/parallel/#c1s1p1"' in zh


def test_every_mongolian_page_preloads_the_font_its_styles_ask_for(built_site):
    """The font is on the path to a Mongolian page's first paint: the page asks for it beside
    the styles (one round trip sooner than the styles would) and the URL must be the very file
    the @font-face names, or the reader downloads the font twice."""
    css = (built_site / "static/css/mongolian.css").read_text()
    (face,) = re.findall(r'url\("([^"]+\.woff2)"\)', css.split("@font-face", 1)[1].split("}", 1)[0])
    font = urljoin("http://site/static/css/mongolian.css", face)
    assert font == "http://site/static/fonts/NotoSansMongolian-Regular.woff2"
    mongolian = chinese = 0
    for path in built_site.rglob("*.html"):
        html = path.read_text()
        base = "http://site/" + path.relative_to(built_site).as_posix()
        preloads = re.findall(r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>', html)
        if re.search(r'<link rel="stylesheet" href="[^"]*css/mongolian\.css">', html):
            mongolian += 1
            assert [urljoin(base, href) for href in preloads] == [font], path
        else:
            chinese += 1
            assert preloads == [] and 'rel="preload"' not in html, path
    assert mongolian > 500 and chinese > 20


def test_parallel_view_aligns_paragraphs_by_id(content):
    client = create_app({"CONTENT_DIR": str(content)}).test_client()
    for lang in ("zh", "mn"):
        html = client.get(f"/{lang}/1/parallel/").get_data(as_text=True)
        for ident in ("c1s0p1", "c1s1p1", "c1s1p2", "c1s2p1"):
            start = html.index(f'id="{ident}"')
            pair = html[
                start : html.index('<div class="pair', start + 1) if '<div class="pair' in html[start + 1 :] else None
            ]
            assert 'class="cell cell-zh"' in pair and 'class="cell cell-mn' in pair
        assert from_latin("tal_a-yin qamaγalalta") in html and "草原保护" in html


def test_mongolian_plan_json_carries_statuses(content, tmp_path):
    out = tmp_path / "site"
    build(out, {"CONTENT_DIR": str(content)})
    data = json.loads((out / "mn" / "plan.json").read_text(encoding="utf-8"))
    paragraphs = {p["id"]: p for c in data["chapters"] for s in c["sections"] for p in s["paragraphs"]}
    assert paragraphs["c1s1p1"]["status"] == "draft" and paragraphs["c1s1p1"]["text"].startswith("——")
    assert paragraphs["c1s2p1"] == {"id": "c1s2p1", "text": None, "status": "missing"}
    assert paragraphs["c1s1p2"]["status"] == "stale"
    assert data["lang"] == "mn" and data["title"] and data["chapters"][1]["sections"][2]["title"] is None
    zh = json.loads((out / "zh" / "plan.json").read_text(encoding="utf-8"))
    assert all("status" not in p for c in zh["chapters"] for s in c["sections"] for p in s["paragraphs"])
    assert (out / "mn" / "1" / "parallel" / "index.html").is_file()
