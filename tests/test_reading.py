"""Reading on the move: offline copy, the zip, printing, larger text and contrast, listening,
copying a paragraph's link, and notice-board sheets with QR codes."""

from __future__ import annotations

import io
import json
import re
import time
import zipfile

import pytest
import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from portal import PROJECT_ROOT, create_app
from portal.readers import load_plan

SECTIONS = [s.id for c in load_plan(PROJECT_ROOT / "content", "zh").chapters for s in c.sections if s.number]


def wait(browser, condition, seconds=20):
    return WebDriverWait(browser, seconds).until(condition)


def visible(browser, ident):
    return browser.find_element(By.ID, ident).is_displayed()


def keep_offline(browser, base: str) -> str:
    """Ask to keep the Chinese site; returns the size the reader was shown before agreeing."""
    browser.get(base + "zh/index.html")
    wait(browser, lambda b: visible(b, "offline-keep"))
    browser.find_element(By.ID, "offline-keep").click()
    wait(browser, lambda b: visible(b, "offline-confirm"))
    size = browser.find_element(By.ID, "offline-size").text
    browser.find_element(By.ID, "offline-go").click()
    wait(browser, lambda b: visible(b, "offline-kept"), 120)
    return size


def test_offline_reading_after_the_network_is_gone(browser, static_server, built_site):
    base, stop = static_server
    shown = keep_offline(browser, base)  # the size is shown before anything is stored
    listed = json.loads((built_site / "offline" / "zh.json").read_text(encoding="utf-8"))["bytes"]
    number = re.search(r"(\d+(?:\.\d+)?)\s*MB", shown)
    assert number and abs(float(number.group(1)) - listed / 1_048_576) <= 0.05, (shown, listed)
    stop()  # the web server is gone: from here on only the device answers
    browser.get(base + "zh/5/index.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "第五章 完善基础设施体系"
    browser.get(base + "zh/5/parallel/index.html")
    assert browser.find_elements(By.CSS_SELECTOR, "[lang=mn-Mong]")
    browser.get(base + "zh/glossary/index.html")
    assert browser.find_elements(By.CSS_SELECTOR, ".entry-list li")
    browser.get(base + "zh/search/index.html?q=%E7%A6%81%E7%89%A7")
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .result"))
    assert "禁牧" in browser.find_element(By.ID, "search-results").text
    # Only Chinese is kept: the links to Mongolian say so, and opening one (or the language
    # switch) without a network shows the "not kept" page of the kept language, not an error.
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .not-kept"))
    marked = browser.execute_script(
        "return [...document.querySelectorAll('#search-results .not-kept')].map(n => n.previousElementSibling.hreflang)"
    )
    assert marked and set(marked) == {"mn-Mong"}, marked
    for page in ("mn/5/index.html", "mn/index.html", "mn/glossary/index.html"):
        browser.get(base + page)
        assert browser.find_element(By.TAG_NAME, "h1").text == "本设备未保存此页", page
        home = browser.find_element(By.CSS_SELECTOR, ".not-kept-page a")
        assert home.get_attribute("href") == base + "zh/index.html"
    browser.get(base + "zh/5/index.html")
    browser.execute_script("arguments[0].click()", browser.find_element(By.CSS_SELECTOR, ".language-switch a"))
    wait(browser, lambda b: b.find_element(By.TAG_NAME, "h1").text == "本设备未保存此页")


def test_offline_list_matches_the_files_and_updates_replace_changed_ones(built_site, client):
    listing = json.loads((built_site / "offline" / "mn.json").read_text(encoding="utf-8"))
    urls = {f["url"] for f in listing["files"]}
    assert {
        "mn/index.html",
        "mn/4/index.html",
        "mn/4/parallel/index.html",
        "mn/search/index.html",
        "mn/glossary/index.html",
        "search/mn.js",
        "search/zh.js",
        "static/fonts/NotoSansMongolian-Regular.woff2",
    } <= urls
    assert not any(u.startswith("zh/") for u in urls)
    for f in listing["files"]:
        assert (built_site / f["url"]).stat().st_size == f["bytes"]
    assert listing["bytes"] == sum(f["bytes"] for f in listing["files"])
    assert (built_site / listing["zip"]["url"]).stat().st_size == listing["zip"]["bytes"]
    # The live app serves the same list for its own pages, and the worker at the site root.
    live = client.get("/offline/zh.json").get_json()
    assert "zh/4/" in {f["url"] for f in live["files"]} and live["bytes"] > 1_000_000
    worker = client.get("/sw.js")
    assert worker.status_code == 200 and worker.mimetype == "text/javascript"
    assert (built_site / "sw.js").read_bytes() == worker.get_data()


def test_the_zip_works_from_disk(browser, built_site, tmp_path):
    archive = next((built_site / "download").glob("*.zip"))
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path)
        assert not any(name.endswith(".zip") for name in z.namelist())
    site = tmp_path / "alxa-left-banner-plan"
    browser.get((site / "index.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, ".chooser a").click()
    browser.find_element(By.PARTIAL_LINK_TEXT, "保障人民生命安全").click()
    assert browser.current_url.endswith("/zh/11/index.html#c11s3")
    browser.get((site / "zh" / "search" / "index.html").as_uri() + "?q=caoyuan")
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .result"))
    browser.get((site / "zh" / "index.html").as_uri())
    assert visible(browser, "offline-disk")


def test_every_link_of_the_unzipped_copy_opens_a_file_it_contains(built_site):
    import posixpath
    import re
    from urllib.parse import unquote, urlsplit

    archive = next((built_site / "download").glob("*.zip"))
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        pages = [n for n in names if n.endswith(".html")]
        missing, links = {}, 0
        for name in pages:
            html = z.read(name).decode("utf-8")
            for target in re.findall(r'(?:href|src)="([^"]+)"', html):
                parts = urlsplit(target)
                if parts.scheme or target.startswith(("#", "//", "mailto:")):
                    continue
                path = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
                links += 1
                if path not in names and posixpath.join(path, "index.html") not in names:
                    missing.setdefault(name, set()).add(target)
    assert len(pages) > 500 and links > 10_000
    assert not missing, {page: sorted(found)[:3] for page, found in list(missing.items())[:5]}


def test_sheets_for_every_section_with_a_qr_code_that_decodes(browser, built_site, tmp_path):
    for lang in ("zh", "mn"):
        for ident in SECTIONS:
            assert (built_site / lang / "sheets" / ident / "index.html").exists(), (lang, ident)
    # The build's default address points at this machine, and the page says so.
    page = built_site / "zh" / "sheets" / "c4s1" / "index.html"
    assert "--site-url" in page.read_text(encoding="utf-8")
    assert decode(browser, page.as_uri(), ".sheet-zh svg") == "http://127.0.0.1:5000/zh/4/#c4s1"
    # With the public address set, both codes open the section on the public site.
    app = create_app({"SITE_URL": "https://plan.example.gov.cn/plan", "RELATIVE_URLS": False})
    html = app.test_client().get("/mn/sheets/c7s3/").get_data(as_text=True)
    assert "--site-url" not in html
    copy = tmp_path / "sheet.html"
    copy.write_text(html.replace('href="/static/', f'href="{(PROJECT_ROOT / "static").as_uri()}/'), encoding="utf-8")
    assert decode(browser, copy.as_uri(), ".sheet-mn svg") == "https://plan.example.gov.cn/plan/mn/7/#c7s3"
    assert decode(browser, copy.as_uri(), ".sheet-zh svg") == "https://plan.example.gov.cn/plan/zh/7/#c7s3"


def decode(browser, url: str, selector: str) -> str:
    browser.get(url)
    code = browser.find_element(By.CSS_SELECTOR, selector)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", code)
    # Crop the code out of the visible screen (element screenshots misplace the region inside
    # a sideways-scrolling vertical block).
    x, y, w, h, scale = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height, devicePixelRatio]", code
    )
    screen = Image.open(io.BytesIO(browser.get_screenshot_as_png()))
    pad = 8
    image = screen.crop(
        (int((x - pad) * scale), int((y - pad) * scale), int((x + w + pad) * scale), int((y + h + pad) * scale))
    )
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, f"no QR code read in {selector}"
    return found[0].text


