"""`content/synonyms.yaml`: groups of Chinese forms that a search treats as one."""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, ContentErrors
from .yamlfile import read_yaml


def load_synonyms(content_dir: Path | str) -> tuple[tuple[str, ...], ...]:
    path = Path(content_dir) / "synonyms.yaml"
    if not path.exists():
        return ()
    parsed = read_yaml(path)
    groups = parsed.data or []
    if not isinstance(groups, list):
        raise ContentErrors([ContentError(path, 1, "must be a list of groups like [低保, 最低生活保障]")])
    errors, seen, result = [], {}, []
    for group, line in zip(groups, parsed.item_lines(), strict=False):
        if (
            not isinstance(group, list)
            or len(group) < 2
            or not all(isinstance(f, str | int) and str(f).strip() for f in group)
        ):
            errors.append(ContentError(path, line, "a group must list at least two forms"))
            continue
        forms = tuple(str(f).strip() for f in group)
        for form in forms:
            if form in seen:
                errors.append(ContentError(path, line, f"{form!r} is already in the group on line {seen[form]}"))
            seen.setdefault(form, line)
        result.append(forms)
    if errors:
        raise ContentErrors(errors)
    return tuple(result)
