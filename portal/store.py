"""The plans the live app serves, one per language, reloaded when a content file changes.

Staff edit Markdown while `portal serve` runs and expect a page reload to show the edit.
If an edit breaks a file, the last good plan keeps being served and the error is logged
with its file and line, so the site never falls over mid-edit.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .errors import ContentErrors
from .loader import load_plans
from .model import Plan

log = logging.getLogger(__name__)


class PlanStore:
    def __init__(self, content_dir: Path):
        self.content_dir = Path(content_dir)
        self._plans: dict[str, Plan] = {}
        self._stamp: tuple = ()
        self.reload(strict=True)

    def _current_stamp(self) -> tuple:
        files = sorted(self.content_dir.glob("*/*.md"))
        return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)

    def reload(self, strict: bool = False) -> None:
        stamp = self._current_stamp()
        try:
            plans = load_plans(self.content_dir)
        except ContentErrors as exc:
            if strict:
                raise
            log.error("content has errors; still serving the last good version:\n%s", exc)
        else:
            self._plans = plans
        self._stamp = stamp

    def plans(self) -> dict[str, Plan]:
        if self._current_stamp() != self._stamp:
            self.reload()
        return self._plans
