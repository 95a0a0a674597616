"""Glossary of terms and index of places: data rules, computed occurrences, pages and hints."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES

from portal import PROJECT_ROOT, check_content
from portal.errors import ContentErrors
from portal.readers import ContentFolder, load_glossary, load_plan
from portal.text.terms import TermIndex
from portal.web.open_data import latin_of


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(PROJECT_ROOT / "content")


def test_term_base_and_places_are_complete(glossary):
    assert len(glossary.terms) >= 150
    forms = {form for entry in glossary.entries for form in entry.zh + entry.related}
    for wanted in [
        "禁牧",
        "草畜平衡",
        "草原奖补",
        "双峰驼",
        "白绒山羊",
        "肉苁蓉",
        "梭梭",
        "嘎查",
        "苏木",
        "低保",
        "驼奶",
        "河长制",
        "巴彦浩特",
        "吉兰泰",
        "敖伦布拉格",
        "巴润别立",
        "温都尔勒图",
        "乌力吉口岸",
        "超格图呼热",
        "贺兰山",
    ]:
        assert wanted in forms, wanted
    for entry in glossary.entries:
        assert (
            entry.status in ("draft", "reviewed")
            and entry.mn
            and latin_of(entry)
            and entry.definition["zh"]
            and entry.definition["mn"]
        )


def fresh_scan(entries, text):
    """Independent of portal.glossary: an entry occurs where one of its forms stands in the
    text and no longer form of any entry covers that spot."""
    covered = []
    for entry in entries:
        for form in entry.zh:
            start = text.find(form)
            while start >= 0:
                covered.append((start, start + len(form), entry.id))
                start = text.find(form, start + 1)
    found = set()
    for start, end, ident in covered:
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in covered):
            found.add(ident)
    return found


def test_occurrences_match_a_fresh_scan_of_the_text(built_site, glossary):
    plan = json.loads((built_site / "zh" / "plan.json").read_text(encoding="utf-8"))
    texts = {p["id"]: p["text"] for c in plan["chapters"] for s in c["sections"] for p in s["paragraphs"]}
    published = {}
    for name in ("glossary.json", "places.json"):
        for item in json.loads((built_site / name).read_text(encoding="utf-8")):
            published[item["id"]] = item["occurrences"]
    expected = {entry.id: [] for entry in glossary.entries}
    for pid, text in texts.items():
        for ident in fresh_scan(glossary.entries, text):
            expected[ident].append(pid)
    assert {k: sorted(v) for k, v in published.items()} == {k: sorted(v) for k, v in expected.items()}
    assert all(published.values()), "every entry occurs in the plan"


def test_open_data_format(built_site):
    terms = json.loads((built_site / "glossary.json").read_text(encoding="utf-8"))
    assert set(terms[0]) == {
        "id",
        "zh",
        "related",
        "mn",
        "latin",
        "definition_zh",
        "definition_mn",
        "status",
        "occurrences",
    }
    places = json.loads((built_site / "places.json").read_text(encoding="utf-8"))
    assert set(places[0]) == {
        "id",
        "zh",
        "related",
        "mn",
        "latin",
        "kind",
        "description_zh",
        "description_mn",
        "status",
        "occurrences",
    }
    assert all(item["status"] == "draft" for item in terms + places)


def small_content(tmp_path, glossary_text: str):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small", content)
    (content / "glossary.yaml").write_text(glossary_text, encoding="utf-8")
    return content


TERM = """- id: jin-mu
  zh: [禁牧, 禁止放牧]
  mn: ᠪᠡᠯᠴᠢᠭᠡᠷ ᠢ ᠬᠣᠷᠢᠭᠯᠠᠬᠤ
  category: grassland
  definition_zh: 在一定时间内不许在草场放牧，让草恢复。
  definition_mn: ᠲᠣᠳᠣᠷᠬᠠᠢ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠮᠠᠯ ᠪᠡᠯᠴᠢᠭᠡᠬᠦ ᠶᠢ ᠬᠣᠷᠢᠭᠯᠠᠨ᠎ᠠ᠃
  status: draft