def test_print_hides_navigation_and_sets_mongolian_in_vertical_columns(browser, built_site):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        browser.get((built_site / "zh" / "12" / "index.html").as_uri())

        def style(css, prop):
            return browser.execute_script(f"return getComputedStyle(document.querySelector('{css}')).{prop}")

        assert style(".site-header", "display") == "none" and style(".breadcrumb", "display") == "none"
        assert style(".site-footer", "display") == "none"
        assert style(".pid", "display") != "none" and float(style(".pid", "fontSize")[:-2]) < 11
        browser.get((built_site / "mn" / "12" / "index.html").as_uri())
        assert style("html", "writingMode") == "vertical-lr" and style("html", "page") == "vertical"
        assert style("html", "overflowY") == "visible"  # every column prints, none is cut off
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_larger_text_and_contrast_are_remembered_and_keep_vertical_layout(browser, built_site):
    page = (built_site / "mn" / "4" / "index.html").as_uri()
    browser.get(page)
    try:
        base_size = browser.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
        browser.find_element(By.ID, "display-toggle").click()
        wait(browser, lambda b: visible(b, "text-larger"))
        browser.find_element(By.ID, "text-larger").click()
        browser.find_element(By.ID, "text-larger").send_keys(Keys.ENTER)  # works from the keyboard too
        browser.find_element(By.ID, "contrast-toggle").click()
        assert browser.find_element(By.ID, "contrast-toggle").get_attribute("aria-pressed") == "true"
        browser.get(page)  # remembered on this device
        classes = browser.execute_script("return document.documentElement.className")
        assert "text-2" in classes and "contrast" in classes and "vertical" in classes
        size = browser.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
        assert size == pytest.approx(base_size * 1.25)
        # Still one row of columns scrolling sideways: nothing spills below the screen.
        assert browser.execute_script("return document.documentElement.scrollHeight <= window.innerHeight + 1")
        assert browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
    finally:
        browser.execute_script("localStorage.clear()")


