"""`content/synonyms.yaml`: groups of Chinese forms that a search treats as one."""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, ContentErrors
from ..model.content import EverydayWords
from .yamlfile import read_yaml_list


def load_synonyms(content_dir: Path | str) -> tuple[tuple[str, ...], ...]:
    path = Path(content_dir) / "synonyms.yaml"
    errors, seen, result = [], {}, []
    for group, line in read_yaml_list(path, "groups like [低保, 最低生活保障]"):
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


def load_colloquial(content_dir: Path | str) -> tuple[EverydayWords, ...]:
    """`content/colloquial.yaml`: everyday words and the plan's words they mean. `portal
    check` makes sure the plan uses the plan words and not the everyday ones."""
    path = Path(content_dir) / "colloquial.yaml"
    errors, seen, result = [], {}, []
    for entry, line in read_yaml_list(path, "entries like {say: [看病], plan: [医疗]}"):
        lists = [entry.get(key) if isinstance(entry, dict) else None for key in ("say", "plan")]
        if not all(isinstance(v, list) and v and all(isinstance(f, str) and f.strip() for f in v) for v in lists):
            errors.append(ContentError(path, line, "an entry gives `say:` and `plan:`, each a list of Chinese words"))
            continue
        say, plan = (tuple(f.strip() for f in v) for v in lists)
        for form in say:
            if form in seen:
                errors.append(ContentError(path, line, f"{form!r} is already said on line {seen[form]}"))
            seen.setdefault(form, line)
        result.append(EverydayWords(say, plan, path, line))
    if errors:
        raise ContentErrors(errors)
    return tuple(result)
