"""The one reader of YAML in content: chapter front matter, notices, glossary, places, key
figures, editions and synonyms all go through `parse_yaml`.

PyYAML's safe loader is not safe enough for files staff and translators edit by hand:
* aliases (`*name`) can multiply a few hundred bytes into gigabytes as soon as code walks the
  values, so any node reached twice is refused;
* a key given twice silently keeps the last value, so it is refused;
* `2026-02-30` would be turned into a date and raise a bare ValueError, so dates stay strings
  and the readers check them where they know the field;
and every problem is a ContentError at the file's own line. The YAML is parsed once: the node
tree gives the lines, and the data is constructed from the same nodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError, ContentErrors
from .files import read_text

#: libyaml's parser when PyYAML has it (the glossary is read on every build and reload).
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _ContentLoader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader without implicit timestamps."""


_ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Yaml:
    """Parsed YAML: the data, and the nodes that know where each value was written."""

    data: Any
    node: yaml.Node | None
    path: Path
    first_line: int = 1  # the file line of the YAML text's first line

    def line(self, node: yaml.Node | None) -> int | None:
        return node.start_mark.line + self.first_line if node is not None else None

    def key_node(self, key: str, node: yaml.Node | None = None) -> yaml.Node | None:
        """The key node of `key` in a mapping node (the document's by default)."""
        node = self.node if node is None else node
        if isinstance(node, yaml.MappingNode):
            return next((k for k, _ in node.value if getattr(k, "value", None) == key), None)
        return None

    def key_line(self, key: str, node: yaml.Node | None = None, default: int | None = 1) -> int | None:
        found = self.key_node(key, node)
        return self.line(found) if found is not None else default

    def value_node(self, key: str, node: yaml.Node | None = None) -> yaml.Node | None:
        node = self.node if node is None else node
        if isinstance(node, yaml.MappingNode):
            return next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        return None

    def items(self, node: yaml.Node | None = None) -> list[yaml.Node]:
        """The item nodes of a sequence node (the document's by default)."""
        node = self.node if node is None else node
        return list(node.value) if isinstance(node, yaml.SequenceNode) else []

    def item_lines(self, key: str | None = None, node: yaml.Node | None = None) -> list[int]:
        """Lines of the items of the list under `key` (or of the node itself)."""
        target = self.value_node(key, node) if key else (self.node if node is None else node)
        return [self.line(item) for item in self.items(target)]


def parse_yaml(text: str, path: Path, first_line: int = 1, what: str = "not valid YAML") -> Yaml:
    """YAML `text` from `path` (starting at `first_line` of the file), or ContentErrors."""
    loader = _ContentLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _refuse_aliases_and_duplicates(node, path, first_line)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        # The context mark points at the construct that is broken (an unclosed '['), the
        # problem mark at where the parser gave up; staff need the first.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark else first_line
        raise ContentErrors([ContentError(path, line, f"{what}: {getattr(exc, 'problem', None) or exc}")]) from None
    finally:
        loader.dispose()
    return Yaml(data, node, path, first_line)


def read_yaml(path: Path) -> Yaml:
    """A whole YAML file."""
    return parse_yaml(read_text(path), path)


def read_yaml_list(path: Path, shape: str) -> list[tuple[object, int]]:
    """A YAML file that holds one list: its items with their lines. A missing or empty file
    is an empty list; anything but a list is an error that shows the expected `shape`."""
    if not path.exists():
        return []
    parsed = read_yaml(path)
    items = parsed.data or []
    if not isinstance(items, list):
        raise ContentErrors([ContentError(path, 1, f"must be a list of {shape}")])
    return list(zip(items, parsed.item_lines(), strict=False))


MAX_DEPTH = 16  # nesting levels; content uses at most four, and Python's recursion ends near 1000


def _refuse_aliases_and_duplicates(root: yaml.Node, path: Path, first_line: int) -> None:
    seen: set[int] = set()
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            line = node.start_mark.line + first_line
            message = f"values are nested more than {MAX_DEPTH} levels deep; content never needs that many"
            raise ContentErrors([ContentError(path, line, message)])
        if id(node) in seen:  # an alias: the same node reached a second time
            line = node.start_mark.line + first_line
            message = "anchors and aliases (&name, *name) are not allowed in content: write the value out"
            raise ContentErrors([ContentError(path, line, message)])
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, value in node.value:
                name = str(getattr(key, "value", ""))
                line = key.start_mark.line + first_line
                if isinstance(key, yaml.ScalarNode) and name in keys:
                    message = f"the key {name!r} is given twice (first on line {keys[name]}); keep one"
                    raise ContentErrors([ContentError(path, line, message)])
                keys.setdefault(name, line)
                stack += [(key, depth + 1), (value, depth + 1)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, depth + 1) for item in node.value]
