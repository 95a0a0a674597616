"""The one error type for bad content, shared by the loader, importer, `portal check` and `portal build`.

Like Jinja's TemplateSyntaxError it carries its location, so every consumer prints the same
`file:line: code [id] message` line and staff can jump straight to the problem.
"""

from __future__ import annotations

from pathlib import Path


class ContentError(Exception):
    def __init__(
        self, path: Path | str, line: int | None, message: str, paragraph_id: str | None = None, code: str | None = None
    ):
        self.path = Path(path)
        self.line = line
        self.message = message
        self.paragraph_id = paragraph_id
        self._code = code
        super().__init__(str(self))

    @property
    def code(self) -> str:
        """What kind of problem: a word staff can search the guide for (docs/publishing.md).
        Checks name it; otherwise it follows from the file the problem is in."""
        if self._code:
            return self._code
        if "editions" in self.path.parts:
            return "edition"
        if "updates" in self.path.parts:
            return "notice"
        return {
            "glossary.yaml": "glossary",
            "places.yaml": "glossary",
            "figures.yaml": "figures",
            "synonyms.yaml": "synonyms",
        }.get(self.path.name, "structure")

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        about = f" [{self.paragraph_id}]" if self.paragraph_id else ""
        return f"{where}: {self.code}{about} {self.message}"


class ContentErrors(Exception):
    """Every problem found in one pass, so staff fix them all at once rather than one per run."""

    def __init__(self, errors: list[ContentError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


class BuildError(Exception):
    """A build that could not be made (a failing page, a full disk, another build running);
    the previous build is then untouched. Here rather than in portal.site.build so that the
    command can name it without loading Flask."""
