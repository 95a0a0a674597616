"""Full-text search over the plan: live (Whoosh) and in the browser (frozen site).

`analysis` defines what a query finds; `index` serves it live from a Whoosh index;
`browser` writes the browser's index for `static/js/search-engine.js`. All three start from
`documents()` and `build_tables()`, which read only the Plan model.
"""

from __future__ import annotations

from functools import lru_cache

from ..model.plan import Plan
from .analysis import Document, Tables, make_document


def documents(plans: dict[str, Plan]) -> list[Document]:
    """Every paragraph that has text in its language: a missing translation is not indexed."""
    docs, order = [], 0
    for lang, plan in plans.items():
        for chapter in plan.chapters:
            for section in chapter.sections:
                for paragraph in section.paragraphs:
                    if paragraph.status == "missing":
                        continue
                    title = section.title if section.title_lang == lang else ""
                    docs.append(
                        make_document(
                            paragraph.id,
                            lang,
                            chapter.number,
                            section.number,
                            order,
                            paragraph.text,
                            paragraph.lead,
                            title,
                        )
                    )
                    order += 1
    return docs


def chinese_corpus(docs: list[Document]) -> str:
    """The Chinese text as one string; the browser builds the same from its index."""
    return "\n".join(doc.text for doc in docs if doc.lang == "zh")


def merge_groups(*sources: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Synonym groups from several sources, side by side. Groups are never chained: a form
    finds the members of every group it belongs to, but not their other groups' members, so
    草畜平衡 and 草原奖补 stay apart even if some colloquial form sits near both."""
    return tuple(dict.fromkeys(group for groups in sources for group in groups))


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def build_tables(
    docs: list[Document], synonyms: tuple[tuple[str, ...], ...], colloquial: dict[str, tuple[str, ...]] | None = None
) -> Tables:
    """Readings and traditional forms of the characters the Chinese text uses, synonyms, and
    the everyday words of `content/colloquial.yaml`."""
    from pypinyin import Style, pinyin

    corpus = chinese_corpus(docs)
    characters = sorted({ch for ch in corpus if "\u3400" <= ch <= "\u9fff"})
    readings = {
        ch: tuple(dict.fromkeys(r.replace("ü", "v") for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0]))
        for ch in characters
    }
    return Tables(
        t2s=_traditional_forms(characters),
        pinyin=readings,
        synonyms=synonyms,
        corpus=corpus,
        colloquial=dict(colloquial or {}),
    )


def _traditional_forms(characters: list[str]) -> dict[str, str]:
    """Traditional characters a reader may type for the text's simplified ones (種 → 种).

    The forms OpenCC writes for Taiwan, Hong Kong and standard traditional text: what
    traditional-character keyboards produce, without the rare variants of the full tables.
    """
    import opencc

    wanted = set(characters)
    table = {}
    for config in ("s2t", "s2tw", "s2hk"):
        converter = opencc.OpenCC(config)
        for ch in characters:
            form = converter.convert(ch)
            if form != ch and len(form) == 1 and _converter().convert(form) in wanted:
                table[form] = _converter().convert(form)
    return table