"""


def test_unused_term_and_invalid_mongolian_are_reported(tmp_path):
    unused = TERM.replace("jin-mu", "xiu-mu").replace("[禁牧, 禁止放牧]", "[休牧]")
    content = small_content(tmp_path, TERM + unused.replace("ᠪᠡᠯᠴᠢᠭᠡᠷ ᠢ", "ᠪᠡᠯᠴᠢᠭᠡᠷ Пример"))
    findings = check_content(content, allow_missing=True).findings
    line = TERM.count("\n") + 1
    assert any(
        f.paragraph_id == "xiu-mu" and f.line == line and "no form of this entry (休牧) occurs in the plan" in f.message
        for f in findings
    )
    assert any(f.paragraph_id == "xiu-mu" and "Cyrillic" in f.message for f in findings)
    assert not any(f.paragraph_id == "jin-mu" for f in findings)


@pytest.mark.parametrize(
    "change, words",
    [
        (
            lambda t: t + t.replace("jin-mu", "jin-mu-2").replace("禁止放牧", "不许放牧"),
            "'禁牧' is already claimed by 'jin-mu'",
        ),
        (
            lambda t: t.replace("  status: draft\n", "  status: draft\n  occurrences: [c1s1p1]\n"),
            "occurrences are computed from the text",
        ),
        (lambda t: t.replace("status: draft", "status: approved"), "status must be one of draft, reviewed"),
        (lambda t: t.replace("ᠪᠡᠯᠴᠢᠭᠡᠷ", "\ue2a3\ue26b"), "Private Use Area"),
        (lambda t: t.replace("[禁牧, 禁止放牧]", "[禁]"), "at least two characters"),
        (
            lambda t: t.replace("  status: draft\n", "  status: draft\n  related: [禁止放牧]\n"),
            "related word '禁止放牧' is a form of 'jin-mu'",
        ),
        (lambda t: t.replace("  status: draft\n", "  status: draft\n  related: 放牧\n"), "related must be a list"),
    ],
)
def test_malformed_glossary_is_refused_with_its_line(tmp_path, change, words):
    content = small_content(tmp_path, change(TERM))
    with pytest.raises(ContentErrors) as caught:
        load_glossary(content)
    assert "glossary.yaml:" in str(caught.value) and words in str(caught.value)


def test_translation_must_use_the_approved_term(tmp_path):
    content = small_content(tmp_path, TERM)
    findings = check_content(content, allow_missing=True).findings
    assert any(f.paragraph_id == "c1s1p1" and "approved term" in f.message for f in findings)
    path = content / "mn" / "01.md"
    # The approved term with a suffix on its last word, written with U+202F, counts as used.
    text = path.read_text(encoding="utf-8").replace("᠃**", "᠃**ᠪᠡᠯᠴᠢᠭᠡᠷ ᠢ ᠬᠣᠷᠢᠭᠯᠠᠬᠤ\u202fᠶᠢᠨ ", 1)
    path.write_text(text, encoding="utf-8")
    assert not any("approved term" in f.message for f in check_content(content, allow_missing=True).findings)


def test_glossary_pages_live(client, glossary):
    for lang in ("zh", "mn"):
        for kind, entries in (("glossary", glossary.terms), ("places", glossary.places)):
            listing = client.get(f"/{lang}/{kind}/")
            assert listing.status_code == 200
            body = listing.get_data(as_text=True)
            assert all(f"/{lang}/{kind}/{e.id}/" in body for e in entries)
    assert any(e.id == "jin-mu" for e in glossary.terms)  # 禁牧, the term herders search most
    page = client.get("/zh/glossary/jin-mu/").get_data(as_text=True)
    entry = next(e for e in glossary.places if e.id == "ba-yan-hao-te")
    body = client.get("/zh/places/ba-yan-hao-te/").get_data(as_text=True)
    assert entry.definition["zh"] in body and entry.definition["mn"] in body and latin_of(entry) in body
    # Counted here from the text, not by the term index under test: every Chinese paragraph
    # that names 巴彦浩特 other than inside a longer name with an entry of its own (巴彦浩特旅游
    # 城市度假功能区 is a place of its own) is listed once.
    longer = [f for e in glossary.entries if e.id != "ba-yan-hao-te" for f in e.zh if "巴彦浩特" in f]
    assert longer

    def names_the_town(text: str) -> bool:
        for form in sorted(longer, key=len, reverse=True):
            text = text.replace(form, "")
        return "巴彦浩特" in text

    naming = [p for p in load_plan(PROJECT_ROOT / "content", "zh").paragraphs if names_the_town(p.text)]
    assert len(naming) > 5 and body.count('class="result"') == len(naming)
    assert client.get("/zh/places/no-such-place/").status_code == 404
    assert "<h1>" in page and "禁牧" in page.split("<h1>", 1)[1].split("</h1>", 1)[0]


def test_glossary_pages_frozen(built_site, glossary):
    for lang in ("zh", "mn"):
        for kind, entries in (("glossary", glossary.terms), ("places", glossary.places)):
            assert (built_site / lang / kind / "index.html").is_file()
            for entry in entries:
                assert (built_site / lang / kind / entry.id / "index.html").is_file()


def test_chapter_marks_the_first_use_of_a_term_in_each_section(client):
    body = client.get("/zh/6/").get_data(as_text=True)
    section = body[body.index('id="c6s1"') : body.index('id="c6s2"')]
    # without script a hint is a link to the entry; the page holds no popover of its own
    assert section.count('<a class="term" href="/zh/glossary/jin-mu/">禁牧</a>') == 1
    assert "popover" not in body.split("<main", 1)[1].split("</main>", 1)[0]
    entry = client.get("/zh/glossary/jin-mu/")
    assert entry.status_code == 200 and "禁牧" in entry.get_data(as_text=True)


def test_no_term_hint_is_put_inside_another_link(client, app):
    """A cross-reference link already holds text: a term in it stays plain (links do not nest)."""
    from html.parser import HTMLParser

    class Nesting(HTMLParser):
        depth, nested = 0, 0

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                self.nested += self.depth > 0
                self.depth += 1

        def handle_endtag(self, tag):
            if tag == "a":
                self.depth -= 1

    checked = 0
    for lang in ("zh", "mn"):
        for number in range(14):
            page = client.get(f"/{lang}/{number}/")
            if page.status_code != 200:
                continue
            parser = Nesting()
            parser.feed(page.get_data(as_text=True))
            assert parser.nested == 0, (lang, number)
            checked += 1
    assert checked >= 26


def test_a_related_word_leads_to_the_entry_but_requires_nothing(tmp_path):
    """The paragraph says 禁牧. As a form of the entry, 禁牧 requires the approved term in the
    translation (see above); as a related word (broader, typed by readers) it requires nothing,
    is never marked in the text, and still leads to the entry."""
    related = TERM.replace("[禁牧, 禁止放牧]", "[禁止放牧]").replace(
        "  status: draft\n", "  status: draft\n  related: [禁牧]\n"
    )
    content = small_content(tmp_path, related)
    entry = load_glossary(content).entry("jin-mu")
    assert entry.zh == ("禁止放牧",) and entry.related == ("禁牧",)
    paragraph = next(p for p in load_plan(content, "zh").paragraphs if "禁牧" in p.text)
    assert "禁牧" in paragraph.text and not TermIndex(load_glossary(content).entries).scan(paragraph.text)
    assert not any("approved term" in f.message for f in check_content(content, allow_missing=True).findings)


def test_glossary_is_read_again_when_a_file_changes_and_errors_are_never_kept(tmp_path):
    content = small_content(tmp_path, TERM)
    folder = ContentFolder(content)
    first = folder.glossary()
    again = folder.glossary()
    assert again.terms == first.terms and again is first  # unchanged files: parsed once
    # the same size and, within the clock's resolution, the same time: only the bytes differ
    (content / "glossary.yaml").write_text(TERM.replace("让草恢复", "让草返青"), encoding="utf-8")
    assert "让草返青" in folder.glossary().terms[0].definition["zh"]
    (content / "glossary.yaml").write_text(TERM.replace("status: draft", "status: approved"), encoding="utf-8")
    for _ in range(2):  # a broken file is refused every time, not only on the first read
        with pytest.raises(ContentErrors):
            folder.glossary()


def test_every_term_hint_finds_its_name_and_definition_in_the_chapter_terms_file(app, client):
    """Chapter pages of the current text and of every edition load one definitions file per
    chapter and language; it must hold every term those pages mark."""
    import re

    from flask import url_for

    from portal.web.registry import site_pages

    with app.test_request_context():
        pages = [
            (v["lang"], v["number"], url_for(e, **v))
            for e, v in site_pages(app)
            if e in ("pages.chapter", "changes.edition_chapter")
        ]
    assert any("/editions/" in url for _, _, url in pages)
    glossary = app.extensions["portal.store"].current().glossary
    marked = 0
    for lang, number, url in pages:
        ids = set(
            re.findall(r'class="term" href="[^"]*/glossary/([a-z0-9-]+)/"', client.get(url).get_data(as_text=True))
        )
        script = client.get(f"/{lang}/{number}/terms.js").get_data(as_text=True)
        definitions = json.loads(script.removeprefix("portalTermDefinitions(").removesuffix(");\n"))
        assert set(ids) <= set(definitions), url
        for ident in ids:
            entry = glossary.entry(ident)
            assert definitions[ident] == [entry.name(lang), entry.definition[lang]]
        marked += len(ids)
    assert marked > 500
    assert client.get("/zh/99/terms.js").status_code == 404


def test_an_empty_glossary_file_means_no_entries(tmp_path):
    content = small_content(tmp_path, "")
    assert load_glossary(content).terms == ()
