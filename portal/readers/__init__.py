"""The only code that opens content/: chapters, glossary and places, key figures, editions,
update notices and synonyms, each read by its own module into the model.

Every problem is a ContentError with its file and line, and a load reports all of them at
once. `ContentFolder` is one content folder as the live app and the build see it: it loads
the whole `Content`, tells when files changed, and keeps what is worth keeping between loads
(rendered paragraphs, the parsed glossary), so `portal serve` shows an edit quickly.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model.content import Content
from ..model.glossary import Glossary
from ..model.languages import SOURCE_LANG
from ..text.markdown import InlineRenderer
from .chapters import ATTRS_RE, available_languages, format_attrs, load_plan, load_plans, parse_attrs, parse_chapter
from .editions import load_editions
from .explainers import load_explainers
from .figures import load_figures
from .files import editor_files
from .glossary import GLOSSARY_FILES, load_glossary
from .notices import load_notices
from .orthography import load_orthography, mongolian_lines
from .progress import load_progress
from .statements import load_statements
from .synonyms import load_colloquial, load_synonyms

__all__ = [
    "ATTRS_RE",
    "ContentFolder",
    "available_languages",
    "format_attrs",
    "load_content",
    "load_editions",
    "load_explainers",
    "load_figures",
    "load_glossary",
    "load_notices",
    "load_plan",
    "load_plans",
    "load_progress",
    "load_statements",
    "load_synonyms",
    "parse_attrs",
    "parse_chapter",
]


class ContentFolder:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.renderer = InlineRenderer()
        self._glossary: tuple[tuple, Glossary] | None = None  # by the hashes of its files

    def files(self) -> list[Path]:
        """Every file a load reads."""
        root = self.path
        found = [
            *root.glob("*/*.md"),
            *root.glob("*.yaml"),  # glossary, places, figures, synonyms, colloquial
            *root.glob("editions/*/*.yaml"),
            *root.glob("progress/*.yaml"),
            *root.glob("explainers/*/*.md"),
            *root.glob("editions/*/*/*.md"),
        ]
        return sorted(found)

    def version(self) -> tuple:
        """Changes whenever a content file is added, removed or edited. A link to nowhere has
        no time stamp of its own file; its link's stands in (the load reports it)."""
        stamps = []
        for f in self.files():
            try:
                info = f.stat()
            except OSError:
                info = f.lstat()
            stamps.append((str(f), info.st_mtime_ns, info.st_size))
        return tuple(stamps)

    def glossary(self) -> Glossary:
        """The glossary, parsed again only when one of its files changed: parsing its YAML is
        the slowest part of a reload. A broken file raises every time and is never kept."""
        paths = [self.path / name for name in GLOSSARY_FILES]
        key = tuple(hashlib.sha256(path.read_bytes()).digest() if path.exists() else None for path in paths)
        if self._glossary is None or self._glossary[0] != key:
            self._glossary = (key, load_glossary(self.path))
        return self._glossary[1]

    def load(self) -> Content:
        """Everything in the folder. Raises ContentErrors listing every problem found."""
        plans = load_plans(self.path, self.renderer)
        figures = load_figures(self.path, plans[SOURCE_LANG])
        glossary = self.glossary()
        return Content(
            plans,
            load_synonyms(self.path),
            glossary,
            figures,
            load_editions(self.path, plans, self.renderer),
            load_notices(self.path, self.renderer),
            editor_files(self.path),
            load_colloquial(self.path),
            load_orthography(self.path),
            mongolian_lines(self.path),
            load_progress(self.path, figures),
            load_statements(self.path, self.renderer),
            load_explainers(self.path, plans, glossary, self.renderer),
        )


def load_content(content_dir: Path | str) -> Content:
    """Everything in a content folder, read once."""
    return ContentFolder(content_dir).load()
