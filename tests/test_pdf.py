"""The whole plan as a PDF per language, printed by headless Chromium: `portal pdf`, and
`portal build --pdf` with its link on the home page. Read back with pypdf: page sizes, the
text, the paragraph numbers."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from portal import PROJECT_ROOT
from portal.cli import main
from portal.text.mongolian import MONGOLIAN_LETTERS

FIXTURES = Path(__file__).parent / "fixtures"
A4 = (595, 842)  # points, rounded

pytestmark = pytest.mark.skipif(
    not any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")),
    reason="Chromium is not installed (apt-get install chromium): the PDF tests did not run",
)


def text_of(reader: PdfReader) -> str:
    # Noto CJK's PDF text maps some characters to their Kangxi radical forms; NFKC folds them back
    return unicodedata.normalize("NFKC", "".join(page.extract_text() for page in reader.pages))


def size_of(page) -> tuple[int, int]:
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    result = CliRunner().invoke(main, ["pdf", "-o", str(folder), "--content", str(PROJECT_ROOT / "content")])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "plan-zh.pdf" in result.output and "plan-mn.pdf" in result.output
    return folder


def test_the_chinese_plan_prints_on_a4_pages_with_every_chapter(printed):
    reader = PdfReader(printed / "plan-zh.pdf")
    assert all(size_of(page) == A4 for page in reader.pages)
    text = "".join(text_of(reader).split())  # the PDF's text has line breaks and spaces of its own
    chapters = sorted((PROJECT_ROOT / "content" / "zh").glob("*.md"))
    assert len(reader.pages) > len(chapters)  # each chapter starts a page, after the cover
    for words in ("第十四个五年规划和2035年远景目标纲要", "第十二章", "c6s1p3", "禁牧休牧"):
        assert words in text, words


def test_the_mongolian_plan_prints_in_vertical_columns_on_landscape_pages(printed):
    reader = PdfReader(printed / "plan-mn.pdf")
    assert all(size_of(page) == A4[::-1] for page in reader.pages)  # mongolian.css: A4 landscape
    text = text_of(reader)
    assert len(MONGOLIAN_LETTERS.findall(text)) > 10_000 and "c6s1p3" in text
    assert "ᠣᠷᠴᠢᠭᠤᠯᠭ" in text  # the draft notice and badges print too


def test_build_with_pdf_links_it_from_the_home_page(tmp_path):
    out = tmp_path / "site"
    content = FIXTURES / "small"
    result = CliRunner().invoke(main, ["build", "--pdf", "--content", str(content), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for lang in ("zh", "mn"):
        assert (out / lang / "plan.pdf").read_bytes()[:5] == b"%PDF-"
        assert 'href="plan.pdf"' in (out / lang / "index.html").read_text(encoding="utf-8")
    assert "测试规划纲要" in text_of(PdfReader(out / "zh" / "plan.pdf"))
    # without --pdf: no file and no link
    again = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert not (out / "zh" / "plan.pdf").exists()
    assert 'href="plan.pdf"' not in (out / "zh" / "index.html").read_text(encoding="utf-8")


def test_without_chromium_the_build_fails_and_leaves_the_site(tmp_path, monkeypatch):
    out = tmp_path / "site"
    content = FIXTURES / "small"
    assert CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out)]).exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    monkeypatch.setattr("portal.site.pdf.BROWSERS", ("no-such-browser",))
    result = CliRunner().invoke(main, ["build", "--pdf", "--content", str(content), "--out", str(out)])
    assert result.exit_code == 1 and "a PDF needs Chromium" in result.output and "left as it was" in result.output
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    alone = CliRunner().invoke(main, ["pdf", "-o", str(tmp_path), "--content", str(content)])
    assert alone.exit_code == 1 and "nothing was written" in alone.output and not list(tmp_path.glob("*.pdf"))
