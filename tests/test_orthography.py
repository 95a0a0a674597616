"""The Mongolian orthography list (content/mn-orthography.yaml) and its check."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES

from portal import PROJECT_ROOT
from portal.cli import main
from portal.readers.orthography import CATALOG, load_orthography, mongolian_lines

LIST = PROJECT_ROOT / "content" / "mn-orthography.yaml"


def test_every_entry_says_where_its_form_was_confirmed_or_that_it_was_not():
    entries = yaml.safe_load(LIST.read_text(encoding="utf-8"))
    assert len(entries) >= 100
    for entry in entries:
        assert entry["wrong"] != entry["right"]
        assert "http" in entry["source"] or "own rendering" in entry["source"], entry


def test_every_entry_reads_in_latin_as_the_project_transliterates_it():
    """The `latin` field is for reading the list: it must be the transliteration of
    portal/text/mongolian.py, not a spelling of its own."""
    from portal.text.mongolian import to_latin

    for entry in yaml.safe_load(LIST.read_text(encoding="utf-8")):
        assert entry["latin"] == f"{to_latin(entry['wrong'])} → {to_latin(entry['right'])}", entry["wrong"]


def test_the_published_mongolian_has_none_of_the_listed_forms():
    spellings = load_orthography(PROJECT_ROOT / "content")
    lines = mongolian_lines(PROJECT_ROOT / "content")
    assert {line.path for line in lines} >= {CATALOG, PROJECT_ROOT / "content" / "glossary.yaml"}
    left = [(line.path.name, line.line, s.wrong) for line in lines for s in spellings if s.pattern.search(line.text)]
    assert left == []


@pytest.fixture
def content_with_list(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small", content)
    shutil.copy(LIST, content / LIST.name)
    return content


@pytest.mark.parametrize("index", [0, 1, 3])  # a prefix entry (a stem with its endings) and word entries
def test_a_listed_wrong_form_is_reported_with_its_line_and_the_form_to_write(content_with_list, index):
    entry = yaml.safe_load(LIST.read_text(encoding="utf-8"))[index]
    ending = "ᠬᠤ" if entry["match"] == "prefix" else ""
    chapter = content_with_list / "mn" / "01.md"
    lines = chapter.read_text(encoding="utf-8").split("\n")
    target = next(i for i, line in enumerate(lines) if line.startswith("——"))
    lines[target] = lines[target].replace("**", "**" + entry["wrong"] + ending + " ", 1)
    chapter.write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(content_with_list), "--allow-missing"])
    assert result.exit_code == 1
    pattern = rf"mn/01\.md:{target + 1}: orthography write {re.escape(entry['right'])} for {re.escape(entry['wrong'])}"
    assert re.search(pattern, result.output), result.output


def test_a_wrong_form_inside_a_longer_word_is_not_reported(content_with_list):
    entry = next(e for e in yaml.safe_load(LIST.read_text(encoding="utf-8")) if e["match"] == "word")
    chapter = content_with_list / "mn" / "01.md"
    text = chapter.read_text(encoding="utf-8")
    first = text.index("——**") + 4
    chapter.write_text(text[:first] + "ᠠ" + entry["wrong"] + "ᠠ " + text[first:], encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(content_with_list), "--allow-missing"])
    assert "orthography" not in result.output


def test_a_broken_list_is_refused_with_its_line(content_with_list):
    (content_with_list / LIST.name).write_text(
        "- wrong: ᠨᠡᠭᠡᠨ\n  right: ᠨᠡᠭᠡᠭᠡᠨ\n  match: anywhere\n  note: x\n  source: y\n"
    )
    result = CliRunner().invoke(main, ["check", "--content", str(content_with_list), "--allow-missing"])
    assert (
        result.exit_code == 1
        and "mn-orthography.yaml:1: " in result.output
        and "match must be word or prefix" in result.output
    )
