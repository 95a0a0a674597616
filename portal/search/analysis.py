"""What a query means and which paragraphs it finds: the one definition of search.

The live search (Whoosh, `portal.search.index`) and the browser search of the frozen site
(`static/js/search-engine.js`) both follow this module, and a test runs one shared query list
through both. So the rules are kept simple enough to state and to port:

* A query is cut into terms by script. A term is satisfied by any of its alternatives; a
  paragraph is found if it satisfies at least one term and ranks by how many it satisfies.
* Chinese: traditional characters become simplified, then the run must occur as a substring
  (so 白绒 finds 白绒山羊). A run the text does not contain is cut into the longest pieces
  it does contain. Synonym groups (低保 ↔ 最低生活保障) add alternatives.
* Latin letters: pinyin with or without tones and spaces (caoyuan, cǎo yuán, cao3yuan2)
  matched syllable by syllable against the Chinese text; the loose Latin key of a
  Mongolian word (malchin); and Latin tokens such as 5G as they are.
* Mongolian script: the loose Latin key (and, live, the shape key) of each word.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from ..text import mongolian

MAX_QUERY = 200  # characters kept from a query; the rest is ignored, never an error
MIN_PREFIX = 4  # a Mongolian key this long also finds longer words (inflected forms)
MAX_SUGGESTED = 12  # "did you mean" looks at Chinese queries up to this length
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN = re.compile(r"[a-z0-9]+")
TOKEN = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:\s+[a-z0-9]+)*|[\u1820-\u1878\u180a-\u180f\u200c\u200d]+"
)
#: Case endings and plural marks written as separate words: on their own they find everything.
SUFFIX_KEYS = frozenset(
    mongolian.latin_key(mongolian.from_latin(s))
    for s in [
        "un",
        "ün",
        "yin",
        "u",
        "ü",
        "i",
        "yi",
        "du",
        "dü",
        "tu",
        "tü",
        "dur",
        "dür",
        "tur",
        "tür",
        "ača",
        "eče",
        "bar",
        "ber",
        "iyar",
        "iyer",
        "tai",
        "tei",
        "ud",
        "üd",
        "nar",
        "ner",
        "luγ_a",
        "lüge",
        "ba",
        "be",
    ]
)


@dataclass(frozen=True, eq=False)
class Tables:
    """Data the rules need beyond the text itself; exported as is to the browser."""

    t2s: dict[str, str] = field(default_factory=dict)  # traditional → simplified character
    pinyin: dict[str, tuple[str, ...]] = field(default_factory=dict)  # character → readings
    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of Chinese forms that mean the same
    corpus: str = ""  # all Chinese text, for cutting unknown runs into known pieces

    @cached_property
    def syllables(self) -> frozenset[str]:
        return frozenset(s for readings in self.pinyin.values() for s in readings)

    @cached_property
    def characters_read_as(self) -> dict[str, str]:
        """Syllable → every character of the text with that reading (the browser gets this form)."""
        table: dict[str, str] = {}
        for ch, readings in sorted(self.pinyin.items()):
            for reading in readings:
                table[reading] = table.get(reading, "") + ch
        return table

    @cached_property
    def _patterns(self) -> dict[tuple[str, ...], re.Pattern]:
        return {}

    def reading_pattern(self, reading: tuple[str, ...]) -> re.Pattern:
        """A regex for a syllable sequence: one character class per syllable."""
        if reading not in self._patterns:
            never = "(?!)"  # a syllable no character of the text has
            parts = [f"[{re.escape(chars)}]" if (chars := self.characters_read_as.get(s)) else never for s in reading]
            self._patterns[reading] = re.compile("(?=(" + "".join(parts) + "))")
        return self._patterns[reading]


@dataclass(frozen=True)
class Term:
    typed: str
    han: tuple[str, ...] = ()
    pinyin: tuple[tuple[str, ...], ...] = ()
    latin: tuple[str, ...] = ()  # Latin tokens such as 5g, compared whole
    mongolian: tuple[str, ...] = ()  # loose Latin keys of Mongolian words
    shapes: tuple[str, ...] = ()  # shape keys (live search only)


def clean_query(query: str) -> str:
    """NFKC, lower case, no control or format characters except those inside Mongolian words."""
    text = unicodedata.normalize("NFKC", query or "")[: MAX_QUERY * 4]
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category.startswith("C") and ch not in "\u180e\u200c\u200d\u202f" and not 0x180B <= ord(ch) <= 0x180F:
            kept.append(" ")
        else:
            kept.append(ch)
    text = "".join(_plain_latin(ch) for ch in "".join(kept).lower())
    return re.sub(r"\s+", " ", text).strip()[:MAX_QUERY]


def _plain_latin(ch: str) -> str:
    """Tone marks off Latin letters (cǎo → cao, lǜ → lv); other scripts untouched."""
    if ch < "\u00c0" or not unicodedata.name(ch, "").startswith("LATIN"):
        return ch
    if ch in "üǖǘǚǜ":
        return "v"
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)) or ch


def split_pinyin(token: str, syllables: frozenset[str]) -> tuple[str, ...] | None:
    """The fewest syllables that spell `token` exactly, or None (not pinyin)."""
    token = re.sub(r"(?<=[a-z])[1-5]", "", token)
    if not token or not token.isalpha() or not syllables:
        return None
    best: list[tuple[str, ...] | None] = [()] + [None] * len(token)
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - 6), end):
            piece, before = token[start:end], best[start]
            if before is not None and piece in syllables and (best[end] is None or len(before) + 1 < len(best[end])):
                best[end] = before + (piece,)
    return best[-1]


def cut_known(run: str, corpus: str) -> list[str]:
    """Cut a Chinese run into the longest pieces that occur in the text, left to right.

    If a piece occurs, so does every shorter start of it, so the longest one is found by
    bisection: a 200-character query costs a few dozen substring searches, not thousands.
    (search-engine.js shortens one character at a time; both find the same pieces.)"""
    pieces, start = [], 0
    while start < len(run):
        low, high = start + 1, len(run)  # run[start:low] is taken even when unknown
        while low < high:
            middle = (low + high + 1) // 2
            if run[start:middle] in corpus:
                low = middle
            else:
                high = middle - 1
        pieces.append(run[start:low])
        start = low
    return pieces


def _synonyms_of(form: str, tables: Tables) -> tuple[str, ...]:
    forms = [form]
    for group in tables.synonyms:
        if form in group:
            forms += [other for other in group if other not in forms]
    return tuple(forms)


def parse(query: str, tables: Tables, shapes: bool = True) -> list[Term]:
    """The terms of a query, each with its alternatives."""
    text = clean_query(query)
    terms: list[Term] = []
    for match in TOKEN.finditer(text):
        token = match.group()
        if HAN.fullmatch(token):
            run = "".join(tables.t2s.get(ch, ch) for ch in token)
            known = run in tables.corpus or any(run in group for group in tables.synonyms)
            pieces = [run] if known else cut_known(run, tables.corpus)
            if len(pieces) > 1:
                pieces = [p for p in pieces if len(p) > 1] or pieces
            terms += [Term(piece, han=_synonyms_of(piece, tables)) for piece in pieces]
        elif token[0] in "abcdefghijklmnopqrstuvwxyz0123456789":
            terms += _latin_terms(token, tables)
        else:
            words = [w for w in mongolian.words(token) if mongolian.latin_key(w)]
            content = [w for w in words if mongolian.latin_key(w) not in SUFFIX_KEYS] or words
            terms += [
                Term(w, mongolian=(mongolian.latin_key(w),), shapes=(mongolian.shape_key(w),) if shapes else ())
                for w in content
            ]
    return _merge_duplicates(terms)


def _latin_terms(phrase: str, tables: Tables) -> list[Term]:
    """Latin words: joined as one pinyin phrase where they all read as pinyin, else one by one."""
    words = phrase.split()
    syllables = tables.syllables
    joined = split_pinyin("".join(words), syllables)
    if len(words) > 1 and joined and all(split_pinyin(w, syllables) for w in words):
        return [Term(phrase, pinyin=(joined,), latin=tuple(words))]
    terms = []
    for word in words:
        reading = split_pinyin(word, syllables)
        key = mongolian.latin_key(word) if word.isalpha() else ""
        terms.append(
            Term(
                word,
                pinyin=(reading,) if reading else (),
                latin=(re.sub(r"[^a-z0-9]", "", word),),
                mongolian=(key,) if len(key) > 1 else (),
            )
        )
    return terms


def _merge_duplicates(terms: list[Term]) -> list[Term]:
    seen, unique = set(), []
    for term in terms:
        key = (term.han, term.pinyin, term.latin, term.mongolian, term.shapes)
        if key not in seen and any(key):
            seen.add(key)
            unique.append(term)
    return unique


@dataclass(frozen=True)
class Document:
    """One paragraph as search sees it, built from the Plan model."""

    id: str
    lang: str
    chapter: int
    section: int
    order: int
    text: str
    lead: tuple[int, int] = (0, 0)  # where the lead phrase stands in the text
    title: str = ""  # the section title, which counts more
    latin_tokens: tuple[str, ...] = ()
    mongolian_keys: tuple[str, ...] = ()
    shape_keys: tuple[str, ...] = ()
    title_keys: tuple[str, ...] = ()


def make_document(
    ident: str, lang: str, chapter: int, section: int, order: int, text: str, lead: str | None, title: str | None
) -> Document:
    words = mongolian.words(text)
    start = text.find(lead) if lead else -1
    return Document(
        ident,
        lang,
        chapter,
        section,
        order,
        text,
        (start, start + len(lead)) if start >= 0 else (0, 0),
        title or "",
        tuple(LATIN.findall(text.lower())),
        tuple(mongolian.latin_key(w) for w in words),
        tuple(mongolian.shape_key(w) for w in words),
        tuple(mongolian.latin_key(w) for w in mongolian.words(title or "")),
    )


def _pinyin_spans(text: str, reading: tuple[str, ...], tables: Tables) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(reading)) for m in tables.reading_pattern(reading).finditer(text)]


def _key_matches(key: str, word: str) -> bool:
    return word == key or (len(key) >= MIN_PREFIX and word.startswith(key))


def term_spans(term: Term, doc: Document, tables: Tables) -> list[tuple[int, int]]:
    """Where `term` occurs in the document's text; an empty list if it does not."""
    spans: list[tuple[int, int]] = []
    for form in term.han:
        start = doc.text.find(form)
        while start >= 0:
            spans.append((start, start + len(form)))
            start = doc.text.find(form, start + 1)
    for reading in term.pinyin:
        spans += _pinyin_spans(doc.text, reading, tables)
    lowered = doc.text.lower()
    for token in term.latin:
        if token and token in doc.latin_tokens:
            spans += [(m.start(), m.end()) for m in LATIN.finditer(lowered) if m.group() == token]
    if term.mongolian or term.shapes:
        wanted = [
            i
            for i, (key, shape) in enumerate(zip(doc.mongolian_keys, doc.shape_keys, strict=True))
            if any(_key_matches(k, key) for k in term.mongolian) or shape in term.shapes
        ]
        if wanted:
            positions = [(m.start(), m.end()) for m in mongolian.WORD.finditer(doc.text.replace(mongolian.NNBSP, " "))]
            spans += [positions[i] for i in wanted if i < len(positions)]
    return sorted(set(spans))


