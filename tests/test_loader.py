"""The loader: a small valid plan, and one tiny folder per kind of malformed content."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES

from portal.errors import ContentErrors
from portal.readers import load_plan


def test_small_plan_loads_into_the_model():
    plan = load_plan(FIXTURES / "small", "zh")
    assert plan.title == "测试规划纲要" and plan.edition == "2022" and plan.lang == "zh"
    chapter = plan.chapter(1)
    assert [s.number for s in chapter.sections] == [0, 1, 2]
    assert [s.title for s in chapter.sections] == [None, "禁牧和草畜平衡", "双峰驼"]
    assert chapter.sections[1].id == "c1s1"
    paragraph = chapter.sections[1].paragraphs[0]
    assert paragraph.id == "c1s1p1"
    assert paragraph.text == "——落实禁牧制度。在重点区域实行禁牧，稳定草原奖补政策。"
    assert paragraph.lead == "落实禁牧制度。"
    assert paragraph.line == 13
    assert plan.locate("c1s2p1")[1].title == "双峰驼"


@pytest.mark.parametrize(
    "case, line, words",
    [
        ("duplicate-id", 12, "duplicate paragraph id"),
        ("missing-field", 5, "lacks the field 'title'"),
        ("invalid-field", 2, "'chapter' must be a whole number"),
        ("wrong-lang", 5, "lang is 'mn'"),
        ("heading-out-of-order", 13, "expected section c1s2, found c1s3"),
        ("heading-level", 10, "heading level 3 is out of order"),
        ("paragraph-without-id", 11, "paragraph without an id"),
        ("foreign-id", 9, "belongs to chapter 2"),
        ("no-front-matter", 1, "missing front matter"),
        ("bad-yaml", 3, "not valid YAML"),
    ],
)
def test_malformed_content_names_file_and_line(case, line, words):
    with pytest.raises(ContentErrors) as caught:
        load_plan(FIXTURES / "malformed" / case, "zh")
    messages = [str(e) for e in caught.value.errors]
    expected = f"01.md:{line}:"
    assert any(expected in m and words in m for m in messages), messages


def test_duplicate_id_names_the_paragraph():
    with pytest.raises(ContentErrors) as caught:
        load_plan(FIXTURES / "malformed" / "duplicate-id", "zh")
    (error,) = caught.value.errors
    assert error.paragraph_id == "c1s0p1" and "first used on line 8" in error.message


def test_every_problem_is_reported_at_once(tmp_path):
    shutil.copytree(FIXTURES / "small", tmp_path / "c")
    (tmp_path / "c" / "zh" / "02.md").write_text("no front matter\n", encoding="utf-8")
    (tmp_path / "c" / "zh" / "03.md").write_bytes(b"---\nchapter: 3\ntitle: \xff\n---\n")
    with pytest.raises(ContentErrors) as caught:
        load_plan(tmp_path / "c", "zh")
    text = str(caught.value)
    assert "02.md:1:" in text and "03.md:3:" in text and "not valid UTF-8" in text


def test_duplicate_id_across_files(tmp_path):
    shutil.copytree(FIXTURES / "small", tmp_path / "c")
    (tmp_path / "c" / "zh" / "02.md").write_text(
        "---\nchapter: 2\ntitle: 二\nedition: '2022'\nlang: zh\n---\n\n甲。\n{: #c2s0p1 }\n", encoding="utf-8"
    )
    (tmp_path / "c" / "zh" / "03.md").write_text(
        "---\nchapter: 2\ntitle: 三\nedition: '2022'\nlang: zh\n---\n\n乙。\n{: #c2s0p1 }\n", encoding="utf-8"
    )
    with pytest.raises(ContentErrors) as caught:
        load_plan(tmp_path / "c", "zh")
    assert "03.md" in str(caught.value) and "expected 02.md" in str(caught.value)


def test_raw_html_in_content_is_escaped(tmp_path):
    shutil.copytree(FIXTURES / "small", tmp_path / "c")
    path = tmp_path / "c" / "zh" / "01.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("本章介绍草原保护。", "本章<script>alert(1)</script>介绍。"),
        encoding="utf-8",
    )
    paragraph = load_plan(tmp_path / "c", "zh").locate("c1s0p1")[2]
    assert "<script>" not in paragraph.html and "&lt;script&gt;" in paragraph.html
    assert paragraph.text == "本章<script>alert(1)</script>介绍。"
