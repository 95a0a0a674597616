"""What other sites read from a page: its public address (canonical), the same page in the other
language (hreflang), what a shared link shows (Open Graph) and schema.org metadata of each
chapter (JSON-LD). Live and frozen, from the reader's side: the head of the page as sent."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURES

from portal import build_site, create_app

SITE = "https://plan.example.org/als"
LANG_TAGS = {"zh": "zh-Hans", "mn": "mn-Mong"}


class Head(HTMLParser):
    """The links, meta properties, title and JSON-LD blocks of a page's head."""

    def __init__(self, html: str):
        super().__init__()
        self.canonical: list[str] = []
        self.alternates: dict[str, str] = {}
        self.og: dict[str, str] = {}
        self.description = self.title = ""
        self.ld: list[str] = []
        self._in = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a["href"])
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "meta" and a.get("property", "").startswith("og:"):
            self.og[a["property"]] = a["content"]
        elif tag == "meta" and a.get("name") == "description":
            self.description = a["content"]
        elif tag == "title" or (tag == "script" and a.get("type") == "application/ld+json"):
            self._in = tag
            if tag == "script":
                self.ld.append("")

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.ld[-1] += data


@pytest.fixture(scope="module")
def small():
    return create_app({"CONTENT_DIR": str(FIXTURES / "small"), "SITE_URL": SITE + "/"}).test_client()


# Written out by hand from the small fixture: chapters 0 and 1 in both languages.
LANGUAGE_PAGES = ["/{lang}/", "/{lang}/0/", "/{lang}/1/", "/{lang}/1/parallel/", "/{lang}/glossary/", "/{lang}/search/"]


@pytest.mark.parametrize("page", LANGUAGE_PAGES)
@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_a_page_names_its_public_address_and_the_same_page_in_each_language(small, page, lang):
    url = page.format(lang=lang)
    head = Head(small.get(url).get_data(as_text=True))
    assert head.canonical == [SITE + url] and head.og["og:url"] == SITE + url
    assert head.alternates == {LANG_TAGS[code]: SITE + page.format(lang=code) for code in ("zh", "mn")}
    # each alternate names this page back: search engines ignore a one-way pair
    for target in head.alternates.values():
        back = Head(small.get(target.removeprefix(SITE)).get_data(as_text=True))
        assert back.alternates == head.alternates


def test_a_shared_link_shows_the_page_title_and_description_in_its_language(small):
    for lang, locale, title in (("zh", "zh_CN", "草原保护"), ("mn", "mn_CN", "ᠲᠠᠯ᠎ᠠ\u202fᠶᠢᠨ ᠬᠠᠮᠠᠭᠠᠯᠠᠯᠲᠠ")):
        head = Head(small.get(f"/{lang}/1/").get_data(as_text=True))
        assert title in head.og["og:title"] and head.og["og:title"] == head.title
        assert head.og["og:description"] == head.description and head.description
        assert head.og["og:type"] == "article" and head.og["og:locale"] == locale
        home = Head(small.get(f"/{lang}/").get_data(as_text=True))
        assert home.og["og:type"] == "website" and home.og["og:site_name"] == head.og["og:site_name"]


def test_chapter_pages_carry_schema_org_metadata_with_their_translation(small):
    zh = json.loads(Head(small.get("/zh/1/").get_data(as_text=True)).ld[0])
    mn = json.loads(Head(small.get("/mn/1/").get_data(as_text=True)).ld[0])
    assert zh["@context"] == "https://schema.org" and zh["@type"] == mn["@type"] == "CreativeWork"
    assert zh["name"] == "第一章 草原保护" and zh["inLanguage"] == "zh-Hans" and mn["inLanguage"] == "mn-Mong"
    assert zh["identifier"] == mn["identifier"] == "c1"
    assert zh["url"] == SITE + "/zh/1/" and mn["url"] == SITE + "/mn/1/"
    assert zh["isPartOf"]["url"] == SITE + "/zh/" and mn["isPartOf"]["url"] == SITE + "/mn/"
    assert zh["version"] == mn["version"] == "2022" and zh["datePublished"] == "2022"
    assert mn["translationOfWork"]["url"] == SITE + "/zh/1/" and "translationOfWork" not in zh
    assert [t["url"] for t in zh["workTranslation"]] == [SITE + "/mn/1/"]
    assert zh["publisher"]["@type"] == "GovernmentOrganization" and zh["publisher"]["name"] == "阿拉善左旗人民政府"


def test_pages_of_other_editions_name_their_own_edition():
    client = create_app({"SITE_URL": SITE}).test_client()
    data = json.loads(Head(client.get("/zh/editions/2023-demo/5/").get_data(as_text=True)).ld[0])
    assert data["version"] == "2023-demo" and data["datePublished"] == "2023-06-30"
    assert data["url"] == SITE + "/zh/editions/2023-demo/5/"


