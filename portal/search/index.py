"""The live search: a Whoosh index (whoosh-reloaded) of the plan's paragraphs, in memory.

Whoosh answers "which paragraphs can match" from fields made for each kind of term; the
rules of `analysis` then confirm and rank them, so the live answers are exactly what the
browser search of the frozen site computes. Queries are built as Whoosh query objects,
never parsed from the reader's text, so AND, quotes, * or : typed by accident are just text.

Fields, one per kind of alternative:
  han2  Chinese character bigrams at their offsets
  han1  single Chinese characters, for one-character queries
  py    pinyin readings, one or more per character at its offset
  lat   Latin and digit tokens (5g, ipv6, 2035)
  mnl   loose Latin keys of Mongolian words (prefix queries find inflected forms)
  mns   shape keys of Mongolian words
"""

from __future__ import annotations

import tempfile
import threading
from collections import Counter

from whoosh import fields, query
from whoosh.analysis import Token, Tokenizer
from whoosh.filedb.filestore import FileStorage, RamStorage

from .analysis import HAN, MIN_PREFIX, Document, Hit, Tables, clean_query, find, parse, rank


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


class _ReadingsTokenizer(Tokenizer):
    """Pinyin readings of each Chinese character, all at the character's offset."""

    def __init__(self, readings: dict[str, tuple[str, ...]]):
        self.readings = readings

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
        for offset, ch in enumerate(value):
            for reading in self.readings.get(ch, ()):
                token.text, token.stopped, token.boost = reading, False, 1.0
                if positions:
                    token.pos = offset
                yield token


def _schema(tables: Tables) -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        han2=fields.TEXT(analyzer=_HanTokenizer(2), phrase=True),
        han1=fields.TEXT(analyzer=_HanTokenizer(1), phrase=False),
        py=fields.TEXT(analyzer=_ReadingsTokenizer(tables.pinyin), phrase=True),
        lat=fields.KEYWORD(lowercase=True),
        mnl=fields.KEYWORD(),
        mns=fields.KEYWORD(),
        snd=fields.KEYWORD(),
    )


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
        self.docs = {doc.id + "/" + doc.lang: doc for doc in docs}
        self.index = _PrivateRamStorage().create_index(_schema(tables))
        self._local = threading.local()
        writer = self.index.writer(limitmb=256)  # the whole pool in memory at ten times the plan
        for key, doc in self.docs.items():
            writer.add_document(
                id=key,
                han2=doc.text,
                han1=doc.text,
                py=doc.text,
                lat=" ".join(doc.latin_tokens),
                mnl=" ".join(doc.mongolian_keys),
                mns=" ".join(doc.shape_keys),
                snd=" ".join(doc.sound_keys),
            )
        writer.commit()
        tables.reading_places  # noqa: B018  (for pinyin one slip away; made now, not by a search)
        for doc in docs:  # the word maps, made now rather than by the first search
            doc.sorted_keys, doc.word_spans, doc.lowered  # noqa: B018
        self.key_of = {docnum: stored["id"] for docnum, stored in self.searcher.iter_docs()}
        self.counts = Counter(doc.lang for doc in self.docs.values())  # paragraphs per language

    @property
    def searcher(self):
        """This thread's searcher."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = self.index.searcher()
        return searcher

    def _alternatives(self, terms) -> list[query.Query]:
        alternatives: list[query.Query] = []
        for term in terms:
            for form in term.han:
                if len(form) == 1:
                    alternatives.append(query.Term("han1", form))
                else:
                    bigrams = [form[i : i + 2] for i in range(len(form) - 1)]
                    alternatives.append(query.And([query.Term("han2", b) for b in bigrams]))
            for reading in term.pinyin:
                alternatives.append(query.And([query.Term("py", syllable) for syllable in reading]))
            alternatives += [query.Term("lat", token) for token in term.latin if token]
            for key in term.mongolian:
                alternatives.append(query.Prefix("mnl", key) if len(key) >= MIN_PREFIX else query.Term("mnl", key))
            alternatives += [query.Term("mns", shape) for shape in term.shapes if shape]
            alternatives += [query.Term("snd", sound) for sound in term.sounds]
        return alternatives

    def search(self, text: str, lang: str, only: bool = False) -> list[Hit]:
        """Every paragraph the query finds, best first, the reader's language first. `only`:
        search the reader's language alone, as if the other were not there (how rare a word
        is counts in that language), as the browser does with only that language's index."""
        terms = parse(text, self.tables)
        if not terms:
            return []
        # An AND of bigrams (or syllables) is a superset of the phrase; `score` confirms the
        # exact substring, which costs far less than Whoosh's pure-Python span matching.
        # Unscored document sets per alternative are cheaper than one big OR matcher.
        candidates: set[int] = set()
        for alternative in self._alternatives(terms):
            candidates.update(self.searcher.docs_for_query(alternative))
        docs = [self.docs[self.key_of[docnum]] for docnum in sorted(candidates)]
        total = len(self.docs)
        if only:
            docs = [doc for doc in docs if doc.lang == lang]
            total = self.counts.get(lang, 0)
        return rank(find(terms, docs, self.tables, clean_query(text), total), lang)
