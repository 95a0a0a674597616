"""The statements a public site owes: "about this site" and the accessibility statement, in
both languages, live and frozen, linked from every page's footer; a broken statement file is
refused at its line."""

from __future__ import annotations

import re

import pytest
from conftest import refusal

from portal import PROJECT_ROOT
from portal.errors import ContentErrors
from portal.readers import load_content

CONTENT = PROJECT_ROOT / "content"
STATEMENTS = CONTENT / "statements"
NAMES = ("about", "accessibility")  # written out: the tests name what the site promises


def outline(html: str) -> tuple[int, int]:
    """(sections, list items) of a statement's body."""
    body = html[html.index('class="statement-body"') :]
    body = body[: body.index("</article>")]
    return body.count("<h2>"), body.count("<li>")


@pytest.mark.parametrize("name", NAMES)
def test_each_statement_in_both_languages_live_and_frozen(client, built_site, name):
    pages = {}
    for lang in ("zh", "mn"):
        response = client.get(f"/{lang}/{name}/")
        assert response.status_code == 200
        live = response.get_data(as_text=True)
        frozen = (built_site / lang / name / "index.html").read_text(encoding="utf-8")
        source = (STATEMENTS / f"{name}.{lang}.md").read_text(encoding="utf-8")
        title = re.search(r"^title: (.+)$", source, re.MULTILINE).group(1).strip()
        for html in (live, frozen):
            assert f'<h1 id="statement-title">{title}</h1>' in html
            assert ("translation-notice" in html) == (lang == "mn")  # a draft says so
        pages[lang] = live
    # the translation has every section and item of the Chinese
    assert outline(pages["zh"]) == outline(pages["mn"]) and outline(pages["zh"])[0] >= 5


def test_the_statements_say_what_the_issue_asks():
    about = (STATEMENTS / "about.zh.md").read_text(encoding="utf-8")
    for words in ("以中文文本为准", "译文草稿", "已审定", "谁发布", "报告问题"):
        assert words in about, words
    access = (STATEMENTS / "accessibility.zh.md").read_text(encoding="utf-8")
    for words in ("WCAG", "2.1 AA", "GB/T 37668", "怎样检查", "axe-core", "已知的不足", "联系我们"):
        assert words in access, words


def test_no_translation_of_a_statement_claims_a_review():
    for path in STATEMENTS.glob("*.mn.md"):
        assert re.search(r"^status: draft$", path.read_text(encoding="utf-8"), re.MULTILINE), path


@pytest.mark.parametrize("page", ["/{lang}/", "/{lang}/1/", "/{lang}/search/", "/{lang}/figures/", "/{lang}/glossary/"])
def test_every_page_links_to_the_statements(client, page):
    for lang in ("zh", "mn"):
        html = client.get(page.format(lang=lang)).get_data(as_text=True)
        footer = html[html.index('<footer class="site-footer">') :]
        for name in NAMES:
            assert f'href="/{lang}/{name}/"' in footer, (page, lang, name)


def test_the_privacy_note_holds_no_cookie_is_set(client):
    for url in ("/zh/", "/mn/about/", "/zh/search/?q=禁牧", "/api/search?q=禁牧", "/zh/figures/"):
        assert "Set-Cookie" not in client.get(url).headers, url


@pytest.mark.parametrize(
    "file, old, new, line, words",
    [
        ("about.zh.md", "updated: 2026-12-04", "updated: 2026-13-04", 3, "updated must be a day"),
        ("about.zh.md", "updated: 2026-12-04", "updated: 2026-12-04\nstatus: draft", 4, "has no status"),
        ("about.mn.md", "status: draft", "status: approved", 4, "status must be one of"),
        ("about.mn.md", "status: draft", "status: draft\nauthor: me", 5, "unknown field 'author'"),
        ("accessibility.zh.md", "## 联系我们", "[点这里](javascript:alert(1))\n\n## 联系我们", None, "javascript:"),
    ],
)
def test_a_broken_statement_is_refused_at_its_line(content_copy, file, old, new, line, words):
    path = content_copy / "statements" / file
    message = refusal(content_copy, path, old, new)
    assert f"{path}:" in message and words in message, message
    if line:
        assert f"{path}:{line}:" in message, message


def test_a_statement_missing_in_one_language_is_named(content_copy):
    (content_copy / "statements" / "accessibility.mn.md").unlink()
    (content_copy / "statements" / "privacy.zh.md").write_text("---\ntitle: 隐私\nupdated: 2026-12-04\n---\n正文\n")
    with pytest.raises(ContentErrors) as caught:
        load_content(content_copy)
    message = str(caught.value)
    assert "the accessibility statement is missing in mn" in message
    assert "privacy.zh.md" in message and "a statement file is named <about|accessibility>" in message
