"""Explainers (解读): plain-language notes tied to the paragraphs they explain, shown after
those paragraphs and on a page per chapter, live and frozen; a note that writes a number or a
place its paragraphs do not have is refused at its line."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import refusal

from portal import PROJECT_ROOT
from portal.errors import ContentErrors
from portal.readers import load_content

CONTENT = PROJECT_ROOT / "content"
EXPLAINERS = CONTENT / "explainers"
HEADING = re.compile(r"^## (.+?) \{: #(x\d+-[a-z0-9-]+) paragraphs=([c0-9sp,]+) for=(\w+) \}$", re.MULTILINE)


def notes_in(path: Path) -> list[tuple[str, str, list[str], str]]:
    """(id, title, paragraph ids, body) of each note, read without the portal's reader."""
    text = path.read_text(encoding="utf-8")
    found = list(HEADING.finditer(text))
    return [
        (
            m.group(2),
            m.group(1),
            m.group(3).split(","),
            text[m.end() : found[i + 1].start() if i + 1 < len(found) else None],
        )
        for i, m in enumerate(found)
    ]


def paragraph_text(lang: str, pid: str) -> str:
    chapter = int(pid[1 : pid.index("s")])
    source = (CONTENT / lang / f"{chapter:02d}.md").read_text(encoding="utf-8")
    block = source[: source.index(f"{{: #{pid}")].rsplit("\n\n", 1)[-1]
    return block


def test_the_chapters_residents_use_most_have_notes():
    chapters = {int(p.stem) for p in (EXPLAINERS / "zh").glob("*.md")}
    assert {6, 7, 8} <= chapters  # grassland and herding; education, health, social security; rural revitalisation
    audiences = {n[0]: n for p in (EXPLAINERS / "zh").glob("*.md") for n in notes_in(p)}
    assert len(audiences) >= 6


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_every_number_of_a_note_is_in_its_paragraphs(lang):
    files = sorted((EXPLAINERS / lang).glob("*.md"))
    assert files, lang
    for path in files:
        for ident, title, pids, body in notes_in(path):
            assert all(int(pid[1 : pid.index("s")]) == int(path.stem) for pid in pids), ident
            quoted = " ".join(paragraph_text(code, pid) for pid in pids for code in {lang, "zh"})
            have = {Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", quoted)}
            for number in re.findall(r"\d+(?:\.\d+)?", title + body):
                assert Decimal(number) in have, (path.name, ident, number)


def test_translated_notes_are_drafts_with_chinese_counterparts():
    chinese = {n[0] for p in (EXPLAINERS / "zh").glob("*.md") for n in notes_in(p)}
    for path in (EXPLAINERS / "mn").glob("*.md"):
        assert re.search(r"^status: draft$", path.read_text(encoding="utf-8"), re.MULTILINE), path
        for ident, *_ in notes_in(path):
            assert ident in chinese, ident


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_a_note_follows_the_last_paragraph_it_explains_live_and_frozen(client, built_site, lang):
    for path in sorted((EXPLAINERS / lang).glob("*.md")):
        number = int(path.stem)
        live = client.get(f"/{lang}/{number}/").get_data(as_text=True)
        frozen = (built_site / lang / str(number) / "index.html").read_text(encoding="utf-8")
        for html in (live, frozen):
            for ident, title, pids, _ in notes_in(path):
                note = html.index(f'<details class="explainer" id="{ident}">')
                last = html.index(f'id="{pids[-1]}"')
                following = html.find('<p id="c', html.index("</p>", last))  # the next paragraph
                assert last < note and (following == -1 or note < following), (lang, ident)
                assert title in html[note : note + 2000]
            assert 'href="explainers/index.html"' in html or f'href="/{lang}/{number}/explainers/"' in html


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_each_chapter_has_a_page_of_its_notes(client, built_site, lang):
    for path in sorted((EXPLAINERS / lang).glob("*.md")):
        number = int(path.stem)
        response = client.get(f"/{lang}/{number}/explainers/")
        assert response.status_code == 200
        frozen = (built_site / lang / str(number) / "explainers" / "index.html").read_text(encoding="utf-8")
        for html in (response.get_data(as_text=True), frozen):
            notes = notes_in(path)
            assert html.count('class="explainer-note"') == len(notes)
            for ident, _, pids, _ in notes:
                assert f'id="{ident}"' in html and all(f"#{pid}" in html for pid in pids)
            assert ("badge" in html) == (lang == "mn")  # the Mongolian notes say they are drafts
    assert client.get(f"/{lang}/1/explainers/").status_code == 404  # a chapter without notes


@pytest.mark.parametrize(
    "old, new, words",
    [
        ("毛入园率保持99%以上", "毛入园率保持98%以上", "the number 98 is not in c7s2p1"),
        (
            "规划提出新增公办幼儿园2所",
            "规划提出在巴彦浩特新增公办幼儿园2所",
            "the place 巴彦浩特 is not named in c7s2p1",
        ),
        ("paragraphs=c7s2p1 ", "paragraphs=c6s1p3 ", "paragraph c6s1p3 is in chapter 6, not 7"),
        ("paragraphs=c7s2p1 ", "paragraphs=c7s9p9 ", "paragraph c7s9p9 does not exist"),
        ("for=student", "for=tourist", "for= must be one of herder, student, business, resident"),
        ("{: #x7-1 ", "{: #x8-1 ", "note x8-1 is in chapter 7"),
        ("{: #x7-2 ", "{: #x7-1 ", "note x7-1 is also on line"),
        ("## 看病", "[点这里](javascript:alert(1))\n\n## 看病", "javascript:"),
    ],
)
def test_a_wrong_note_is_refused_at_its_line(content_copy, old, new, words):
    path = content_copy / "explainers" / "zh" / "07.md"
    message = refusal(content_copy, path, old, new)
    assert re.search(rf"{re.escape(str(path))}:\d+:", message) and words in message, message


def test_a_translated_note_needs_a_chinese_one_and_a_status(content_copy):
    folder = content_copy / "explainers" / "mn"
    folder.mkdir(exist_ok=True)
    (folder / "09.md").write_text(
        "---\nchapter: 9\nlang: mn\n---\n## ᠲᠡᠮᠡᠭᠡ {: #x9-1 paragraphs=c9s1p1 for=herder }\n\nᠲᠡᠮᠡᠭᠡ᠃\n"
    )
    with pytest.raises(ContentErrors) as caught:
        load_content(content_copy)
    message = str(caught.value)
    assert "a translation's status must be one of draft, reviewed" in message
    (folder / "09.md").write_text(
        "---\nchapter: 9\nlang: mn\nstatus: draft\n---\n## ᠲᠡᠮᠡᠭᠡ {: #x9-1 paragraphs=c9s1p1 for=herder }\n\nᠲᠡᠮᠡᠭᠡ᠃\n"
    )
    with pytest.raises(ContentErrors, match="note x9-1 has no Chinese note with its id"):
        load_content(content_copy)


def test_the_search_page_lists_the_notes_of_its_best_results(client):
    html = client.get("/zh/search/", query_string={"q": "禁牧"}).get_data(as_text=True)
    notes = html[html.index('id="search-notes"') : html.index("</section>", html.index('id="search-notes"'))]
    assert 'href="/zh/6/explainers/#x6-1"' in notes
    html = client.get("/zh/search/", query_string={"q": "口岸"}).get_data(as_text=True)
    assert 'id="search-notes"' not in html  # no note explains what it finds
    index = client.get("/search/zh.js").get_data(as_text=True)
    assert '"notes": [["x6-1", 6,' in index or '"notes":[["x6-1",6,' in index
