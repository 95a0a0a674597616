"""Properties of the one YAML reader (portal.readers.yamlfile), for any text a staff member or a
translator could type: it answers with data or with ContentErrors that name a line of the
file, and nothing else; it keeps what YAML says (no dates invented, no value lost to a repeated
key); and a reference never makes one value stand for two."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.errors import ContentErrors
from portal.readers.yamlfile import parse_yaml

PATH = Path("content/glossary.yaml")

# Text that looks like YAML: the characters that make its structure, words, and digits.
yaml_like = st.lists(
    st.sampled_from([*"-:[]{}#&*!|>'\"\n ,?%@`\t", "ab", "12", "2026-02-30", "中文", "ᠮᠣᠩᠭᠣᠯ", "\ufeff", "\x00"]),
    max_size=40,
).map("".join)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text("abcdefgh", min_size=1, max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(text=yaml_like, first_line=st.integers(1, 50))
def test_any_text_gives_data_or_problems_at_a_line_of_the_file(text, first_line):
    try:
        parsed = parse_yaml(text, PATH, first_line)
    except ContentErrors as exc:
        lines = text.count("\n") + 1
        for error in exc.errors:
            assert error.path == PATH
            assert isinstance(error.line, int) and first_line <= error.line <= first_line + lines, (text, error.line)
            assert str(error).startswith(f"{PATH}:{error.line}: ")
    else:
        assert parsed.path == PATH


@settings(max_examples=300, deadline=None)
@given(document=documents)
def test_what_yaml_writes_is_read_back_unchanged(document):
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    assert parse_yaml(text, PATH).data == document


@settings(max_examples=200, deadline=None)
@given(day=st.sampled_from(["2026-13-45", "2026-02-30", "2022-01-01", "1999-12-31T23:59:59"]))
def test_dates_stay_text_for_the_readers_to_check(day):
    parsed = parse_yaml(f"date: {day}\nlist:\n- {day}\n", PATH)
    assert parsed.data == {"date": day, "list": [day]}


@settings(max_examples=200, deadline=None)
@given(
    keys=st.lists(st.text("abcdefgh", min_size=1, max_size=4), min_size=2, max_size=6),
    repeat=st.integers(0, 5),
    blank=st.integers(0, 3),
)
def test_a_key_given_twice_is_refused_at_its_second_line(keys, repeat, blank):
    keys = list(dict.fromkeys(keys))
    twice = keys[repeat % len(keys)]
    lines = [f"{key}: {n}" for n, key in enumerate(keys)] + [""] * blank + [f"{twice}: again"]
    try:
        parse_yaml("\n".join(lines) + "\n", PATH)
    except ContentErrors as exc:
        (error,) = exc.errors
        assert error.line == len(lines) and twice in error.message
    else:
        raise AssertionError("a repeated key was accepted")


@settings(max_examples=200, deadline=None)
@given(depth=st.integers(1, 6), uses=st.integers(1, 9))
def test_a_reference_to_an_anchor_is_refused_however_it_is_nested(depth, uses):
    nested = "[" * depth + "x" + "]" * depth
    text = f"base: &b {nested}\n" + "".join(f"use{n}: *b\n" for n in range(uses))
    try:
        parse_yaml(text, PATH)
    except ContentErrors as exc:
        assert exc.errors[0].line == 1 and "anchors and aliases" in exc.errors[0].message
    else:
        raise AssertionError("an alias was accepted")


@settings(max_examples=200, deadline=None)
@given(entries=st.lists(st.integers(0, 3), min_size=1, max_size=8))
def test_each_list_item_knows_its_own_line(entries):
    lines, expected = [], []
    for n, blank in enumerate(entries):
        lines += [""] * blank
        expected.append(len(lines) + 1)
        lines += [f"- id: e{n}", f"  zh: 词{n}"]
    parsed = parse_yaml("\n".join(lines) + "\n", PATH)
    assert parsed.item_lines() == expected
    assert [item["id"] for item in parsed.data] == [f"e{n}" for n in range(len(entries))]
