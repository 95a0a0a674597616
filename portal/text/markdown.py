"""The one Markdown renderer for everything staff write: Python-Markdown with raw HTML off,
and one URL rule for every link and image it makes.

Content is edited by hand; escaping raw HTML keeps a stray `<` from breaking the page and keeps
script out of the published site. Links are checked on the rendered element tree, after
Python-Markdown has resolved every form (inline, reference, autolink) and before anything is
serialized; the URL is decoded as a browser would (entities, control characters, case). Only
http, https, mailto, relative paths and #fragments stay links. Anything else (javascript:,
data:, vbscript:, file:…) is shown as its text, and `refused()` names it so that the readers
report it with its file and line. Paragraphs are rendered one at a time, without the <p>
wrapper, and every reader of content uses the same `InlineRenderer`, so that a paragraph's
HTML depends on its source alone.
"""

from __future__ import annotations

import re
from html import unescape
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor

from ..errors import ContentError

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")

TAGS = re.compile(r"<[^>]+>")


def plain_text(html: str) -> str:
    """Text of inline HTML. Not Markup.striptags(): that treats U+202F (the space before a
    Mongolian suffix) as whitespace and turns it into a plain space."""
    return re.sub(r"[ \t\r\n]+", " ", unescape(TAGS.sub("", html))).strip()


def is_safe_url(url: str) -> bool:
    """Whether a link target may be published: http, https, mailto, or no scheme at all
    (a relative path, //host/path or #id). Decoded first, as a browser reads an href."""
    decoded = _INVISIBLE.sub("", unescape(unescape(url))).lower()
    scheme = _SCHEME.match(decoded)
    return scheme is None or scheme.group(1) in SAFE_SCHEMES


def refused_url_errors(
    path, first_line: int, source: str, refused: tuple[str, ...], ident: str | None = None
) -> list[ContentError]:
    """A `link` ContentError for each refused target, on the line of `source` that holds it."""
    errors = []
    for url in refused:
        at = source.find(url)
        line = first_line + (source[:at].count("\n") if at >= 0 else 0)
        message = (
            f"link target {url!r} is not allowed (only http, https, mailto, relative paths and #ids); shown as text"
        )
        errors.append(ContentError(path, line, message, ident, code="link"))
    return errors


class _UrlRule(Treeprocessor):
    """Links and images with an unsafe target become their text; the targets are kept in
    `md.refused_urls` for the reader to report."""

    def run(self, root: ElementTree.Element) -> None:
        refused = self.md.refused_urls = []
        for parent in root.iter():
            for index, element in enumerate(list(parent)):
                attribute = {"a": "href", "img": "src"}.get(element.tag)
                url = element.get(attribute) if attribute else None
                if url is None or is_safe_url(url):
                    continue
                refused.append(url)
                if element.tag == "a":
                    element.tag = "span"
                    element.attrib.clear()
                else:  # an image: its description, as text
                    text = ElementTree.Element("span")
                    text.text, text.tail = element.get("alt", ""), element.tail
                    parent.remove(element)
                    parent.insert(index, text)


def safe_markdown() -> markdown.Markdown:
    """Python-Markdown with raw HTML switched off and the URL rule, for everything staff write."""
    md = markdown.Markdown(output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_UrlRule(md), "url_rule", 0)  # last: after inline patterns made the links
    md.refused_urls = []
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
        self._refused: dict[str, tuple[str, ...]] = {}

    def render(self, source: str) -> tuple[str, str]:
        if source not in self._rendered:
            html = self._convert(source)
            if html.startswith("<p>") and html.endswith("</p>"):
                html = html[3:-4]
            if len(self._rendered) > self.LIMIT:
                self._rendered.clear()
            self._rendered[source] = html, plain_text(html)
        return self._rendered[source]

    def block(self, source: str) -> str:
        """A whole Markdown document (a notice's body) as HTML."""
        return self._convert(source)

    def refused(self, source: str) -> tuple[str, ...]:
        """The link targets of `source` that the URL rule turned into text."""
        if source not in self._refused:
            self._convert(source)
        return self._refused[source]

    def _convert(self, source: str) -> str:
        html = self._md.reset().convert(source)
        if len(self._refused) > self.LIMIT:
            self._refused.clear()
        self._refused[source] = tuple(self._md.refused_urls)
        return html