def test_an_error_page_names_no_address_of_its_own(small):
    for url in ("/zh/99/", "/zh/no-such-page/", "/404.html"):
        head = Head(small.get(url).get_data(as_text=True))
        assert head.canonical == [] and head.alternates == {} and "og:url" not in head.og, url


def test_hostile_titles_stay_data_in_the_metadata(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small", content)
    chapter = content / "zh" / "01.md"
    hostile = """草原</script><script>alert(1)</script>"'&保护"""
    text = chapter.read_text(encoding="utf-8").replace("title: 草原保护", "title: " + json.dumps(hostile))
    chapter.write_text(text, encoding="utf-8")
    html = (
        create_app({"CONTENT_DIR": str(content), "SITE_URL": SITE}).test_client().get("/zh/1/").get_data(as_text=True)
    )
    assert "<script>alert(1)" not in html
    head = Head(html)
    assert json.loads(head.ld[0])["name"] == "第一章 " + hostile  # the title, intact, as data
    assert hostile in head.og["og:title"]  # unescaped by the parser: it was escaped in the attribute


def test_the_frozen_site_carries_the_same_metadata(tmp_path, small):
    out = tmp_path / "build"
    build_site(out, {"CONTENT_DIR": str(FIXTURES / "small"), "SITE_URL": SITE})
    pages = [p for p in out.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 25
    for page in pages:
        url = "/" + str(page.relative_to(out)).removesuffix("index.html")
        head = Head(page.read_text(encoding="utf-8"))
        live = Head(small.get(url).get_data(as_text=True))
        assert head.canonical == [SITE + url] == live.canonical, url
        assert head.alternates == live.alternates and head.og == live.og and head.ld == live.ld, url
    assert Head((out / "404.html").read_text(encoding="utf-8")).canonical == []
    assert re.search(
        r'hreflang="mn-Mong" href="https://plan\.example\.org/als/mn/1/"', (out / "zh/1/index.html").read_text()
    )


# --- plan.json against its published schema --------------------------------------------------

SCHEMA = json.loads((Path(__file__).parent.parent / "docs" / "plan.schema.json").read_text(encoding="utf-8"))


def schema_errors(document: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def test_the_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_plan_json_of_the_frozen_site_and_the_live_app_follows_its_schema(built_site, client, lang):
    frozen = json.loads((built_site / lang / "plan.json").read_text(encoding="utf-8"))
    assert schema_errors(frozen) == []
    assert client.get(f"/{lang}/plan.json").get_json() == frozen
    statuses = {p.get("status") for c in frozen["chapters"] for s in c["sections"] for p in s["paragraphs"]}
    assert statuses == ({None} if lang == "zh" else {"draft"})  # every Mongolian paragraph is a draft


def test_a_missing_translation_in_plan_json_has_no_text(tmp_path):
    out = tmp_path / "build"
    build_site(out, {"CONTENT_DIR": str(FIXTURES / "small")})  # the small fixture leaves c1s2p1 untranslated
    data = json.loads((out / "mn" / "plan.json").read_text(encoding="utf-8"))
    assert schema_errors(data) == []
    paragraphs = {p["id"]: p for c in data["chapters"] for s in c["sections"] for p in s["paragraphs"]}
    assert paragraphs["c1s2p1"] == {"id": "c1s2p1", "text": None, "status": "missing"}


@pytest.mark.parametrize(
    "damage",
    [
        "an unknown field",
        "Chinese without text",
        "a status on the Chinese",
        "a status nobody gave",
        "a missing paragraph with text",
        "an id that is not a paragraph id",
    ],
)
def test_the_schema_refuses_what_plan_json_must_never_hold(built_site, damage):
    zh = json.loads((built_site / "zh" / "plan.json").read_text(encoding="utf-8"))
    mn = json.loads((built_site / "mn" / "plan.json").read_text(encoding="utf-8"))
    document = mn if ("status" in damage and "Chinese" not in damage) or "missing" in damage else zh
    paragraph = document["chapters"][1]["sections"][0]["paragraphs"][0]
    if damage == "an unknown field":
        document["chapters"][1]["pages"] = 3
    elif damage == "Chinese without text":
        paragraph["text"] = None
    elif damage == "a status on the Chinese":
        paragraph["status"] = "draft"
    elif damage == "a status nobody gave":
        paragraph["status"] = "approved"
    elif damage == "a missing paragraph with text":
        paragraph["status"] = "missing"
    else:
        paragraph["id"] = "c1s0"
    assert schema_errors(document), damage
