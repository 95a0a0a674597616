"""The plan as data, and nothing else: dataclasses with ids as first-class fields, no I/O and
no Flask. The readers build them; the site, the check and search read them.

`plan` (Plan → Chapter → Section → Paragraph), `languages`, `translation` (status and
fingerprints), `glossary`, `figures`, `editions`, `notices`, and `content`, which holds one
moment's worth of all of them.
"""

from .content import Content
from .editions import Change, Edition, Editions
from .figures import Category, Figures, Indicator, Part, Value
from .glossary import Entry, Glossary
from .languages import CODES, LANGUAGES, SOURCE_LANG, TRANSLATIONS, Language, language
from .notices import Notice, Notices
from .plan import PARAGRAPH_ID, SECTION_ID, Chapter, Paragraph, Plan, Section, section_id

__all__ = [
    "CODES",
    "LANGUAGES",
    "PARAGRAPH_ID",
    "SECTION_ID",
    "SOURCE_LANG",
    "TRANSLATIONS",
    "Category",
    "Change",
    "Chapter",
    "Content",
    "Edition",
    "Editions",
    "Entry",
    "Figures",
    "Glossary",
    "Indicator",
    "Language",
    "Notice",
    "Notices",
    "Paragraph",
    "Part",
    "Plan",
    "Section",
    "Value",
    "language",
    "section_id",
]
