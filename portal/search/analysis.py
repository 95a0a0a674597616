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
* Mongolian script: the loose Latin key (and, live, the shape key) of each word. A case
  ending written apart (ᠨᠤᠲᠤᠭ ᠤᠨ, after U+202F or a space) belongs to the word before it
  and never counts as a word of its own.
* Mongolian typed in Latin or Cyrillic letters, in today's spelling (temee, belcheer,
  тэмээ): the loose key, and the consonant outline of `mongolian.sound_key`. A case ending
  typed in Latin letters after a word (aǰil-un, nutug un) goes with that word too.
* Pinyin words are terms of their own, in any order (wenhua luotuo); words that spell a
  phrase of the text together (cao yuan) stay one term. A word the text has no reading for
  also finds the readings one slip away (`near_readings`).

Ranking (`find`): a term weighs by how rare it is, w = ((N + 1) / (df + 1)) ** ¼ over the N
paragraphs of both languages, df of them containing it. Filler and question words (怎么,
政策, 吗…) and single characters cut from a longer unknown run are weak: a tenth of that
weight, and a paragraph that matches only weak terms is not a result. Score: 100 × the
share of the query's weight the paragraph covers, plus per matched term w × (0.1 per
occurrence up to 3, 0.5 in the lead phrase, 0.5 in the section title, 0.5 for a Mongolian
word matched by its spelling rather than its outline), plus 20 when the whole
query occurs as typed. Only square roots, sums and products, so that the browser computes
the same numbers to the last bit.
"""

from __future__ import annotations

import bisect
import html
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from ..text import mongolian

MAX_QUERY = 200  # characters kept from a query; the rest is ignored, never an error
MIN_PREFIX = 4  # a Mongolian key this long also finds longer words (inflected forms)
MAX_SUGGESTED = 12  # "did you mean" looks at Chinese queries up to this length
MIN_NEAR = 5  # a Latin word this long also finds pinyin one slip away
MAX_NEAR = 3  # readings one slip away that a word keeps
MAX_NEAR_LETTERS = 14  # longer words are phrases typed together, whose slips are not looked for
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN = re.compile(r"[a-z0-9]+")
TOKEN = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:\s+[a-z0-9]+)*|[\u1820-\u1878\u180a-\u180f\u200c\u200d]+"
    r"|[\u0400-\u04ff]+"
)
CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
#: Words people add to a question that say nothing about its subject. They still match,
#: with a tenth of their weight, and never make a result on their own.
_FILLER_WORDS = """
怎么 怎么样 怎样 如何 怎么办 什么 为什么 有啥 啥 吗 呢 吧 啊 的 了
是 有 有没有 没有 没 能 能不能 可以 可不可以 会 要 想 去 在 哪
哪里 哪儿 哪些 多少 几 谁 请问 我 我们 你 他 她 自己 一下 这个
那个 这 那 和 与 及 或 政策 工作 支持 问题 情况 相关 方面 有关
怎么弄 办理 申请
"""
FILLER = frozenset(_FILLER_WORDS.split())
WEAK = 0.1  # share of its weight a filler word or a stray single character keeps
PHRASE_BONUS = 20
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
    colloquial: dict[str, tuple[str, ...]] = field(default_factory=dict)  # everyday word → plan words

    @cached_property
    def everyday_words(self) -> frozenset[str]:
        """Words a query is cut around before the rest is cut into pieces of the text."""
        return frozenset(self.colloquial) | {word for word in FILLER if len(word) > 1}

    @cached_property
    def syllables(self) -> frozenset[str]:
        return frozenset(s for readings in self.pinyin.values() for s in readings)

    @cached_property
    def syllables_less_one(self) -> dict[str, tuple[tuple[str, int], ...]]:
        """A syllable without one of its letters → (the syllable, the letter's place)."""
        table: dict[str, list[tuple[str, int]]] = {}
        for syllable in sorted(self.syllables):
            for p in range(len(syllable)):
                table.setdefault(syllable[:p] + syllable[p + 1 :], []).append((syllable, p))
        return {key: tuple(pairs) for key, pairs in table.items()}

    @cached_property
    def characters_read_as(self) -> dict[str, str]:
        """Syllable → every character of the text with that reading (the browser gets this form)."""
        table: dict[str, str] = {}
        for ch, readings in sorted(self.pinyin.items()):
            for reading in readings:
                table[reading] = table.get(reading, "") + ch
        return table

    @cached_property
    def reading_places(self) -> dict[str, frozenset[int]]:
        """ "cao" and "cao yuan" → the places in the text where a character (or two neighbouring
        characters) can be read so: `near_readings` counts a reading from these, not by regex."""
        places: dict[str, set[int]] = {}
        for i, (x, y) in enumerate(itertools.pairwise(self.corpus + "\n")):
            for rx in self.pinyin.get(x, ()):
                places.setdefault(rx, set()).add(i)
                for ry in self.pinyin.get(y, ()):
                    places.setdefault(f"{rx} {ry}", set()).add(i)
        return {key: frozenset(found) for key, found in places.items()}

    def reading_count(self, reading: tuple[str, ...]) -> int:
        """How often the text can be read as `reading`: what `reading_pattern` finds, counted."""
        if len(reading) == 1:
            return len(self.reading_places.get(reading[0], ()))
        return len(self._starts(reading))

    def reading_starts(self, reading: tuple[str, ...]) -> list[int]:
        """Where in `corpus` the text can be read as `reading`, in order: the starts of what
        `reading_pattern` finds."""
        return sorted(self.reading_places.get(reading[0], ()) if len(reading) == 1 else self._starts(reading))

    def _starts(self, reading: tuple[str, ...]) -> list[int]:
        """Starts of a reading of two syllables or more: where each neighbouring pair is."""
        pairs = [self.reading_places.get(f"{x} {y}", frozenset()) for x, y in itertools.pairwise(reading)]
        anchor = min(range(len(pairs)), key=lambda k: len(pairs[k]))
        return [
            p - anchor
            for p in pairs[anchor]
            if all(p - anchor + k in pairs[k] for k in range(len(pairs)) if k != anchor)
        ]

    @cached_property
    def near_cache(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        return {}

    @cached_property
    def _patterns(self) -> dict[tuple[str, ...], re.Pattern]:
        return {}

    def reading_pattern(self, reading: tuple[str, ...]) -> re.Pattern:
        """A regex for a syllable sequence: one character class per syllable."""
        if reading not in self._patterns:
            if len(self._patterns) >= 4096:  # queries are unbounded; the patterns kept are not
                self._patterns.clear()
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
    sounds: tuple[str, ...] = ()  # consonant outlines of words typed in Latin or Cyrillic
    weak: bool = False  # a filler word or a single character cut from an unknown run


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
    return _splits(token, syllables, [()])[-1]


def _splits(token: str, syllables: frozenset[str], known: list) -> list:
    """best[k], the fewest syllables that spell token[:k] (or None), for every k. `known` is
    best for a start of the token, which words sharing that start can reuse."""
    best = known + [None] * (len(token) + 1 - len(known))
    last = max(k for k, b in enumerate(known) if b is not None)  # the last place spelt so far
    for end in range(len(known), len(token) + 1):
        if end - last > 6:
            break  # no syllable is longer than 6 letters, so nothing further can be spelt
        for start in range(max(0, end - 6), end):
            piece, before = token[start:end], best[start]
            if before is not None and piece in syllables and (best[end] is None or len(before) + 1 < len(best[end])):
                best[end] = before + (piece,)
        if best[end] is not None:
            last = end
    return best


def near_readings(word: str, tables: Tables) -> tuple[tuple[str, ...], ...]:
    """Pinyin readings of the text one slip away from `word`: a letter wrong, missing or extra,
    or two letters swapped (shuangfengtou, roucongron, binzhang). The first letter is taken as
    typed. The MAX_NEAR readings found most often in the text are kept, ties in alphabetical
    order. Words shorter than MIN_NEAR letters are left alone: one slip from `mal` or `tuo` is
    a dozen other syllables. So are words longer than MAX_NEAR_LETTERS, whole phrases typed
    together, where the slips to try run into the thousands."""
    if not MIN_NEAR <= len(word) <= MAX_NEAR_LETTERS or not word.isalpha() or not word.isascii():
        return ()
    if word in tables.near_cache:
        return tables.near_cache[word]
    if len(tables.near_cache) >= 4096:
        tables.near_cache.clear()
    tables.near_cache[word] = _near_readings(word, tables)
    return tables.near_cache[word]


def _near_readings(word: str, tables: Tables) -> tuple[tuple[str, ...], ...]:
    syllables = tables.syllables
    spelt = _splits(word, syllables, [()])
    counted: dict[tuple[str, ...], int] = {}
    for spelling in sorted(_spelt_slips(word, tables, spelt)):
        same = next((i for i, (x, y) in enumerate(zip(word, spelling, strict=False)) if x != y), len(spelling))
        reading = _splits(spelling, syllables, spelt[: min(same, len(word)) + 1])[-1]
        if reading and reading not in counted:
            counted[reading] = tables.reading_count(reading)
    ranked = sorted((reading for reading, n in counted.items() if n), key=lambda r: (-counted[r], r))
    return tuple(ranked[:MAX_NEAR])


def _spelt_slips(word: str, tables: Tables, spelt: list) -> set[str]:
    """The spellings one slip from `word` (a letter wrong, missing or extra, or two swapped; the
    first letter kept) that split into syllables.

    Rather than trying the hundreds of slips, take the syllable the slip falls in: the word is
    spelt up to it (`spelt`), the word's own tail follows it (`tail`), and the syllable is one
    slip from the letters between, which `Tables.syllables_less_one` looks up. A swap across
    two syllables is tried as a whole spelling."""
    syllables, less_one = tables.syllables, tables.syllables_less_one
    tail = _tails(word, syllables)
    found: set[str] = set()
    for j in (j for j, best in enumerate(spelt) if best is not None):
        for k in range(min(7, len(word) - j) + 1):
            if not tail[j + k]:
                continue
            piece, head, rest = word[j : j + k], word[:j], word[j + k :]
            for y, p in less_one.get(piece, ()):  # a letter extra at p
                if j + p >= 1:
                    found.add(head + y + rest)
            for p in range(k):
                if j + p < 1:
                    continue
                shorter = piece[:p] + piece[p + 1 :]
                if shorter in syllables:  # a letter missing
                    found.add(head + shorter + rest)
                for y, q in less_one.get(shorter, ()):  # a letter wrong
                    if q == p and y[p] != piece[p]:
                        found.add(head + y + rest)
    for i in range(1, len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if split_pinyin(swapped, syllables):
            found.add(swapped)
    found.discard(word)
    return found


def _tails(word: str, syllables: frozenset[str]) -> list[bool]:
    """tail[k]: whether word[k:] can be spelt in syllables."""
    tail = [False] * len(word) + [True]
    for k in range(len(word) - 1, -1, -1):
        tail[k] = any(tail[k + n] and word[k : k + n] in syllables for n in range(1, min(6, len(word) - k) + 1))
    return tail


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
    forms += [word for word in tables.colloquial.get(form, ()) if word not in forms]
    return tuple(forms)


def cut_everyday(run: str, tables: Tables) -> list[str]:
    """A run cut around the everyday words and the filler words of two characters or more it
    contains (the longest at each place, left to right), the rest cut into pieces of the text
    (`cut_known`). So 开民宿有政策 never yields the piece 有政策."""
    words = tables.everyday_words
    longest = max(map(len, words))
    pieces, rest, i = [], "", 0
    while i < len(run):
        word = next((run[i : i + n] for n in range(min(longest, len(run) - i), 1, -1) if run[i : i + n] in words), None)
        if word is None:
            rest += run[i]
            i += 1
            continue
        if rest:
            pieces += cut_known(rest, tables.corpus)
            rest = ""
        pieces.append(word)
        i += len(word)
    return pieces + (cut_known(rest, tables.corpus) if rest else [])


def parse(query: str, tables: Tables, shapes: bool = True) -> list[Term]:
    """The terms of a query, each with its alternatives."""
    text = clean_query(query)
    terms: list[Term] = []
    mongolian_words: list[str] = []
    for n, match in enumerate(TOKEN.finditer(text)):
        token = match.group()
        if HAN.fullmatch(token):
            terms += _han_terms(token, tables)
        elif token[0] in "abcdefghijklmnopqrstuvwxyz0123456789":
            hyphened = n > 0 and text[match.start() - 1] == "-"
            terms += _latin_terms(token, tables, follows=n > 0, hyphened=hyphened)
        elif CYRILLIC_WORD.fullmatch(token):
            terms += _typed_mongolian_terms(token)
        else:
            mongolian_words += [w for w in mongolian.words(token) if mongolian.latin_key(w)]
    # A case ending goes with the word before it, also when typed as a token of its own.
    content = [w for w in mongolian_words if mongolian.latin_key(w) not in SUFFIX_KEYS] or mongolian_words
    by_key: dict[str, list[str]] = {}  # words with one loose key are one term, whatever their shapes
    for word in content:
        by_key.setdefault(mongolian.latin_key(word), []).append(word)
    terms += [
        Term(
            same[0],
            mongolian=(key,),
            shapes=tuple(dict.fromkeys(mongolian.shape_key(w) for w in same)) if shapes else (),
        )
        for key, same in by_key.items()
    ]
    return _merge_duplicates(terms)


def _han_terms(token: str, tables: Tables) -> list[Term]:
    run = "".join(tables.t2s.get(ch, ch) for ch in token)
    known = run in tables.corpus or run in tables.colloquial or any(run in group for group in tables.synonyms)
    pieces = [run] if known else cut_everyday(run, tables)
    if len(pieces) > 1:
        pieces = [p for p in pieces if len(p) > 1] or pieces
    return [
        Term(piece, han=_synonyms_of(piece, tables), weak=piece in FILLER or (len(piece) == 1 < len(run)))
        for piece in pieces
    ]


def _typed_mongolian_terms(word: str) -> list[Term]:
    """A word typed in Cyrillic: its loose key and its consonant outline."""
    key = mongolian.latin_key(mongolian.typed_latin(word))
    sound = mongolian.sound_key(key) if len(key) > 2 else ""
    sound = sound if len(sound) > 1 else ""  # one consonant would find dozens of words
    return [Term(word, mongolian=(key,), sounds=(sound,) if sound else ())] if len(key) > 1 else []


def _latin_terms(phrase: str, tables: Tables, follows: bool = False, hyphened: bool = False) -> list[Term]:
    """Latin words: one pinyin term where they spell a phrase of the text together, else one
    term per word (pinyin reading, Latin token, Mongolian keys). A case ending typed as a word
    of its own (ajil un) after another word (`follows`: the query had one before this phrase)
    goes with that word, unless it is pinyin of the text; joined to it by a hyphen (aǰil-un,
    bayiγali-yi: `hyphened`, the phrase starts so), it does even if it is pinyin."""
    words = phrase.split()
    syllables = tables.syllables
    joined = split_pinyin("".join(words), syllables)
    if (
        len(words) > 1
        and joined
        and all(split_pinyin(w, syllables) for w in words)
        and tables.reading_count(joined) > 0
    ):
        return [Term(phrase, pinyin=(joined,), latin=tuple(words))]
    terms = []
    for i, word in enumerate(words):
        reading = split_pinyin(word, syllables)
        # pinyin of words the text has (caoyuan) is not read as Mongolian as well
        as_pinyin = bool(reading) and tables.reading_count(reading) > 0
        if i == 0 and hyphened and mongolian.latin_key(mongolian.typed_latin(word)) in SUFFIX_KEYS:
            continue
        key = mongolian.latin_key(mongolian.typed_latin(word)) if word.isalpha() and not as_pinyin else ""
        if key in SUFFIX_KEYS and (i or follows):
            continue
        readings = (reading,) if reading else ()
        if not as_pinyin:
            readings += near_readings(word, tables)
        sound = mongolian.sound_key(key) if len(key) > 2 else ""
        sound = sound if len(sound) > 1 else ""  # one consonant would find dozens of words
        terms.append(
            Term(
                word,
                pinyin=readings,
                latin=(re.sub(r"[^a-z0-9]", "", word),),
                mongolian=(key,) if len(key) > 1 else (),
                sounds=(sound,) if sound else (),
            )
        )
    return terms


def _merge_duplicates(terms: list[Term]) -> list[Term]:
    seen, unique = set(), []
    for term in terms:
        key = (term.han, term.pinyin, term.latin, term.mongolian, term.shapes, term.sounds)
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
    sound_keys: tuple[str, ...] = ()

    # Word maps made once per paragraph, so that a Mongolian term is looked up, not compared
    # with every word of every candidate (`LiveSearch` makes them when it builds its index).
    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def title_line(self) -> str:
        """The title's keys between spaces: " k " in it is a word of the title, " k" a start."""
        return " " + " ".join(self.title_keys) + " "

    @cached_property
    def word_spans(self) -> tuple[tuple[int, int], ...]:
        return tuple(m.span() for m in mongolian.WORD.finditer(self.text.replace(mongolian.NNBSP, " ")))

    @cached_property
    def words_by(self) -> dict[str, dict[str, tuple[int, ...]]]:
        """ "key", "shape" and "sound" → that key of a word → the word's places."""
        maps: dict[str, dict[str, list[int]]] = {"key": {}, "shape": {}, "sound": {}}
        for kind, keys in (("key", self.mongolian_keys), ("shape", self.shape_keys), ("sound", self.sound_keys)):
            for i, key in enumerate(keys):
                maps[kind].setdefault(key, []).append(i)
        return {kind: {key: tuple(places) for key, places in m.items()} for kind, m in maps.items()}

    @cached_property
    def sorted_keys(self) -> tuple[str, ...]:
        return tuple(sorted(self.words_by["key"]))

    def words_keyed(self, key: str) -> list[int]:
        """Places of the words `key` finds: the same key, or a longer one if `key` is long enough."""
        if len(key) < MIN_PREFIX:
            return list(self.words_by["key"].get(key, ()))
        keys, places = self.sorted_keys, []
        i = bisect.bisect_left(keys, key)
        while i < len(keys) and keys[i].startswith(key):
            places += self.words_by["key"][keys[i]]
            i += 1
        return places


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
        tuple(mongolian.sound_key(mongolian.latin_key(w)) for w in words),
    )


def pinyin_spans(text: str, reading: tuple[str, ...], tables: Tables) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(reading)) for m in tables.reading_pattern(reading).finditer(text)]