@dataclass(frozen=True)
class Hit:
    doc: Document
    score: float
    spans: tuple[tuple[int, int], ...]


def score(terms: list[Term], doc: Document, tables: Tables, cleaned: str) -> Hit | None:
    """All query words beat some; the lead phrase and the section title count more.

    `cleaned` is the query after `clean_query`; its exact occurrence counts a little more."""
    matched, spans, total = 0, [], 0.0
    for term in terms:
        found = term_spans(term, doc, tables)
        if not found:
            continue
        matched += 1
        spans += found
        total += 1.0 + 0.1 * min(len(found), 3)
        if any(doc.lead[0] <= start < doc.lead[1] for start, _ in found):
            total += 0.5
        if any(form in doc.title for form in term.han) or any(
            _key_matches(k, w) for k in term.mongolian for w in doc.title_keys
        ):
            total += 0.5
    if not matched:
        return None
    if len(cleaned) > 1 and cleaned in doc.text.lower():
        total += 0.5
    return Hit(doc, round(matched * 10 + total, 3), tuple(sorted(set(spans))))


def rank(hits: list[Hit], lang: str) -> list[Hit]:
    """The reader's language first, then by score, then in the plan's order."""
    return sorted(hits, key=lambda h: (h.doc.lang != lang, -h.score, h.doc.order))


