"""What `portal check` and `portal build` tell staff: one verdict for the same finding in both,
an id hint that names the id to use, and a public address that is checked, not assumed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from portal.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def warnings_and_problems(output: str) -> tuple[set[str], set[str]]:
    """The `warning:` lines and the `file:line: code …` problem lines of a command's output."""
    lines = output.splitlines()
    warnings = {line.removeprefix("warning: ") for line in lines if line.startswith("warning: ")}
    problems = {line for line in lines if re.match(r"\S+\.(md|yaml):\d+: ", line)}
    return {w for w in warnings if "public address" not in w}, problems


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "small", folder)  # its c1s1p2 translation is stale, c1s2p1 untranslated
    return folder


def test_a_stale_or_untranslated_paragraph_is_a_warning_in_check_and_in_build(content, tmp_path):
    checked = run("check", "--content", str(content))
    built = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "--site-url", "https://a.example")
    assert checked.exit_code == 0 and built.exit_code == 0, checked.output + built.output
    check_warnings, _ = warnings_and_problems(checked.output)
    build_warnings, _ = warnings_and_problems(built.output)
    assert any(" stale " in w and "c1s1p2" in w for w in check_warnings), checked.output
    assert any(" untranslated " in w for w in check_warnings), checked.output
    assert check_warnings == build_warnings
    strict = run("check", "--strict", "--content", str(content))
    assert strict.exit_code == 1 and "c1s1p2" in strict.output


def test_a_problem_stops_check_and_build_with_the_same_lines(content, tmp_path):
    chapter = content / "zh" / "01.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace("本章介绍草原保护。", "见[上文](#c9s9p9)。"), "utf-8"
    )
    checked = run("check", "--content", str(content))
    built = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "--site-url", "https://a.example")
    assert checked.exit_code == 1 and built.exit_code == 1
    _, check_problems = warnings_and_problems(checked.output)
    _, build_problems = warnings_and_problems(built.output)
    assert check_problems and check_problems == build_problems
    assert not (tmp_path / "out").exists()


def add_unnumbered(content: Path, after: str, text: str) -> None:
    chapter = content / "zh" / "01.md"
    source = chapter.read_text(encoding="utf-8")
    assert f"{{: #{after} }}\n" in source
    chapter.write_text(source.replace(f"{{: #{after} }}\n", f"{{: #{after} }}\n\n{text}\n", 1), "utf-8")


def hints(output: str) -> list[str]:
    return re.findall(r"end it with the line \{: #(\S+) \}", output)


def test_a_paragraph_without_an_id_is_told_the_next_free_id_of_its_section(content):
    add_unnumbered(content, "c1s1p1", "第一个没有编号的段落。")  # c1s1p2 follows further down
    add_unnumbered(content, "c1s2p1", "第二节的新段落。")
    add_unnumbered(content, "c1s2p1", "第二节的另一段。")
    result = run("check", "--content", str(content))
    assert result.exit_code == 1
    assert sorted(hints(result.output)) == ["c1s1p3", "c1s2p2", "c1s2p3"], result.output
    assert "c4s1p3" not in result.output


def test_the_id_hint_skips_ids_that_a_recorded_edition_used(content):
    recorded = content / "editions" / "2021" / "zh"
    recorded.mkdir(parents=True)
    (recorded / "01.md").write_text("旧段落。\n{: #c1s1p3 }\n\n又一段。\n{: #c1s1p4 }\n", encoding="utf-8")
    add_unnumbered(content, "c1s1p2", "新段落。")
    (hint,) = hints(run("check", "--content", str(content)).output)
    assert hint == "c1s1p5"


@pytest.mark.parametrize("url", ["not a url", "ftp://plan.example.org", "https://", "https://a.example/x?y=1", "//a"])
def test_a_site_url_that_is_not_a_web_address_is_refused(url, content, tmp_path):
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "--site-url", url)
    assert result.exit_code == 2 and "--site-url" in result.output, result.output
    assert "web address" in result.output or "plain address" in result.output, result.output
    assert not (tmp_path / "out").exists()


def test_a_build_without_a_public_address_says_where_its_links_point(content, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no portal.toml here or above
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "warning: no public address given" in result.output and "http://127.0.0.1:5000" in result.output
    given = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "--site-url", "https://a.example")
    assert "no public address" not in given.output


@pytest.mark.parametrize(
    "toml, line, words",
    [
        ('content = "content"\nsite_url = "plan.example.org"\n', 2, "site_url must be a web address"),
        ('content = "content"\n\nsite_url = \n', 3, "not valid TOML"),
        ('content = "content"\nsite-url = "https://a.example"\n', 2, "unknown setting 'site-url'"),
        ("out = 5\n", 1, "out must be text in quotes"),
    ],
)
def test_a_broken_portal_toml_is_named_with_its_line(toml, line, words, content, tmp_path, monkeypatch):
    (tmp_path / "portal.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for command in (["build"], ["check"]):
        result = run(*command)
        assert result.exit_code == 1, result.output
        assert f"portal.toml:{line}: settings " in result.output and words in result.output, result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "mistake",
    [
        ("chapter: 1\n", "chapter: six\n"),  # a word for a number
        ("---\nchapter", "--\nchapter"),  # a short fence
        ("title: 草原保护\n", "title: [草原保护\n"),  # broken YAML
    ],
)
def test_one_front_matter_mistake_is_one_problem(mistake, content):
    chapter = content / "zh" / "01.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(*mistake, 1), encoding="utf-8")
    result = run("check", "--content", str(content))
    problems = [line for line in result.output.splitlines() if re.match(r"\S+\.md:\d+: ", line)]
    assert result.exit_code == 1 and len(problems) == 1, result.output
    assert "c-1" not in result.output and "out of order" not in result.output


def test_installing_the_package_prints_no_packaging_warnings(tmp_path):
    import subprocess
    import sys

    from portal import PROJECT_ROOT

    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(tmp_path), "."],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    said = built.stdout + built.stderr
    assert "is absent from the `packages` configuration" not in said
    assert "SetuptoolsDeprecationWarning" not in said
    wheel = next(tmp_path.glob("*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "portal/templates/base.html" in names and "portal/web/pages/offline.py" in names
