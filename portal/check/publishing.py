"""Warnings about what is not yet published: content/ changed since its edition was recorded,
and notices that exist in one language only."""

from __future__ import annotations

from ..errors import ContentError
from ..model.editions import Editions
from ..model.notices import Notices


def edition_findings(editions: Editions) -> list[ContentError]:
    current = editions.get(editions.current)
    if current is None or current.path is None or not editions.unpublished:
        return []
    message = (
        f"content/ differs from the recorded edition {editions.current} in {', '.join(editions.unpublished)}: "
        "publish the changes as a new edition with 'portal edition record NAME --date …'"
    )
    return [ContentError(current.path, None, message, code="unpublished")]


def notice_findings(notices: Notices, languages: tuple[str, ...]) -> list[ContentError]:
    found = []
    slugs = {lang: {n.slug: n for n in notices.of(lang)} for lang in languages}
    for lang in languages:
        for slug, notice in slugs[lang].items():
            for other in languages:
                if slug not in slugs[other]:
                    counterpart = notice.path.name.replace(f".{lang}.md", f".{other}.md")
                    message = f"this notice has no {other} version ({counterpart})"
                    found.append(ContentError(notice.path, None, message, code="notice-untranslated"))
    return found