def snippet(hit: Hit, width: int = 80) -> str:
    """An escaped excerpt around the first match, every match inside it marked."""
    text = hit.doc.text
    first = hit.spans[0][0] if hit.spans else 0
    start = max(0, min(first - width // 3, len(text) - width))
    end = min(len(text), start + width)
    out, cursor = [], start
    for left, right in hit.spans:
        left, right = max(left, cursor), min(right, end)
        if left >= right:
            continue
        out.append(html.escape(text[cursor:left]))
        out.append(f"<mark>{html.escape(text[left:right])}</mark>")
        cursor = right
    out.append(html.escape(text[cursor:end]))
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")


def did_you_mean(query: str, tables: Tables) -> str | None:
    """For a Chinese query the text lacks: the most frequent text with one character changed."""
    cleaned = clean_query(query)
    run = "".join(tables.t2s.get(ch, ch) for ch in cleaned)
    if not HAN.fullmatch(run or "-") or not 2 <= len(run) <= MAX_SUGGESTED or run in tables.corpus:
        return None
    counts: dict[str, int] = {}
    for i in range(len(run)):
        pattern = re.escape(run[:i]) + r"[\u4e00-\u9fff]" + re.escape(run[i + 1 :])
        for found in re.findall(pattern, tables.corpus):
            counts[found] = counts.get(found, 0) + 1
    return max(sorted(counts), key=counts.get) if counts else None
