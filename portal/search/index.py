"""The live search: a Whoosh index (whoosh-reloaded) of the plan's paragraphs, in memory.

Whoosh answers "which paragraphs can match" a Chinese term; words (Latin tokens and the keys
of Mongolian words) are looked up in maps made when the index is built, and pinyin in the
places `Tables.reading_starts` knows of each reading in the Chinese text. The rules of
`analysis` then confirm and rank the paragraphs, so the live answers are exactly what the
browser search of the frozen site computes. Queries are built as Whoosh query objects, never
parsed from the reader's text, so AND, quotes, * or : typed by accident are just text.

Whoosh fields:
  han2  Chinese character bigrams at their offsets
  han1  single Chinese characters, for one-character queries
Word maps (`Words`), key → paragraphs:
  latin  Latin and digit tokens (5g, ipv6, 2035)
  key    loose Latin keys of Mongolian words (a key of MIN_PREFIX letters or more also
         finds the longer keys it starts, the inflected forms)
  shape  shape keys of Mongolian words
  sound  consonant outlines of Mongolian words
"""

from __future__ import annotations

import bisect
import tempfile
import threading
from collections import Counter

from whoosh import fields, query
from whoosh.analysis import Token, Tokenizer
from whoosh.filedb.filestore import FileStorage, RamStorage

from .analysis import HAN, MIN_PREFIX, Document, Hit, Known, Tables, clean_query, find, parse, pinyin_spans, rank


class _HanTokenizer(Tokenizer):
    """Bigrams (size 2) or single characters (size 1) of every Chinese run, at their offsets."""

    def __init__(self, size: int):
        self.size = size

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for run in HAN.finditer(value):
            text = run.group()
            for i in range(len(text) - self.size + 1):
                token.text, token.stopped, token.boost = text[i : i + self.size], False, 1.0
                if positions:
                    token.pos = run.start() + i
                yield token


def _schema(tables: Tables) -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        han2=fields.TEXT(analyzer=_HanTokenizer(2), phrase=True),
        han1=fields.TEXT(analyzer=_HanTokenizer(1), phrase=False),
    )


class Words:
    """Which paragraphs hold a word, and where: made once from the documents, so that a term
    is looked up, where Whoosh's prefix queries cost a millisecond each and comparing it with
    every word of every candidate costs more. Paragraphs are known by `Document.order`."""

    def __init__(self, docs: list[Document]):
        self.latin: dict[str, set[int]] = {}
        # kind of key ("key", "shape", "sound") → key → paragraph → places of its words
        self.places: dict[str, dict[str, dict[int, list[int]]]] = {"key": {}, "shape": {}, "sound": {}}
        for doc in docs:
            for token in doc.latin_tokens:
                self.latin.setdefault(token, set()).add(doc.order)
            for kind, keys in (("key", doc.mongolian_keys), ("shape", doc.shape_keys), ("sound", doc.sound_keys)):
                for i, key in enumerate(keys):
                    self.places[kind].setdefault(key, {}).setdefault(doc.order, []).append(i)
        self.sorted_keys = sorted(self.places["key"])

    def keys_found(self, key: str) -> list[str]:
        """The keys of the text that `key` finds: itself, and the longer ones it starts if it
        is long enough (`analysis.Document.words_keyed` for one paragraph)."""
        if len(key) < MIN_PREFIX:
            return [key] if key in self.places["key"] else []
        keys, i = [], bisect.bisect_left(self.sorted_keys, key)
        while i < len(self.sorted_keys) and self.sorted_keys[i].startswith(key):
            keys.append(self.sorted_keys[i])
            i += 1
        return keys

    def word_places(self, term) -> tuple[dict[int, set[int]], set[int]]:
        """Paragraph → the places of its Mongolian words that `term` finds; and the paragraphs
        where it finds one by its key, not only by its consonant outline."""
        found: dict[int, set[int]] = {}
        spelt: set[int] = set()
        wanted = [("key", k) for key in term.mongolian for k in self.keys_found(key)]
        wanted += [("shape", shape) for shape in term.shapes] + [("sound", sound) for sound in term.sounds]
        for kind, key in wanted:
            for order, places in self.places[kind].get(key, {}).items():
                found.setdefault(order, set()).update(places)
                if kind == "key":
                    spelt.add(order)
        return found, spelt


