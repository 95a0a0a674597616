"""Headless Chromium opens the frozen site from disk, as a reader with a USB stick would."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from portal import PROJECT_ROOT
from portal.readers import load_glossary

# The `browser` and `built_site` fixtures are in conftest.py.


def test_frozen_chapter_page_renders_from_disk_and_permalink_works(browser, built_site):
    page = built_site / "zh" / "4" / "index.html"
    browser.get(page.as_uri())
    heading = browser.find_element(By.TAG_NAME, "h1")
    assert heading.text == "第四章 现代化产业"
    # The stylesheet loaded through its relative link: the header has the portal's colour.
    header = browser.find_element(By.CSS_SELECTOR, ".site-header")
    assert header.value_of_css_property("background-color") == "rgba(11, 92, 138, 1)"
    # No horizontal scrolling on a 360 px phone.
    assert browser.execute_script("return [innerWidth, document.documentElement.scrollWidth]") == [360, 360]

    permalink = browser.find_element(By.CSS_SELECTOR, "#c4s2p3 .permalink")
    browser.execute_script("arguments[0].focus()", permalink)
    assert permalink.value_of_css_property("opacity") == "1"  # visible on keyboard focus
    permalink.click()
    assert browser.current_url.endswith("/zh/4/index.html#c4s2p3")
    target = browser.execute_script("return document.querySelector(':target').id")
    assert target == "c4s2p3"
    assert browser.execute_script("return document.querySelector(':target').getBoundingClientRect().top") < 400

    browser.find_element(By.CSS_SELECTOR, "a[rel=next]").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "第五章 完善基础设施体系"
    assert browser.current_url.endswith("/zh/5/index.html")


def test_frozen_home_links_to_a_section_from_disk(browser, built_site):
    browser.get((built_site / "index.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, ".chooser a").click()
    browser.find_element(By.PARTIAL_LINK_TEXT, "保障人民生命安全").click()
    assert browser.current_url.endswith("/zh/11/index.html#c11s3")
    assert browser.find_element(By.ID, "c11s3-title").is_displayed()


def test_mongolian_chapter_is_vertical_and_scrolls_sideways(browser, built_site):
    browser.get((built_site / "mn" / "0" / "index.html").as_uri())
    assert browser.execute_script("return getComputedStyle(document.documentElement).writingMode") == "vertical-lr"
    assert browser.execute_script("return document.documentElement.lang") == "mn-Mong"
    # The self-hosted font loaded and covers the text (no fallback boxes).
    browser.execute_script("return document.fonts.ready")
    assert browser.execute_script("return document.fonts.check('16px \"Noto Sans Mongolian\"', 'ᠮᠣᠩᠭᠣᠯ')")
    loaded = browser.execute_script(
        "return [...document.fonts].filter(f => f.family.includes('Mongolian')).map(f => f.status)"
    )
    assert "loaded" in loaded
    # Columns fit the viewport height; the page scrolls sideways, not down.
    sizes = browser.execute_script(
        "const e = document.scrollingElement; return [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight]"
    )
    assert sizes[0] > sizes[1] and sizes[2] <= sizes[3] + 1
    # The mouse wheel moves the page sideways.
    moved = browser.execute_script(
        "const e = document.scrollingElement; e.scrollLeft = 0;"
        "window.dispatchEvent(new WheelEvent('wheel', {deltaY: 240, cancelable: true}));"
        "return e.scrollLeft"
    )
    assert moved > 0
    # Every paragraph of chapter 0 is a draft, and the page says so.
    assert browser.find_elements(By.CSS_SELECTOR, ".translation-notice")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".paragraph.status-draft")) == 4


def test_chinese_page_does_not_download_the_mongolian_font(browser, built_site):
    browser.get((built_site / "zh" / "4" / "index.html").as_uri())
    fonts = browser.execute_script(
        "return performance.getEntriesByType('resource').map(r => r.name).filter(n => n.includes('fonts/'))"
    )
    assert fonts == []
    # One tap from a paragraph to the same paragraph in Mongolian.
    link = browser.find_element(By.CSS_SELECTOR, "#c4s1p2 .counterpart")
    browser.execute_script("arguments[0].click()", link)
    assert browser.current_url.endswith("/mn/4/index.html#c4s1p2")
    assert browser.execute_script("return document.querySelector(':target').id") == "c4s1p2"


def test_side_by_side_page_fits_a_phone(browser, built_site):
    browser.get((built_site / "zh" / "0" / "parallel" / "index.html").as_uri())
    assert browser.execute_script("return [innerWidth, document.documentElement.scrollWidth]") == [360, 360]
    pair = browser.find_element(By.ID, "c0s0p4")
    cells = pair.find_elements(By.CSS_SELECTOR, ".cell")
    assert [c.get_attribute("lang") for c in cells] == ["zh-Hans", "mn-Mong"]
    assert browser.execute_script("return getComputedStyle(arguments[0]).writingMode", cells[1]) == "vertical-lr"


def _static_search(browser, site, lang, query, scope=""):
    import time
    import urllib.parse

    extra = f"&scope={scope}" if scope else ""
    browser.get((site / lang / "search" / "index.html").as_uri() + "?q=" + urllib.parse.quote(query) + extra)
    for _ in range(100):
        state = browser.execute_script("return document.getElementById('search').dataset.state")
        if state:
            break
        time.sleep(0.05)
    assert state == "done", (query, state)
    found = browser.execute_script("return document.getElementById('search').dataset.results") or ""
    return found.split()


def test_static_search_agrees_with_live_search(browser, built_site, client):
    from conftest import FIXTURES

    queries = [
        line
        for line in (FIXTURES / "search-queries.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    for lang in ("zh", "mn"):
        for query in queries:
            live = client.get("/api/search", query_string={"q": query, "lang": lang, "limit": 100}).get_json()
            expected = [f"{r['lang']}:{r['id']}" for r in live["results"]]
            assert _static_search(browser, built_site, lang, query)[:10] == expected[:10], (lang, query)


def test_static_search_in_one_language_fetches_only_what_it_needs(browser, built_site, client):
    """scope=lang in the frozen site: the live ranking of the reader's language alone, the box
    ticked, and a Chinese page (or an all-script Mongolian query) never fetches the other index."""

    def fetched():
        names = browser.execute_script("return [...document.scripts].map(s => s.src)")
        return {name.rsplit("/", 1)[-1] for name in names if "/search/" in name}

    cases = [("zh", "2035", {"zh.js"}), ("mn", "ᠲᠡᠮᠡᠭᠡ", {"mn.js"}), ("mn", "camel", {"mn.js", "zh.js"})]
    for lang, query, needs in cases:
        live = client.get("/api/search", query_string={"q": query, "lang": lang, "limit": 100, "scope": "lang"})
        expected = [f"{r['lang']}:{r['id']}" for r in live.get_json()["results"]]
        assert expected, (lang, query)
        assert _static_search(browser, built_site, lang, query, scope="lang") == expected, (lang, query)
        assert browser.execute_script("return document.getElementById('scope').checked")
        assert fetched() & {"zh.js", "mn.js"} == needs, (lang, query, fetched())


def test_static_search_lists_the_notes_of_its_results_as_the_live_page_does(browser, built_site, client):
    import re

    for lang, query in [("zh", "禁牧"), ("zh", "入园率"), ("zh", "骆驼 保险"), ("mn", "ᠲᠡᠮᠡᠭᠡ"), ("zh", "草原")]:
        live = client.get(f"/{lang}/search/", query_string={"q": query}).get_data(as_text=True)
        expected = re.findall(r'explainers/#(x\d+-[a-z0-9-]+)"', live)
        _static_search(browser, built_site, lang, query)
        found = browser.execute_script("return document.getElementById('search').dataset.notesFound") or ""
        assert found.split() == expected, (lang, query)
        for ident in expected:  # each leads to its note on the chapter's page of notes
            link = browser.find_element(By.CSS_SELECTOR, f'#search-notes a[href*="#{ident}"]')
            assert "/explainers/index.html#" in link.get_attribute("href")
    assert any(re.findall(r"explainers/#x", client.get("/zh/search/?q=禁牧").get_data(as_text=True)))


def test_static_search_page_shows_results_from_disk(browser, built_site):
    found = _static_search(browser, built_site, "zh", "caoyuan")
    assert found and found[0].startswith("zh:")
    marks = browser.execute_script("return [...document.querySelectorAll('.snippet mark')].map(m => m.textContent)")
    assert marks and set(marks) == {"草原"}
    link = browser.find_element(By.CSS_SELECTOR, ".result-link")
    browser.execute_script("arguments[0].click()", link)
    assert "/zh/" in browser.current_url and browser.execute_script("return document.querySelector(':target') !== null")


def _term_of(link) -> str:
    return link.get_attribute("href").split("/glossary/")[1].split("/")[0]


def test_term_hint_opens_from_the_keyboard_and_by_tapping(browser, built_site):
    """A hint is a link to the glossary; script makes it open a popover instead, drawn at its
    first opening with the name and definition from the chapter's terms.js."""
    from selenium.webdriver.common.keys import Keys

    glossary = load_glossary(PROJECT_ROOT / "content")
    for lang in ("zh", "mn"):
        browser.get((built_site / lang / "0" / "index.html").as_uri())
        links = browser.find_elements(By.CSS_SELECTOR, "a.term")
        assert links, lang
        assert browser.execute_script("return document.querySelectorAll('.term-pop').length") == 0
        first = links[0]
        target = "term-" + _term_of(first)
        entry = glossary.entry(_term_of(first))
        assert first.get_attribute("href").endswith(f"/{lang}/glossary/{entry.id}/index.html")
        browser.execute_script("arguments[0].focus()", first)
        first.send_keys(Keys.ENTER)
        opened = browser.execute_script("return [...document.querySelectorAll(':popover-open')].map(e => e.id)")
        assert opened == [target], lang
        assert browser.current_url.split("#")[0].endswith(f"/{lang}/0/index.html")  # not followed
        assert first.get_attribute("aria-expanded") == "true"
        pop = browser.find_element(By.ID, target)
        slot = pop.find_element(By.CSS_SELECTOR, ".term-def")
        WebDriverWait(browser, 5).until(
            lambda _, slot=slot, definition=entry.definition[lang]: slot.get_attribute("textContent") == definition
        )
        assert pop.find_element(By.TAG_NAME, "b").get_attribute("textContent") == entry.name(lang)
        more = pop.find_element(By.TAG_NAME, "a")
        assert more.get_attribute("href") == first.get_attribute("href") and entry.name(lang) in more.get_attribute(
            "aria-label"
        )
        assert pop.is_displayed()
        if lang == "mn":  # drawn beside its link, so it takes the vertical text's direction
            mode = browser.execute_script("return getComputedStyle(arguments[0]).writingMode", pop)
            assert mode.startswith("vertical"), mode
        first.send_keys(Keys.ESCAPE)
        assert browser.execute_script("return document.querySelectorAll(':popover-open').length") == 0
        assert first.get_attribute("aria-expanded") == "false"
        browser.execute_script("arguments[0].scrollIntoView()", links[-1])
        links[-1].click()  # a tap
        assert browser.execute_script("return [...document.querySelectorAll(':popover-open')].map(e => e.id)") == [
            "term-" + _term_of(links[-1])
        ]