def term_spans(term: Term, doc: Document, tables: Tables, known: Known | None = None) -> list[tuple[int, int]]:
    """Where `term` occurs in the document's text; an empty list if it does not. `known`: what
    the live index has looked up of the term already, for the places of its Mongolian words
    and the spans of its pinyin readings."""
    if known is not None:
        return _known_spans(term, doc, known)
    spans: list[tuple[int, int]] = []
    for form in term.han:
        start = doc.text.find(form)
        while start >= 0:
            spans.append((start, start + len(form)))
            start = doc.text.find(form, start + 1)
    for reading in term.pinyin:
        spans += pinyin_spans(doc.text, reading, tables)
    for token in term.latin:
        if token and token in doc.latin_tokens:
            spans += [(m.start(), m.end()) for m in LATIN.finditer(doc.lowered) if m.group() == token]
    if term.mongolian or term.shapes:
        wanted = {i for k in term.mongolian for i in doc.words_keyed(k)}
        wanted.update(i for shape in term.shapes for i in doc.words_by["shape"].get(shape, ()))
        wanted.update(i for sound in term.sounds for i in doc.words_by["sound"].get(sound, ()))
        positions = doc.word_spans
        spans += [positions[i] for i in wanted if i < len(positions)]
    return sorted(set(spans))


