"""The `portal` command: exit codes and messages staff will see."""

from __future__ import annotations

import re

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


def test_there_is_a_fixture_for_every_kind_of_malformed_content():
    assert len(MALFORMED) >= 15


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("published") / "build"
    assert CliRunner().invoke(main, ["build", "--out", str(out), "--content", str(FIXTURES / "small")]).exit_code == 0
    return out, {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_content_is_refused_by_check_and_build_with_file_and_line(case, good_build):
    folder = FIXTURES / "malformed" / case
    checked = CliRunner().invoke(main, ["check", "--content", str(folder), "--allow-missing"])
    assert checked.exit_code == 1 and re.search(r"01\.md:\d+:", checked.output), checked.output
    out, before = good_build
    built = CliRunner().invoke(main, ["build", "--out", str(out), "--content", str(folder)])
    assert built.exit_code == 1 and re.search(r"01\.md:\d+:", built.output) and "Traceback" not in built.output
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