class Readings:
    """Where a pinyin reading occurs in each paragraph: the places `Tables.reading_starts`
    finds in the Chinese text, cut back into paragraphs, instead of a pattern run over every
    paragraph that holds the syllables somewhere. Chinese characters in a paragraph of another
    language are not in that text; those few paragraphs are read with the pattern."""

    def __init__(self, docs: list[Document], tables: Tables):
        self.tables = tables
        chinese = [doc for doc in docs if doc.lang == "zh"]
        self.starts, self.orders, offset = [], [], 0
        for doc in chinese:  # the Chinese text is these paragraphs joined by newlines
            self.starts.append(offset)
            self.orders.append(doc.order)
            offset += len(doc.text) + 1
        self.lengths = {doc.order: len(doc.text) for doc in chinese}
        self.others = [doc for doc in docs if doc.lang != "zh" and HAN.search(doc.text)]
        if "\n".join(doc.text for doc in chinese) != tables.corpus:  # tables of other paragraphs
            self.starts, self.orders = [], []
            self.others = [doc for doc in docs if HAN.search(doc.text)]

    def spans(self, term) -> dict[int, list[tuple[int, int]]]:
        """Paragraph → the spans of the pinyin readings of `term` in it."""
        found: dict[int, list[tuple[int, int]]] = {}
        for reading in term.pinyin:
            for start in self.tables.reading_starts(reading) if self.starts else ():
                k = bisect.bisect_right(self.starts, start) - 1
                at = start - self.starts[k]
                found.setdefault(self.orders[k], []).append((at, at + len(reading)))
            for doc in self.others:
                if spans := pinyin_spans(doc.text, reading, self.tables):
                    found.setdefault(doc.order, []).extend(spans)
        return found


class _PrivateRamStorage(RamStorage):
    """Whoosh's RamStorage spills a large writer's pool to `$TMPDIR/MAIN.tmp`, one fixed path,
    so two index builds at once (two dev servers, a server and a test) collide. Spill files go
    to a folder of this index's own instead."""

    def temp_storage(self, name=None):
        return FileStorage(tempfile.mkdtemp(prefix="portal-index-")).create()


class LiveSearch:
    """The live index. A Whoosh searcher must not be shared by threads (its readers keep file
    positions), so each thread that searches opens its own over the same in-memory index."""

    def __init__(self, docs: list[Document], tables: Tables):
        self.tables = tables
        self.paragraphs = {doc.order: doc for doc in {doc.id + "/" + doc.lang: doc for doc in docs}.values()}
        self.index = _PrivateRamStorage().create_index(_schema(tables))
        self._local = threading.local()
        writer = self.index.writer(limitmb=256)  # the whole pool in memory at ten times the plan
        for order, doc in self.paragraphs.items():
            writer.add_document(id=str(order), han2=doc.text, han1=doc.text)
        writer.commit()
        self.words = Words(list(self.paragraphs.values()))
        self.readings = Readings(list(self.paragraphs.values()), tables)
        tables.reading_places, tables.syllables_less_one  # noqa: B018  (made now, not by a search)
        for doc in docs:  # the word maps, made now rather than by the first search
            doc.sorted_keys, doc.word_spans, doc.lowered, doc.title_line  # noqa: B018
        self.order_of = {docnum: int(stored["id"]) for docnum, stored in self.searcher.iter_docs()}
        self.counts = Counter(doc.lang for doc in self.paragraphs.values())  # paragraphs per language

    @property
    def searcher(self):
        """This thread's searcher."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = self.index.searcher()
        return searcher

    def _chinese(self, term, postings: dict[str, set[int]]) -> set[int]:
        """Paragraphs that may hold a Chinese form of `term`: those with its first, middle and
        last bigram (a superset, which `find` confirms). `postings` keeps what Whoosh said of
        each bigram or character for the rest of the query: synonym forms share many."""

        def having(field: str, text: str) -> set[int]:
            if text not in postings:
                docnums = self.searcher.docs_for_query(query.Term(field, text))
                postings[text] = {self.order_of[docnum] for docnum in docnums}
            return postings[text]

        found: set[int] = set()
        for form in term.han:
            if len(form) == 1:
                found |= having("han1", form)
                continue
            picked = sorted({0, (len(form) - 2) // 2, len(form) - 2})
            sets = sorted((having("han2", form[i : i + 2]) for i in picked), key=len)
            found |= sets[0].intersection(*sets[1:])
        return found

    def search(self, text: str, lang: str, only: bool = False) -> list[Hit]:
        """Every paragraph the query finds, best first, the reader's language first. `only`:
        search the reader's language alone, as if the other were not there (how rare a word
        is counts in that language), as the browser does with only that language's index."""
        terms = parse(text, self.tables)
        if not terms:
            return []
        # Each term is looked for only in the paragraphs that may hold it (a superset, which
        # `find` confirms: a substring test costs far less than Whoosh's span matching).
        candidates, known, postings = [], [], {}
        for term in terms:
            (words, spelt), read = self.words.word_places(term), self.readings.spans(term)
            found = set(words).union(read, *(self.words.latin.get(token, ()) for token in term.latin))
            found |= self._chinese(term, postings)
            docs = [self.paragraphs[order] for order in found]
            candidates.append([doc for doc in docs if doc.lang == lang] if only else docs)
            known.append(Known(words, read, spelt))
        total = self.counts.get(lang, 0) if only else len(self.paragraphs)
        return rank(find(terms, candidates, self.tables, clean_query(text), total, known), lang)