def _known_spans(term: Term, doc: Document, known: Known) -> list[tuple[int, int]]:
    """`term_spans` from what the live index looked up: only the Chinese forms and Latin
    tokens are looked for in the text."""
    sources: list[list[tuple[int, int]]] = []
    for form in term.han:
        start = doc.text.find(form)
        while start >= 0:
            sources.append([(start, start + len(form))])
            start = doc.text.find(form, start + 1)
    if readings := known.readings.get(doc.order):
        sources.append(readings)
    for token in term.latin:
        if token and token in doc.latin_tokens:
            sources.append([(m.start(), m.end()) for m in LATIN.finditer(doc.lowered) if m.group() == token])
    if places := known.words.get(doc.order):
        positions = doc.word_spans  # word places are in text order
        words = [positions[i] for i in sorted(places) if i < len(positions)]
        if not sources:
            return words
        sources.append(words)
    return sorted({span for spans in sources for span in spans})


@dataclass(frozen=True)
class Known:
    """What the live index has looked up of one term, by paragraph (`Document.order`)."""

    words: dict[int, set[int]]  # the places of the Mongolian words it finds
    readings: dict[int, list[tuple[int, int]]]  # the spans of its pinyin readings
    spelt: set[int]  # paragraphs with a word it finds by its key, not only by its outline


