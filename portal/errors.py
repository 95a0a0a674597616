"""The one error type for bad content, shared by the loader, importer, `portal check` and `portal build`.

Like Jinja's TemplateSyntaxError it carries its location, so every consumer prints the same
`file:line: [id] message` line and staff can jump straight to the problem.
"""

from __future__ import annotations

from pathlib import Path


class ContentError(Exception):
    def __init__(self, path: Path | str, line: int | None, message: str, paragraph_id: str | None = None):
        self.path = Path(path)
        self.line = line
        self.message = message
        self.paragraph_id = paragraph_id
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        about = f" [{self.paragraph_id}]" if self.paragraph_id else ""
        return f"{where}:{about} {self.message}"


class ContentErrors(Exception):
    """Every problem found in one pass, so staff fix them all at once rather than one per run."""

    def __init__(self, errors: list[ContentError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
