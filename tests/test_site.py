"""The live app and the frozen site: every page, open data, 404s and the atomic build."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES
from flask import url_for

from portal import PROJECT_ROOT, create_app
from portal import build_site as build
from portal.errors import ContentErrors
from portal.site.build import BuildError
from portal.web.registry import site_pages


def all_urls(app) -> list[str]:
    with app.test_request_context():
        return [url_for(endpoint, **values) for endpoint, values in site_pages(app)]


def frozen_file(site: Path, url: str) -> Path:
    return site / (url.lstrip("/") + ("index.html" if url.endswith("/") else ""))


def test_every_page_of_the_live_app_answers(app, client):
    urls = all_urls(app)
    assert "/zh/" in urls and "/zh/12/" in urls and "/zh/plan.json" in urls
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url


def test_frozen_site_contains_every_page(app, built_site):
    for url in all_urls(app):
        assert frozen_file(built_site, url).is_file(), url
    assert (built_site / "404.html").is_file() and (built_site / "sitemap.xml").is_file()
    assert (built_site / "static" / "css" / "portal.css").is_file()


def test_chapter_page_structure(client):
    html = client.get("/zh/4/").get_data(as_text=True)
    assert '<html lang="zh-Hans">' in html
    assert "<h1>第四章 现代化产业</h1>" in html
    assert 'id="c4s1"' in html and "第一节 加快优势产业提质升级" in html
    assert '<p id="c4s1p2" class="paragraph item">——<strong>绿色能源产业。</strong>' in html
    assert 'href="#c4s1p2"' in html  # permalink
    assert 'rel="prev" href="/zh/3/"' in html and 'rel="next" href="/zh/5/"' in html
    assert '<meta name="description" content="第四章 现代化产业.' in html
    assert "规划首页" in html  # breadcrumb, translated through the zh catalog


def test_home_lists_every_chapter_and_section(client):
    html = client.get("/zh/").get_data(as_text=True)
    assert "阿拉善左旗国民经济和社会发展第十四个五年规划和2035年远景目标纲要" in html
    assert "2022年版" in html
    assert len(re.findall(r'class="toc-chapter"', html)) == 13
    assert html.count("/zh/7/#c7s") == 7


def test_unknown_pages_get_a_polite_404(client):
    for url in ["/zh/99/", "/xx/", "/zh/4/extra/", "/zh/c4s1p3/", "/%3Cscript%3E/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        body = response.get_data(as_text=True)
        assert "页面不存在" in body and "<script>" not in body


def test_plan_json_matches_the_published_format(built_site):
    data = json.loads((built_site / "zh" / "plan.json").read_text(encoding="utf-8"))
    assert set(data) == {"lang", "edition", "title", "chapters"}
    assert data["lang"] == "zh" and data["edition"] == "2022"
    chapters = data["chapters"]
    assert [c["number"] for c in chapters] == list(range(13))
    assert sum(1 for c in chapters for s in c["sections"] if s["number"] > 0) == 46
    paragraphs = [p for c in chapters for s in c["sections"] for p in s["paragraphs"]]
    assert len(paragraphs) == 222 and all(set(p) == {"id", "text"} for p in paragraphs)
    first = chapters[1]["sections"][0]
    assert first["number"] == 0 and first["title"] is None and first["paragraphs"][0]["id"] == "c1s0p1"
    text = json.dumps(data, ensure_ascii=False)
    assert "“ 十" not in text and "纲 要" not in text and "**" not in text


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "link" and (attrs.get("rel") == "canonical" or "hreflang" in attrs):
            return  # the page's public address for other sites, absolute by design (test_metadata)
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


@pytest.mark.slow  # walks every link of the whole frozen site
def test_frozen_links_are_relative_and_resolve(built_site):
    for page in built_site.rglob("*.html"):
        collector = LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        for link in collector.links:
            assert not link.startswith("/"), f"{page}: absolute link {link}"
            path, _, fragment = link.partition("#")
            path = path.partition("?")[0]  # search links carry ?q=, read by the page's script
            target = (page.parent / path).resolve() if path else page
            assert target.is_file(), f"{page}: broken link {link}"
            if fragment and target.suffix == ".html":
                other = LinkCollector()
                other.feed(target.read_text(encoding="utf-8"))
                assert fragment in other.ids, f"{page}: missing anchor {link}"


def test_sitemap_lists_pages_with_absolute_urls(built_site, app):
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", text)
    assert "http://127.0.0.1:5000/zh/4/" in locs and "http://127.0.0.1:5000/mn/4/parallel/" in locs
    assert "http://127.0.0.1:5000/mn/places/ba-yan-hao-te/" in locs
    glossary = app.extensions["portal.store"].current().glossary
    # chooser + per language: home, 13 chapters, 13 side-by-side pages, 2 listings, entry pages,
    # the about page and the accessibility statement; and a page of notes per chapter with notes
    notes = len(list((PROJECT_ROOT / "content" / "explainers").glob("*/*.md")))
    assert len(locs) == 1 + 2 * (1 + 13 + 13 + 2 + len(glossary.entries) + 2) + notes and len(set(locs)) == len(locs)
    assert "http://127.0.0.1:5000/mn/7/explainers/" in locs
    assert "http://127.0.0.1:5000/mn/accessibility/" in locs and "http://127.0.0.1:5000/zh/about/" in locs


def test_failed_build_leaves_previous_build_untouched(tmp_path):
    out = tmp_path / "build"
    build(out, {"CONTENT_DIR": str(FIXTURES / "small")})
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    record = (tmp_path / ".build.record.json").read_bytes()
    assert Path("zh/1/index.html") in before
    with pytest.raises(ContentErrors):
        build(out, {"CONTENT_DIR": str(FIXTURES / "malformed" / "duplicate-id")})
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    # the lock file and the record of builds stay beside the output; no staging folder may be left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build.lock", ".build.record.json", "build"]
    assert (tmp_path / ".build.record.json").read_bytes() == record


def test_page_failure_during_freeze_leaves_previous_build_untouched(tmp_path, monkeypatch):
    out = tmp_path / "build"
    build(out, {"CONTENT_DIR": str(FIXTURES / "small")})
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    record = (tmp_path / ".build.record.json").read_bytes()
    monkeypatch.setattr("portal.web.pages.plan.plan_document", broken)
    # full: the code changed here is patched in memory, where the record of the last build cannot see it
    with pytest.raises(BuildError, match=r"500.*/(zh|mn)/plan\.json"):  # raised in a page-freezing process
        build(out, {"CONTENT_DIR": str(FIXTURES / "small")}, full=True)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build.lock", ".build.record.json", "build"]
    assert (tmp_path / ".build.record.json").read_bytes() == record


def test_live_app_keeps_serving_the_last_good_content_after_a_bad_edit(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small", content)
    app = create_app({"CONTENT_DIR": str(content)})
    client = app.test_client()
    chapter = content / "zh" / "01.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace("保护双峰驼种质资源", "保护阿拉善双峰驼种质资源"), encoding="utf-8"
    )
    assert "保护阿拉善双峰驼" in client.get("/zh/1/").get_data(as_text=True)
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("{: #c1s2p1 }", ""), encoding="utf-8")
    response = client.get("/zh/1/")
    assert response.status_code == 200 and "保护阿拉善双峰驼" in response.get_data(as_text=True)


def test_app_refuses_to_start_on_bad_content():
    with pytest.raises(ContentErrors):
        create_app({"CONTENT_DIR": str(FIXTURES / "malformed" / "heading-out-of-order")})


def test_pages_frozen_by_several_processes_are_those_of_one_process(tmp_path):
    from portal.site.build import freeze_into

    app = create_app({"CONTENT_DIR": str(FIXTURES / "small"), "WATCH_CONTENT": False})
    one, two = tmp_path / "one", tmp_path / "two"
    assert freeze_into(app, one, workers=1) == freeze_into(app, two, workers=2)
    files = {p.relative_to(one): p.read_bytes() for p in one.rglob("*") if p.is_file()}
    assert Path("zh/1/index.html") in files and Path("static/css/portal.css") in files
    assert {p.relative_to(two): p.read_bytes() for p in two.rglob("*") if p.is_file()} == files


def test_a_new_kind_of_page_is_one_blueprint(tmp_path):
    """A page kind declared with PageSet in one blueprint is served, frozen, listed in the
    sitemap and kept in the reader's offline pack, with nothing else to edit."""
    from flask import Blueprint

    from portal.site.build import build as freeze
    from portal.web.registry import OFFLINE_LANG, PageSet, per_language

    bp = Blueprint("notes", __name__)
    pages = PageSet(bp)

    @pages.route("/<lang:lang>/notes/", each=per_language, sitemap=True, offline=OFFLINE_LANG)
    def notes(lang):
        return f"<!doctype html><title>notes</title><p>notes in {lang}</p>"

    app = create_app({"CONTENT_DIR": str(FIXTURES / "small"), "WATCH_CONTENT": False})
    app.register_blueprint(bp)
    assert app.test_client().get("/mn/notes/").get_data(as_text=True).endswith("notes in mn</p>")
    assert app.test_client().get("/en/notes/").status_code == 404  # only the content's languages
    out = tmp_path / "build"
    freeze(out, app)
    for lang in ("zh", "mn"):
        assert (out / lang / "notes" / "index.html").read_text(encoding="utf-8").endswith(f"in {lang}</p>")
        assert f"{lang}/notes/" in (out / "sitemap.xml").read_text(encoding="utf-8")
    offline = {f["url"] for f in json.loads((out / "offline" / "mn.json").read_text(encoding="utf-8"))["files"]}
    assert "mn/notes/index.html" in offline and "zh/notes/index.html" not in offline