def test_link_to_an_unknown_paragraph_says_so(browser, built_site):
    browser.get((built_site / "zh" / "4" / "index.html").as_uri() + "#c4s9p99")
    note = browser.find_element(By.ID, "missing-anchor")
    assert note.is_displayed() and "c4s9p99" in note.text
    browser.get((built_site / "zh" / "4" / "index.html").as_uri() + "#c4s1p2")
    assert not browser.find_element(By.ID, "missing-anchor").is_displayed()


def test_glossary_filter_matches_other_forms_pinyin_and_latin_from_disk(browser, built_site):
    """The listing carries only what it shows; the filter loads the other words on first use."""
    browser.get((built_site / "zh" / "glossary" / "index.html").as_uri())
    assert "禁牧区" not in browser.page_source  # not in the listing until the filter is used
    box = browser.find_element(By.ID, "filter")

    def shown() -> list[str]:
        return browser.execute_script(
            "return [...document.querySelectorAll('.entry-list li:not([hidden])')]"
            ".map(li => li.querySelector('a').getAttribute('href').split('/')[0])"
        )

    box.send_keys("以草定畜")  # a related word of 草畜平衡
    WebDriverWait(browser, 5).until(lambda _: shown() == ["cao-chu-ping-heng"])
    box.clear()
    box.send_keys("jinmu")  # pinyin with a Latin keyboard
    assert "jin-mu" in shown() and len(shown()) < 5
    box.clear()
    box.send_keys("草原生态")  # visible text still matches, and the empty note stays hidden
    assert shown() and not browser.find_element(By.CLASS_NAME, "filter-empty").is_displayed()
    box.clear()
    box.send_keys("no such entry")
    assert shown() == [] and browser.find_element(By.CLASS_NAME, "filter-empty").is_displayed()

    browser.get((built_site / "mn" / "glossary" / "index.html").as_uri())
    box = browser.find_element(By.ID, "filter")
    box.send_keys("belčiγeqü-yi qoriγlaqu")  # the Latin transliteration of the Mongolian term
    WebDriverWait(browser, 5).until(lambda _: "jin-mu" in shown())


def test_a_chinese_search_loads_only_the_word_shards_of_its_characters(browser, built_site, app):
    """Synonyms and everyday words come in shards by first character: a query fetches the
    shards of its characters, and of their simplified forms when typed in traditional ones,
    and finds what the same query in simplified characters finds."""
    tables = app.extensions["portal.store"].current().tables
    shards = 8  # written here: tables.js must agree
    for typed, simplified in (("畜種保險", "畜种保险"), ("苁蓉", "苁蓉"), ("看病", "看病")):
        found = _static_search(browser, built_site, "zh", typed)
        loaded = browser.execute_script(
            "return Array.from(document.scripts).map(s => s.src).filter(s => /words-\\d+\\.js$/.test(s))"
            ".map(s => Number(s.match(/words-(\\d+)/)[1]))"
        )
        expected = {ord(ch) % shards for ch in typed} | {ord(tables.t2s.get(ch, ch)) % shards for ch in typed}
        assert sorted(loaded) == sorted(expected), typed  # each once, and no other
        assert len(expected) < shards, typed
        assert found and found == _static_search(browser, built_site, "zh", simplified), typed
