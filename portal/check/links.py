"""Links in content: every link in a paragraph or notice leads somewhere, a paragraph or
section that exists, or a web address. Paths between pages would break on other hosts and in
the offline copy."""

from __future__ import annotations

import re

from ..errors import ContentError
from ..model.languages import SOURCE_LANG
from ..model.notices import Notices
from ..model.plan import Plan

#: A link in content: to a paragraph or section of the plan (#c4s1p3), or to a web address.
LINK = re.compile(r"\]\(([^)\s]*)")
LINK_TARGET = re.compile(r"^#(c\d+s\d+(?:p\d+)?)$")


def link_findings(plans: dict[str, Plan], notices: Notices) -> list[ContentError]:
    source = plans[SOURCE_LANG]
    sections = {s.id for c in source.chapters for s in c.sections}
    found = []

    def check(target: str, path, line, ident) -> None:
        if target.startswith(("https://", "http://", "mailto:")):
            return
        match = LINK_TARGET.match(target)
        if not match:
            message = (
                f"link to {target!r}: link to a paragraph or section as (#c4s1p3), or to a web address (https://…)"
            )
            found.append(ContentError(path, line, message, ident, "link"))
        elif not (source.locate(match.group(1)) or match.group(1) in sections):
            message = f"broken link: there is no paragraph or section {match.group(1)}"
            found.append(ContentError(path, line, message, ident, "link"))

    for plan in plans.values():
        for chapter in plan.chapters:
            for paragraph in chapter.paragraphs:
                if paragraph.status != "missing":
                    for target in LINK.findall(paragraph.markdown):
                        check(target, chapter.path or "content", paragraph.line, paragraph.id)
    for lang in notices.by_lang:
        for notice in notices.of(lang):
            for number, text in enumerate(notice.source.splitlines(), notice.body_line):
                for target in LINK.findall(text):
                    check(target, notice.path, number, None)
    return found
