"""What first-time readers saw on a phone and a desktop, checked in Chromium on the frozen site:
Mongolian is never laid sideways, nothing is wider than the screen, a Mongolian block is never
cut off behind a scrollbar, and the language switch keeps the reader's place.

The page list is written out by hand (one page of every kind, both languages), so that a new
kind of page that lays Mongolian sideways fails here only once it is added below; the sitemap
and the page registry are not used to pick them.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

PAGES = [
    "index.html",
    "404.html",
    *(
        f"{lang}/{path}"
        for lang in ("zh", "mn")
        for path in (
            "index.html",
            "6/index.html",
            "6/parallel/index.html",
            "glossary/index.html",
            "glossary/a-du-rou-yang/index.html",
            "places/index.html",
            "places/a-la-shan-kou/index.html",
            "figures/index.html",
            "sheets/index.html",
            "sheets/c6s1/index.html",
            "changes/index.html",
            "updates/index.html",
            "compare/2022/2023-demo/3/index.html",
            "editions/2023-demo/3/index.html",
            "search/index.html?q=%E9%AA%86%E9%A9%BC",
        )
    ),
]

# Every visible text with Mongolian letters, and the writing mode of the element that holds it.
SIDEWAYS = """
const found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const text = walker.currentNode, holder = text.parentElement;
  if (!/[\\u1820-\\u18aa]/.test(text.data) || holder.closest("[hidden], script, style, noscript, template")) continue;
  if (!holder.getClientRects().length || getComputedStyle(holder).visibility === "hidden") continue;
  if (!getComputedStyle(holder).writingMode.startsWith("vertical"))
    found.push(holder.tagName.toLowerCase() + "." + holder.className + ": " + text.data.trim().slice(0, 24));
}
return found;
"""


def open_page(browser, site, page, width=360, height=800):
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 2 if width < 600 else 1, "mobile": width < 600},
    )
    path, _, query = page.partition("?")
    browser.get((site / path).as_uri() + (f"?{query}" if query else ""))
    browser.execute_script("return document.fonts.ready")


@pytest.fixture()
def phone(browser):
    yield browser
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 800, "deviceScaleFactor": 2, "mobile": True}
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_mongolian_is_never_laid_sideways_on_any_kind_of_page(phone, built_site, width):
    sideways, checked = {}, 0
    for page in PAGES:
        assert (built_site / page.partition("?")[0]).exists(), page
        open_page(phone, built_site, page, width)
        if page.startswith(("zh/search", "mn/search")):
            phone.execute_script("return new Promise(r => setTimeout(r, 400))")
        found = phone.execute_script(SIDEWAYS)
        checked += phone.execute_script("return /[\\u1820-\\u18aa]/.test(document.body.innerText)")
        if found:
            sideways[page] = found[:5]
    assert checked >= len(PAGES) - 2, "too few pages showed Mongolian at all"
    assert not sideways, "\n".join(f"{page}: {found}" for page, found in sideways.items())


@pytest.mark.parametrize("width", [390, 1280])
def test_no_page_is_wider_than_the_screen(phone, built_site, width):
    wide = {}
    for page in PAGES:
        open_page(phone, built_site, page, width)
        vertical = phone.execute_script("return document.documentElement.classList.contains('vertical')")
        if vertical:
            continue  # vertical Mongolian pages scroll sideways by design
        scroll = phone.execute_script("return document.documentElement.scrollWidth")
        if scroll > width:
            wide[page] = scroll
    assert not wide, wide


@pytest.mark.parametrize("target", ["c6s1p4", "c6s3p2", "c6s0p1"])
def test_the_links_of_a_mongolian_paragraph_one_lands_on_are_on_a_phone_screen(phone, built_site, target):
    open_page(phone, built_site, "mn/6/index.html", 390)
    phone.get((built_site / "mn" / "6" / "index.html").as_uri() + f"#{target}")
    phone.execute_script("return new Promise(r => setTimeout(r, 200))")
    links = phone.execute_script(
        f"return [...document.querySelectorAll('#{target} .tools a')].map(a => a.getBoundingClientRect().toJSON())"
    )
    assert len(links) >= 3  # copy link, 中文, side by side
    assert all(box["left"] >= 0 and box["right"] <= 390 and box["bottom"] <= 800 for box in links), links


@pytest.mark.parametrize("lang", ["zh", "mn"])
@pytest.mark.parametrize("width", [360, 1280])
def test_no_mongolian_cell_of_the_side_by_side_view_is_cut_off(phone, built_site, lang, width):
    open_page(phone, built_site, f"{lang}/6/parallel/index.html", width, 900)
    phone.execute_script("return new Promise(r => setTimeout(r, 300))")
    cells = phone.execute_script(
        "return [...document.querySelectorAll('.cell-mn')].map(c => [c.parentElement.id, c.scrollWidth, c.clientWidth])"
    )
    assert len(cells) >= 15
    hidden = [(ident, scroll - client) for ident, scroll, client in cells if scroll > client + 1]
    assert not hidden, hidden


@pytest.mark.parametrize("start, target", [("zh", "mn"), ("mn", "zh")])
def test_the_language_switch_keeps_the_paragraph_in_view(phone, built_site, start, target):
    open_page(phone, built_site, f"{start}/6/index.html", 1280)
    phone.get((built_site / start / "6" / "index.html").as_uri() + "#c6s1p3")
    phone.execute_script("return new Promise(r => setTimeout(r, 200))")
    switch = phone.find_element(By.CSS_SELECTOR, f".language-switch a[hreflang^='{target}']")
    phone.execute_script("arguments[0].click()", switch)
    assert phone.current_url.endswith(f"/{target}/6/index.html#c6s1p3"), phone.current_url


def test_the_language_switch_is_labelled_alike_and_keeps_the_header_low(phone, built_site):
    heights, labels = {}, set()
    for page in ("zh/index.html", "zh/6/index.html", "zh/6/parallel/index.html", "zh/glossary/index.html"):
        open_page(phone, built_site, page, 1280)
        labels.add(phone.find_element(By.CSS_SELECTOR, ".language-switch a").get_attribute("textContent"))
        heights[page] = phone.execute_script("return document.querySelector('.site-header').offsetHeight")
    assert labels == {"ᠮᠣᠩᠭᠣᠯ"}
    assert max(heights.values()) <= 70, heights  # was 104 with a tall pill; 58 without


@pytest.mark.parametrize("page", ["zh/6/index.html", "zh/glossary/index.html", "mn/6/parallel/index.html"])
def test_at_the_largest_text_size_the_header_stays_on_a_phone_screen(phone, built_site, page):
    open_page(phone, built_site, page, 360)
    phone.execute_script("localStorage.setItem('portal-display', JSON.stringify({size: 3}))")
    try:
        open_page(phone, built_site, page, 360)
        assert phone.execute_script("return document.documentElement.classList.contains('text-3')")
        boxes = phone.execute_script(
            "return [...document.querySelectorAll('.site-header a, .site-header button, .site-header input')]"
            ".filter(e => e.getClientRects().length)"
            ".map(e => [e.className || e.tagName, e.getBoundingClientRect().right])"
        )
        assert boxes and all(right <= 360 for _, right in boxes), boxes
        assert phone.execute_script("return document.documentElement.scrollWidth") <= 360
    finally:
        phone.execute_script("localStorage.removeItem('portal-display')")


@pytest.mark.parametrize("query", ["骆驼", "temege", "生态"])
def test_search_results_name_each_chapter_once_live_and_in_the_frozen_site(phone, built_site, client, query):
    import re
    import urllib.parse

    live = client.get(f"/zh/search/?q={urllib.parse.quote(query)}").get_data(as_text=True)
    headings = [h.strip() for h in re.findall(r'<section class="result-group"[^>]*>\s*<h2>([^<]*)</h2>', live)]
    assert len(headings) >= 2, headings
    assert len(headings) == len(set(headings)), headings
    open_page(phone, built_site, f"zh/search/index.html?q={urllib.parse.quote(query)}", 1280)
    for _ in range(100):
        if phone.execute_script("return document.getElementById('search').dataset.state") == "done":
            break
        phone.execute_script("return new Promise(r => setTimeout(r, 50))")
    frozen = phone.execute_script("return [...document.querySelectorAll('.result-group > h2')].map(h => h.textContent)")
    assert [h.strip() for h in frozen] == headings


@pytest.mark.parametrize(
    "page", ["zh/sheets/c6s1/index.html", "mn/sheets/c6s1/index.html", "mn/6/index.html", "zh/6/index.html"]
)
def test_a_printed_page_carries_no_site_chrome(phone, built_site, page):
    open_page(phone, built_site, page, 1280)
    phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = phone.execute_script(
            "return [...document.querySelectorAll('.site-header, .site-footer, .breadcrumb, .pager, .page-tools')]"
            ".filter(e => getComputedStyle(e).display !== 'none').map(e => e.className)"
        )
        printed = phone.execute_script("return document.querySelector('main').innerText.length")
    finally:
        phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert not shown, shown
    assert printed > 200


@pytest.mark.parametrize("width", [360, 1280])
def test_the_section_contents_box_stands_clear_of_the_first_paragraph(phone, built_site, width):
    open_page(phone, built_site, "zh/6/index.html", width)
    gap = phone.execute_script(
        "const toc = document.querySelector('.chapter-toc').getBoundingClientRect();"
        "const first = document.querySelector('main .paragraph').getBoundingClientRect();"
        "return first.top - toc.bottom"
    )
    assert gap >= 12, gap