def test_the_small_fixture_builds_exactly_the_pages_its_content_calls_for(tmp_path):
    # Written from the fixture by hand (chapters 0 and 1, sections c1s1 and c1s2, no glossary
    # entries, no editions, no notices), not from the page registry: a page kind that stops
    # being frozen, or one frozen twice under another name, fails here.
    out = tmp_path / "build"
    build(out, {"CONTENT_DIR": str(FIXTURES / "small"), "SITE_URL": "https://a.example"})
    per_language = [
        "index.html",
        "0/index.html",
        "0/parallel/index.html",
        "1/index.html",
        "1/parallel/index.html",
        "changes/index.html",
        "figures/index.html",
        "glossary/index.html",
        "places/index.html",
        "search/index.html",
        "offline/index.html",
        "sheets/index.html",
        "sheets/c1s1/index.html",
        "sheets/c1s2/index.html",
        "updates/index.html",
    ]
    expected = {"index.html", "404.html"} | {f"{lang}/{page}" for lang in ("zh", "mn") for page in per_language}
    assert {str(p.relative_to(out)) for p in out.rglob("*.html")} == expected
    data = {"plan.json", "figures.csv", "updates.xml", "0/terms.js", "1/terms.js", "glossary/words.js"}
    for lang in ("zh", "mn"):
        assert all((out / lang / name).is_file() for name in data), lang
    for name in ("sitemap.xml", "sw.js", "figures.json", "glossary.json", "places.json", "offline/zh.json"):
        assert (out / name).is_file(), name


