"""Everything read from content/ at one moment: the plans in every language and what goes
with them. The readers make one; the site, the check and search read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .editions import Editions
from .explainers import Explainers
from .figures import Figures
from .glossary import Glossary
from .notices import Notices
from .orthography import MongolianLine, Spelling
from .plan import Plan
from .progress import Progress
from .statements import Statements


@dataclass(frozen=True)
class EverydayWords:
    """One entry of content/colloquial.yaml: words people say, and the plan's words they mean."""

    say: tuple[str, ...]
    plan: tuple[str, ...]
    path: Path
    line: int


@dataclass(frozen=True, eq=False)
class Content:
    plans: dict[str, Plan]  # language → plan; translations are aligned to the source's structure
    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of Chinese forms that search treats as one
    glossary: Glossary = field(default_factory=Glossary)
    figures: Figures = field(default_factory=Figures)
    editions: Editions = field(default_factory=Editions)
    notices: Notices = field(default_factory=lambda: Notices({}))
    ignored: tuple[Path, ...] = ()  # editor lock, backup and swap files, left out
    colloquial: tuple[EverydayWords, ...] = ()  # everyday words → the plan's words, for search
    orthography: tuple[Spelling, ...] = ()  # Mongolian spellings to write otherwise
    mongolian_lines: tuple[MongolianLine, ...] = ()  # every published line with Mongolian text
    progress: Progress = field(default_factory=Progress)  # recorded values of the targets
    statements: Statements = field(default_factory=lambda: Statements({}))  # about, accessibility
    explainers: Explainers = field(default_factory=lambda: Explainers({}))  # plain-language notes
