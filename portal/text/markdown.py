"""The one Markdown renderer for everything staff write: Python-Markdown with raw HTML off.

Content is edited by hand; escaping raw HTML keeps a stray `<` from breaking the page and keeps
script out of the published site. Paragraphs are rendered one at a time, without the <p>
wrapper, and every reader of content uses the same `InlineRenderer`, so that a paragraph's
HTML depends on its source alone.
"""

from __future__ import annotations

import re
from html import unescape

import markdown

TAGS = re.compile(r"<[^>]+>")


def plain_text(html: str) -> str:
    """Text of inline HTML. Not Markup.striptags(): that treats U+202F (the space before a
    Mongolian suffix) as whitespace and turns it into a plain space."""
    return re.sub(r"[ \t\r\n]+", " ", unescape(TAGS.sub("", html))).strip()


def safe_markdown() -> markdown.Markdown:
    """Python-Markdown with raw HTML switched off, for everything staff write."""
    md = markdown.Markdown(output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


class InlineRenderer:
    """One paragraph's Markdown → (inline HTML, plain text).

    It remembers what it rendered: most sources are read many times (the editions repeat the
    current text, and `portal serve` re-reads every file when one changes). The owner of a
    renderer (the content store of the live app, or one load) decides how long that lasts.
    """

    LIMIT = 50_000  # sources remembered; a long editing session starts afresh

    def __init__(self) -> None:
        self._md = safe_markdown()
        self._rendered: dict[str, tuple[str, str]] = {}

    def render(self, source: str) -> tuple[str, str]:
        if source not in self._rendered:
            html = self._md.reset().convert(source)
            if html.startswith("<p>") and html.endswith("</p>"):
                html = html[3:-4]
            if len(self._rendered) > self.LIMIT:
                self._rendered.clear()
            self._rendered[source] = html, plain_text(html)
        return self._rendered[source]

    def block(self, source: str) -> str:
        """A whole Markdown document (a notice's body) as HTML."""
        return self._md.reset().convert(source)