def test_chapters_and_sections_numbered_100_and_above_build_with_their_labels(tmp_path):
    from portal.cli import main
    from portal.text.mongolian import from_latin

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small", content)
    sections = "".join(f"## 第{n}节 {{: #c100s{n} }}\n\n段落{n}。\n{{: #c100s{n}p1 }}\n\n" for n in range(1, 103))
    for lang in ("zh", "mn"):
        front = f"---\nchapter: 100\ntitle: 第一百章\nedition: '2022'\nlang: {lang}\n---\n\n"
        (content / lang / "100.md").write_text(front + (sections if lang == "zh" else ""), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--content", str(content)]).exit_code == 0
    out = tmp_path / "build"
    built = runner.invoke(main, ["build", "--content", str(content), "--out", str(out), "--site-url", "https://a.x"])
    assert built.exit_code == 0, built.output
    page = (out / "zh" / "100" / "index.html").read_text(encoding="utf-8")
    assert "第一百章" in page and "第一百零一节" in page and "第一百零二节" in page and "第九十九节" in page
    mongolian = (out / "mn" / "100" / "index.html").read_text(encoding="utf-8")
    assert from_latin("ǰaγuduγar bülüg") in mongolian  # the hundredth chapter
    # A number no label can say is refused by the check, at its line, and never reaches the build.
    chapter = content / "zh" / "100.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("chapter: 100", "chapter: 10000"), "utf-8")
    checked = runner.invoke(main, ["check", "--content", str(content)])
    assert checked.exit_code == 1 and "100.md:2: structure chapter 10000 is outside 0 to 9999" in checked.output


def test_chinese_numerals_of_every_label_read_back():
    from portal.text.numerals import from_chinese, to_chinese

    written = {
        1: "一",
        10: "十",
        12: "十二",
        20: "二十",
        100: "一百",
        101: "一百零一",
        110: "一百一十",
        1010: "一千零一十",
    }
    assert {n: to_chinese(n) for n in written} == written
    assert all(from_chinese(to_chinese(n)) == n for n in range(10_000))


def test_every_text_file_has_precompressed_copies_that_are_the_same_text(built_site):
    import gzip
    import zipfile

    import brotli

    text = [p for p in built_site.rglob("*") if p.suffix in TEXT_SUFFIXES and p.stat().st_size >= 1024]
    assert len(text) > 1000
    for path in text:
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == path.read_bytes(), path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == path.read_bytes(), path
    # the offline lists are written after the pages, and their copies are of their final text
    assert {"offline/zh.json", "offline/mn.json"} <= {str(p.relative_to(built_site)) for p in text}
    small = [p for p in built_site.rglob("*") if p.suffix in TEXT_SUFFIXES and p.stat().st_size < 1024]
    assert small and not any(p.with_name(p.name + c).exists() for p in small for c in (".gz", ".br"))
    copies = [p for p in built_site.rglob("*") if p.suffix in (".gz", ".br")]
    assert len(copies) == 2 * len(text)  # no copy of a copy, of the zip, or of an image
    # The zip and the offline lists carry the files, not their copies.
    archive = next((built_site / "download").glob("*.zip"))
    assert not any(name.endswith((".gz", ".br")) for name in zipfile.ZipFile(archive).namelist())
    listed = json.loads((built_site / "offline" / "zh.json").read_text(encoding="utf-8"))["files"]
    assert listed and not any(f["url"].endswith((".gz", ".br")) for f in listed)


# Written out, not taken from portal.site.compress: the kinds of file a web server sends as text.
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt"}


def test_the_precompressed_copies_are_the_same_bytes_in_every_build(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build(first, {"CONTENT_DIR": str(FIXTURES / "small")})
    build(second, {"CONTENT_DIR": str(FIXTURES / "small")})
    copies = sorted(p.relative_to(first) for p in first.rglob("*") if p.suffix in (".gz", ".br"))
    assert copies and copies == sorted(p.relative_to(second) for p in second.rglob("*") if p.suffix in (".gz", ".br"))
    assert all((first / c).read_bytes() == (second / c).read_bytes() for c in copies)


def _static_sources() -> list[Path]:
    static = PROJECT_ROOT / "static"
    sources = sorted(static.glob("js/*.js")) + sorted(static.glob("css/*.css"))
    assert len(sources) >= 10, "every script and style sheet of static/"
    return sources


def test_scripts_and_style_sheets_are_sent_minified_and_still_parse(client, tmp_path):
    """Every script and style sheet is sent without its comments and needless spaces, and a
    script still parses (node --check): the minifier may change no code."""
    static = PROJECT_ROOT / "static"
    for source in _static_sources():
        sent = client.get(f"/static/{source.relative_to(static)}")
        assert sent.status_code == 200, source
        body = sent.get_data()
        assert len(body) < 0.9 * source.stat().st_size, (source.name, len(body), source.stat().st_size)
        text = body.decode("utf-8")
        assert "\n  " not in text and "// " not in text.replace("://", ""), source.name
        if source.suffix == ".js":
            copy = tmp_path / source.name
            copy.write_bytes(body)
            checked = subprocess.run(["node", "--check", str(copy)], capture_output=True, text=True)
            assert checked.returncode == 0, (source.name, checked.stderr)
        else:  # every rule's selector survives
            selectors = {
                s.strip() for s in re.findall(r"([^{}]+)\{", re.sub(r"/\*.*?\*/", "", source.read_text(), flags=re.S))
            }
            sent_selectors = {s.strip() for s in re.findall(r"([^{}]+)\{", text)}
            assert len(sent_selectors) >= 0.9 * len(selectors), source.name


def test_the_frozen_site_has_the_bytes_the_live_app_sends_and_a_second_request_is_not_sent_again(client, built_site):
    static = PROJECT_ROOT / "static"
    for source in _static_sources():
        url = f"/static/{source.relative_to(static)}"
        sent = client.get(url)
        assert (built_site / url.lstrip("/")).read_bytes() == sent.get_data(), url
        assert sent.headers["ETag"] and sent.mimetype in ("text/javascript", "application/javascript", "text/css")
        again = client.get(url, headers={"If-None-Match": sent.headers["ETag"]})
        assert again.status_code == 304, url
    assert client.get("/static/js/no-such-file.js").status_code == 404
    assert client.get("/static/../portal.toml").status_code == 404
    worker = client.get("/sw.js").get_data()
    assert worker == (built_site / "sw.js").read_bytes()
    assert len(worker) < (static / "js" / "sw.js").stat().st_size


def test_every_style_sheet_a_page_links_is_in_the_offline_lists(client):
    listed = {f["url"] for f in client.get("/offline/zh.json").get_json()["files"]}
    for source in _static_sources():
        if source.name != "sw.js":
            assert f"static/{source.parent.name}/{source.name}" in listed, source.name
