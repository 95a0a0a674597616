"""The `portal` command: exit codes and messages staff will see."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from portal.cli import main


def test_check_passes_on_the_committed_content_apart_from_untranslated_text():
    result = CliRunner().invoke(main, ["check", "--allow-missing"])
    assert result.exit_code == 0, result.output
    assert "content OK" in result.output


def test_check_reports_file_and_line_and_fails():
    result = CliRunner().invoke(main, ["check", "--content", str(FIXTURES / "malformed" / "heading-out-of-order")])
    assert result.exit_code == 1
    assert "01.md:13:" in result.output and "heading out of order" in result.output
    assert "Traceback" not in result.output


def test_build_reports_content_errors_without_traceback(tmp_path):
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["build", "--out", str(out), "--content", str(FIXTURES / "malformed" / "paragraph-without-id")]
    )
    assert result.exit_code == 1
    assert "01.md:11:" in result.output and "nothing was changed" in result.output
    assert not out.exists()


def test_build_and_import_commands(tmp_path, seed_path):
    content = tmp_path / "content"
    result = CliRunner().invoke(main, ["import-text", str(seed_path), "--content", str(content)])
    assert result.exit_code == 0 and "wrote 13 chapter files" in result.output
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "site"), "--content", str(content)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "zh" / "12" / "index.html").is_file()


MALFORMED = sorted(p.name for p in (FIXTURES / "malformed").iterdir())


# Each malformed fixture, the file and line that check and build must name, and the words that
# tell staff what is wrong there: written out, so that a wrong line or a vaguer message fails.
EXPECTED = {
    "bad-edition": ("zh/01.md", 4, "edition must start with a year, like '2022', not 'latest'"),
    "bad-paragraph-id": ("zh/01.md", 9, "'paragraph-one' is not a paragraph id like c1s1p1"),
    "bad-yaml": ("zh/01.md", 3, "front matter is not valid YAML"),
    "duplicate-id": ("zh/01.md", 12, "[c1s0p1] duplicate paragraph id (first used on line 8)"),
    "file-name-mismatch": ("zh/01.md", 2, "does not match chapter 2 (expected 02.md)"),
    "foreign-id": ("zh/01.md", 9, "[c2s0p1] paragraph id belongs to chapter 2, not chapter 1"),
    "heading-level": ("zh/01.md", 10, "heading level 3 is out of order"),
    "heading-out-of-order": ("zh/01.md", 13, "expected section c1s2, found c1s3"),
    "heading-without-id": ("zh/01.md", 8, "section heading has no id: end it with {: #c1s1 }"),
    "invalid-field": ("zh/01.md", 2, "field 'chapter' must be a whole number, like 4, not 'one'"),
    "missing-field": ("zh/01.md", 5, "front matter lacks the field 'title'"),
    "mongolian-bad-status": ("mn/01.md", 9, "status must be one of draft, reviewed, not 'approved'"),
    "mongolian-private-use": ("mn/01.md", 8, "U+E2A3 at position 5 is a legacy glyph code"),
    "no-front-matter": ("zh/01.md", 1, "missing front matter"),
    "not-utf8": ("zh/01.md", 3, "file is not valid UTF-8 (byte 22)"),
    "paragraph-without-id": ("zh/01.md", 11, "paragraph without an id: end it with the line {: #c1s0p2 }"),
    "unclosed-front-matter": ("zh/01.md", 1, "front matter is not closed by a '---' line"),
    "unknown-field": ("zh/01.md", 6, "unknown front matter field 'author'"),
    "wrong-lang": ("zh/01.md", 5, "lang is 'mn' but the file is in content/zh/"),
}


def test_every_malformed_fixture_has_its_expected_message():
    assert sorted(EXPECTED) == MALFORMED


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("published") / "build"
    assert CliRunner().invoke(main, ["build", "--out", str(out), "--content", str(FIXTURES / "small")]).exit_code == 0
    return out, {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_content_is_refused_by_check_and_build_with_file_and_line(case, good_build):
    folder = FIXTURES / "malformed" / case
    name, line, words = EXPECTED[case]
    expected = f"{folder / name}:{line}: structure "
    checked = CliRunner().invoke(main, ["check", "--content", str(folder)])
    first = next((row for row in checked.output.splitlines() if row.startswith(expected)), "")
    assert checked.exit_code == 1 and words in first, checked.output
    out, before = good_build
    built = CliRunner().invoke(main, ["build", "--out", str(out), "--content", str(folder)])
    assert built.exit_code == 1 and f"{expected}" in built.output and words in built.output, built.output
    assert "Traceback" not in built.output
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before, (
        "the published build changed"
    )


def test_commands_use_the_content_and_out_of_portal_toml_and_say_so(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(FIXTURES / "small", tmp_path / "plan-copy")
    (tmp_path / "portal.toml").write_text(
        'content = "plan-copy"\nout = "public"\nsite_url = "https://plan.example.org"\n', encoding="utf-8"
    )
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")  # a sub-folder: portal.toml is found in a parent
    checked = CliRunner().invoke(main, ["check", "--allow-missing"])
    assert checked.output.splitlines()[0] == f"content: {(tmp_path / 'plan-copy').resolve()}", checked.output
    built = CliRunner().invoke(main, ["build"])
    assert built.exit_code == 0, built.output
    assert "https://plan.example.org/zh/" in (tmp_path / "public" / "sitemap.xml").read_text(encoding="utf-8")
    assert not (tmp_path / "work" / "build").exists()
    # --content wins over portal.toml
    given = CliRunner().invoke(main, ["check", "--allow-missing", "--content", str(FIXTURES / "small")])
    assert given.output.splitlines()[0] == f"content: {FIXTURES / 'small'}"