STUB_SPEECH = """
window.__spoken = [];
const voice = {name: 'Test Chinese', lang: 'zh-CN', localService: true, default: true, voiceURI: 'test'};
const synth = {getVoices: () => VOICES, speak: u => window.__spoken.push([u.text, u.lang]), cancel: () => {},
               addEventListener: () => {}, speaking: false};
Object.defineProperty(window, 'speechSynthesis', {value: synth});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


@pytest.mark.parametrize("voices", ["[voice]", "[]"])
def test_listen_only_where_a_chinese_voice_exists(browser, built_site, voices):
    script = browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": STUB_SPEECH.replace("VOICES", voices)}
    )
    try:
        browser.get((built_site / "zh" / "12" / "index.html").as_uri())
        loaded = "return document.querySelector('script[src$=\"/listen.js\"]') !== null"
        WebDriverWait(browser, 5).until(lambda b: b.execute_script(loaded))  # a page with Chinese text
        if voices == "[]":
            time.sleep(0.3)  # listen.js has run and found no voice
            assert not browser.find_elements(By.CSS_SELECTOR, ".listen")  # no control at all
            return
        WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".listen"))
        buttons = browser.find_elements(By.CSS_SELECTOR, ".listen")
        assert len(buttons) == len(browser.find_elements(By.CSS_SELECTOR, ".paragraph[id]"))
        buttons[1].send_keys(Keys.ENTER)
        spoken = browser.execute_script("return window.__spoken")
        assert spoken[0][1] == "zh-CN" and spoken[0][0].startswith("健全规划落实机制")
        assert "c12s1p1" not in spoken[0][0]  # the tools are not read out
        browser.get((built_site / "mn" / "12" / "index.html").as_uri())
        assert not browser.find_elements(By.CSS_SELECTOR, ".listen")
        assert not browser.execute_script(loaded)  # no Chinese paragraph: its code is not even loaded
        assert browser.find_element(By.CSS_SELECTOR, ".listen-note").is_displayed()
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def test_copy_link_from_the_keyboard(browser, live_server):
    browser.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": live_server, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    browser.get(live_server + "/zh/4/")
    button = browser.find_element(By.CSS_SELECTOR, "#c4s1p3 .copy-link")
    button.send_keys(Keys.ENTER)
    wait(browser, lambda b: button.text == "链接已复制")
    copied = browser.execute_async_script("navigator.clipboard.readText().then(arguments[0], () => arguments[0](null))")
    assert copied == live_server + "/zh/4/#c4s1p3"


def test_an_updated_site_replaces_the_kept_copy_when_online(browser, built_site, tmp_path):
    """Keep the site, publish a changed chapter, open a page online: the kept copy follows."""
    import hashlib
    import shutil

    from conftest import serve_folder

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    base, stop = serve_folder(site)
    try:
        keep_offline(browser, base)
        # A new build changes chapter 5; its list says so with a new hash.
        page = site / "zh" / "5" / "index.html"
        page.write_text(page.read_text(encoding="utf-8").replace("</h1>", " (2024)</h1>", 1), encoding="utf-8")
        listing_path = site / "offline" / "zh.json"
        listing = json.loads(listing_path.read_text(encoding="utf-8"))
        entry = next(f for f in listing["files"] if f["url"] == "zh/5/index.html")
        body = page.read_bytes()
        entry.update(bytes=len(body), hash=hashlib.sha256(body).hexdigest()[:12])
        listing["version"] = "changed"
        listing_path.write_text(json.dumps(listing), encoding="utf-8")
        browser.get(base + "zh/index.html")  # online again: the home page asks for an update
        kept = (
            "const done = arguments[1]; caches.open('portal-offline-zh').then(c => c.match(arguments[0]))"
            ".then(r => r ? r.text() : '').then(t => done(t.includes('(2024)')))"
        )
        wait(browser, lambda b: b.execute_async_script(kept, base + "zh/5/index.html"), 60)
    finally:
        stop()
    browser.get(base + "zh/5/index.html")  # offline now
    assert browser.find_element(By.TAG_NAME, "h1").text.endswith("(2024)")