@dataclass(frozen=True)
class Hit:
    doc: Document
    score: float
    marks: tuple[list[tuple[int, int]], ...]  # the spans of each term found, each in order

    @cached_property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every place a term was found, in order: what a snippet marks."""
        if len(self.marks) == 1:
            return tuple(self.marks[0])
        return tuple(sorted(set().union(*self.marks)))


def find(
    terms: list[Term],
    candidates: list[list[Document]],
    tables: Tables,
    cleaned: str,
    total: int,
    known: list[Known] | None = None,
) -> list[Hit]:
    """The results, ranked as the module docstring says. `candidates[i]` holds every paragraph
    term i may occur in (a superset: each is confirmed here); `total` is the number of
    paragraphs searched; `known[i]`, what the live index looked up of term i. A term is looked
    for only among its own candidates, so the cost grows with what the terms find, not with
    the terms times all the candidates."""
    found: dict[int, tuple[Document, list]] = {}  # paragraph's order → it, (term, spans) in term order
    counts = [0] * len(terms)
    for i, (term, docs) in enumerate(zip(terms, candidates, strict=True)):
        given = known[i] if known else None
        for doc in docs:
            if spans := term_spans(term, doc, tables, given):
                found.setdefault(doc.order, (doc, []))[1].append((i, spans))
                counts[i] += 1
    # Square roots are exact in every language (IEEE 754), so the browser gets the same weights.
    weights = [
        math.sqrt(math.sqrt((total + 1) / (df + 1))) * (WEAK if t.weak else 1.0)
        for t, df in zip(terms, counts, strict=True)
    ]
    scoring = _Scoring(terms, weights, cleaned, known)
    return [hit for doc, spans in found.values() if (hit := scoring.score(doc, spans))]


class _Scoring:
    """The score of each paragraph found (module docstring), with what all of them share
    worked out once: the weight of the whole query, and whether a term is in a section title
    (the paragraphs of a section share it)."""

    def __init__(self, terms: list[Term], weights: list[float], cleaned: str, known: list[Known] | None):
        self.terms, self.weights, self.cleaned, self.known = terms, weights, cleaned, known
        self.whole = sum(weights)
        self.weak = [t.weak for t in terms]
        self.sounds = [bool(t.sounds) for t in terms]
        self.phrase = cleaned if len(cleaned) > 1 else ""
        self.titles: dict[tuple[int, str], bool] = {}

    def in_title(self, i: int, doc: Document) -> bool:
        found = self.titles.get((i, doc.title))
        if found is None:
            term = self.terms[i]
            line = doc.title_line
            found = self.titles[i, doc.title] = any(form in doc.title for form in term.han) or any(
                f" {k} " in line or (len(k) >= MIN_PREFIX and f" {k}" in line) for k in term.mongolian
            )
        return found

    def spelt(self, i: int, doc: Document) -> bool:
        """Whether the paragraph has a word that term i finds by its key (its spelling)."""
        if self.known:
            return doc.order in self.known[i].spelt
        return any(doc.words_keyed(k) for k in self.terms[i].mongolian)

    def score(self, doc: Document, matched: list[tuple[int, list]]) -> Hit | None:
        """`matched`: (term, its spans) for each term the paragraph has, in the query's order."""
        weak, weights = self.weak, self.weights
        if all(weak[i] for i, _ in matched):
            return None  # only filler words or stray characters: not an answer
        covered, bonus = 0.0, 0.0
        lead_start, lead_end = doc.lead
        for i, found in matched:
            weight = weights[i]
            covered += weight
            extra = 0.1 * min(len(found), 3)
            if lead_end and found[0][0] < lead_end and any(lead_start <= start < lead_end for start, _ in found):
                extra += 0.5
            if self.in_title(i, doc):
                extra += 0.5
            if self.sounds[i] and self.spelt(i, doc):
                extra += 0.5  # the spelling itself, not only its consonant outline
            bonus += weight * extra
        value = 100 * covered / self.whole + bonus
        if self.phrase and self.phrase in doc.lowered:
            value += PHRASE_BONUS
        return Hit(doc, value, tuple(found for _, found in matched))


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
