"""Malformed and hostile content, one case per folder of tests/fixtures/hostile/.

Each case is the small fixture content with the files of `<case>/content/` laid over it (and
the files named in `<case>/remove` deleted). `<case>/expect` gives the exit status of
`portal check` and `portal build`, then patterns that their output must contain (or, after
`!`, must not contain). For every case: no traceback; a refused build leaves the previous
build byte for byte as it was; and the live server keeps answering, never with a 500.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from portal import create_app
from portal.cli import main
from portal.text.markdown import InlineRenderer, is_safe_url

HOSTILE = FIXTURES / "hostile"
CASES = sorted(p.name for p in HOSTILE.iterdir() if p.is_dir())
LIVE_PAGES = ["/zh/", "/mn/", "/zh/1/", "/mn/1/", "/zh/1/parallel/", "/zh/search/?q=禁牧", "/api/search?q=caoyuan"]


def clean_copy(content: Path) -> None:
    """The small fixture, with its one stale translation stamped, so that check passes on it."""
    from portal.model.translation import fingerprint
    from portal.readers import load_plan

    shutil.copytree(FIXTURES / "small", content)
    source = next(p for p in load_plan(content, "zh").paragraphs if p.id == "c1s1p2")
    chapter = content / "mn" / "01.md"
    stamped = chapter.read_text(encoding="utf-8").replace("source=0000000000", f"source={fingerprint(source.text)}")
    chapter.write_text(stamped, encoding="utf-8")


def lay_over(content: Path, case: str) -> None:
    if (HOSTILE / case / "content").exists():
        shutil.copytree(HOSTILE / case / "content", content, symlinks=True, dirs_exist_ok=True)
    remove = HOSTILE / case / "remove"
    for name in remove.read_text(encoding="utf-8").split() if remove.exists() else []:
        (content / name).unlink()


def expectations(case: str) -> tuple[int, list[str], list[str]]:
    lines = (HOSTILE / case / "expect").read_text(encoding="utf-8").splitlines()
    status = int(lines[0].removeprefix("exit "))
    return status, [p for p in lines[1:] if not p.startswith("!")], [p[1:] for p in lines[1:] if p.startswith("!")]


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def assert_output(output: str, wanted: list[str], unwanted: list[str]) -> None:
    assert "Traceback" not in output, output
    for pattern in wanted:
        assert re.search(pattern, output), f"{pattern!r} not in:\n{output}"
    for pattern in unwanted:
        assert not re.search(pattern, output), f"{pattern!r} in:\n{output}"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("published") / "build"
    assert CliRunner().invoke(main, ["build", "--out", str(out), "--content", str(FIXTURES / "small")]).exit_code == 0
    return out, tree(out)


def test_the_clean_copy_passes_check(tmp_path):
    clean_copy(tmp_path / "content")
    checked = CliRunner().invoke(main, ["check", "--content", str(tmp_path / "content"), "--allow-missing"])
    assert checked.exit_code == 0, checked.output


def test_there_are_sixty_cases_with_their_expectations():
    assert len(CASES) + len(list((FIXTURES / "malformed").iterdir())) >= 60
    for case in CASES:
        status, wanted, _ = expectations(case)
        assert status in (0, 1) and (status == 0 or wanted), case  # a refusal names what it refuses


@pytest.mark.parametrize("case", CASES)
def test_check_and_build_answer_with_file_and_line_and_keep_the_published_build(case, tmp_path, published):
    content = tmp_path / "content"
    clean_copy(content)
    lay_over(content, case)
    status, wanted, unwanted = expectations(case)
    checked = CliRunner().invoke(main, ["check", "--content", str(content), "--allow-missing"])
    assert checked.exit_code == status, checked.output
    assert_output(checked.output, wanted, unwanted)
    out, before = published
    if status:
        built = CliRunner().invoke(main, ["build", "--out", str(out), "--content", str(content)])
        assert built.exit_code == 1, built.output
        assert_output(built.output, wanted, unwanted)
        assert tree(out) == before, "the published build changed"
    else:
        out = tmp_path / "build"
        built = CliRunner().invoke(main, ["build", "--out", str(out), "--content", str(content)])
        assert built.exit_code == 0, built.output
        pages = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
        assert not re.search(r"(href|src)=\"\s*(javascript|data|vbscript|file):", pages, re.I)


@pytest.mark.parametrize("case", CASES)
def test_the_live_server_keeps_serving_when_content_turns_bad(case, tmp_path):
    content = tmp_path / "content"
    clean_copy(content)
    app = create_app({"CONTENT_DIR": str(content)})
    client = app.test_client()
    good = client.get("/zh/1/").get_data(as_text=True)
    time.sleep(0.01)
    lay_over(content, case)
    for path in content.rglob("*"):  # a new time stamp on every file, so the server notices
        if path.is_file() and not path.is_symlink():
            os.utime(path)
    for page in LIVE_PAGES:
        response = client.get(page)
        assert response.status_code < 500, (page, response.status_code)
    status, _, _ = expectations(case)
    if status:  # refused content is not served: the last good text stays
        assert client.get("/zh/1/").get_data(as_text=True) == good


SCHEMES = st.sampled_from(
    ["javascript", "JavaScript", "data", "vbscript", "file", "jar", "java\tscript", " javascript"]
)
ENCODINGS = st.sampled_from(["plain", "decimal", "hex", "padded"])


def encode(text: str, how: str) -> str:
    if how == "plain":
        return text
    if how == "decimal":
        return "".join(f"&#{ord(c)};" for c in text)
    if how == "hex":
        return "".join(f"&#x{ord(c):x};" for c in text)
    return "".join(f"&#{ord(c):07d};" for c in text)


@settings(max_examples=300, deadline=None)
@given(
    scheme=SCHEMES,
    how=ENCODINGS,
    rest=st.text(alphabet="abc():/,;=+%x1", max_size=20),
    form=st.sampled_from(["inline", "reference", "image", "angle"]),
)
def test_no_markdown_form_publishes_a_script_link(scheme, how, rest, form):
    url = encode(scheme, how) + ":" + rest
    source = {
        "inline": f"[a]({url})",
        "reference": f"[a][r]\n[r]: {url}",
        "image": f"![a]({url})",
        "angle": f"[a](<{url}>)",
    }[form]
    renderer = InlineRenderer()
    html, _ = renderer.render(source)
    for target in re.findall(r'(?:href|src)="([^"]*)"', html):
        assert is_safe_url(target), (source, html)
    if re.search(r"(?:href|src)=", html) is None and "[" not in html:
        assert renderer.refused(source), (source, html)  # turned into text, and said so


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_text_renders_without_an_unsafe_link(text):
    html, _ = InlineRenderer().render(text)
    for target in re.findall(r'(?:href|src)="([^"]*)"', html):
        assert is_safe_url(target), (text, html)
