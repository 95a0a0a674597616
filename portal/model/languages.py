"""The portal's languages as data: one definition of each serves the routes, the model, the
templates and the tests.

Chinese is the source: the plan is written in it, and every other language is a translation
aligned to it paragraph by paragraph. Adding a language means one `Language` here, a catalog
in translations/ and chapter files in content/<code>/.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # the URL prefix and the content folder: /zh/…, content/zh/
    html_lang: str  # BCP 47 with its script, for lang="…"
    native_name: str  # the language's name in its own script, for the language switch
    locale: str  # language_TERRITORY, for Open Graph's og:locale
    #: Set in vertical columns that scroll sideways (traditional Mongolian), with its own web
    #: font: no phone has a Mongolian font that shapes the script correctly.
    vertical: bool = False
    #: Changes between editions are shown word by word; otherwise character by character.
    word_diff: bool = False
    source: bool = False  # the authoritative text, which every translation follows


CHINESE = Language("zh", "zh-Hans", "中文", "zh_CN", source=True)
MONGOLIAN = Language("mn", "mn-Mong", "ᠮᠣᠩᠭᠣᠯ", "mn_CN", vertical=True, word_diff=True)

#: In the portal's fixed order: the source first.
LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (CHINESE, MONGOLIAN)}
CODES: tuple[str, ...] = tuple(LANGUAGES)
SOURCE_LANG: str = CHINESE.code
TRANSLATIONS: tuple[str, ...] = tuple(code for code in CODES if code != SOURCE_LANG)


def language(code: str | None) -> Language:
    """The language of `code`; an unknown or missing code is the source language (the pages
    that speak every language, like the chooser, are in Chinese)."""
    return LANGUAGES.get(code or "", CHINESE)


def localized(values: dict[str, str], lang: str) -> str:
    """A text given per language: the reader's, else the source's."""
    return values.get(lang) or values.get(SOURCE_LANG, "")
