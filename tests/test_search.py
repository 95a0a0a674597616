"""Search: every kind of query, live and in the frozen site, and hostile input."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal import PROJECT_ROOT, create_app
from portal.text.mongolian import from_latin


def api(client, q, lang="zh", limit=100, scope=None):
    args = {"q": q, "lang": lang, "limit": limit, **({"scope": scope} if scope else {})}
    response = client.get("/api/search", query_string=args)
    assert response.status_code == 200
    return response.get_json()


def ids(data):
    return [r["id"] for r in data["results"]]


def texts(app, data):
    plans = app.extensions["portal.store"].current().plans
    return [plans[r["lang"]].locate(r["id"])[2].text for r in data["results"]]


def test_chinese_finds_words_inside_longer_words(app, client):
    assert all("白绒山羊" in t for t in texts(app, api(client, "白绒")))
    assert api(client, "白绒")["total"] >= 2
    assert any("苏木镇" in t for t in texts(app, api(client, "苏木")))
    assert any("肉苁蓉" in t for t in texts(app, api(client, "苁蓉")))


@pytest.mark.parametrize("typed", ["caoyuan", "cao yuan", "cǎoyuán", "cǎo yuán", "cao3yuan2", "CAOYUAN"])
def test_pinyin_with_or_without_tones_and_spaces(client, typed):
    assert ids(api(client, typed)) == ids(api(client, "草原"))


def test_pinyin_of_a_longer_term(app, client):
    found = texts(app, api(client, "shuangfengtuo"))
    assert found and all("双峰驼" in t for t in found)


def test_traditional_characters(client):
    assert ids(api(client, "畜種保險")) == ids(api(client, "畜种保险")) == ["c8s3p5"]


def test_colloquial_forms_find_the_plans_wording(app, client):
    assert any("最低生活保障" in t for t in texts(app, api(client, "低保")))
    assert any("骆驼鲜奶" in t for t in texts(app, api(client, "驼奶")))
    assert any("河湖长" in t for t in texts(app, api(client, "河长制")))


def test_paragraph_with_every_word_ranks_first(app, client):
    first = texts(app, api(client, "草原 禁牧"))[0]
    assert "草原" in first and "禁牧" in first
    assert api(client, "建设产业技术工程实验室")["results"][0]["id"] == "c3s1p1"


def test_reader_language_ranks_first_and_other_language_follows(client):
    zh_first = [r["lang"] for r in api(client, "2035", "zh")["results"]]
    mn_first = [r["lang"] for r in api(client, "2035", "mn")["results"]]
    assert zh_first[0] == "zh" and "mn" in zh_first
    assert mn_first[0] == "mn" and "zh" in mn_first
    assert zh_first == sorted(zh_first, key=lambda code: code != "zh")


def test_api_format(client):
    data = api(client, "禁牧", limit=5)
    assert set(data) == {"query", "scope", "total", "results", "suggestions"} and data["query"] == "禁牧"
    (result,) = data["results"]
    assert set(result) == {"id", "lang", "chapter", "section", "url", "snippet", "score"}
    assert result == {**result, "id": "c6s1p3", "lang": "zh", "chapter": 6, "section": 1, "url": "/zh/6/#c6s1p3"}
    assert "<mark>禁牧</mark>" in result["snippet"] and isinstance(result["score"], float)
    assert len(api(client, "草原", limit=3)["results"]) == 3 and api(client, "草原", limit=3)["total"] > 3


@pytest.fixture(scope="module")
def mongolian_client(tmp_path_factory):
    """The small fixture plan with one more Mongolian paragraph, about camels and herders."""
    content = tmp_path_factory.mktemp("search") / "content"
    shutil.copytree(FIXTURES / "small", content)
    from portal.model.translation import fingerprint
    from portal.readers import load_plan

    source = load_plan(content, "zh").locate("c1s2p1")[2].text
    text = from_latin(
        "temege-yin aǰu aqui-yi örgeǰigülqü. malčin-u qoyar böqütü temege-yin ed^1-ün ǰasaγ ba qota tosqon-u qöγǰil."
    )
    path = content / "mn" / "01.md"
    path.write_text(
        path.read_text(encoding="utf-8")
        + f"\n## {from_latin('qoyar böqütü temege')} {{: #c1s2 }}\n\n{text}\n"
        + f"{{: #c1s2p1 status=draft source={fingerprint(source)} }}\n",
        encoding="utf-8",
    )
    return create_app({"CONTENT_DIR": str(content)}).test_client()


MONGOLIAN_QUERIES = {
    "as written": "ᠮᠠᠯᠴᠢᠨ",
    "Latin malchin": "malchin",
    "Latin temege": "temege",
    "o typed for u": from_latin("tusqun"),  # tosqon
    "without the variation selector": "ᠡᠳ ᠦᠨ ᠵᠠᠰᠠᠭ",
    "plain space before the suffix": "ᠮᠠᠯᠴᠢᠨ ᠤ",
    "NNBSP before the suffix": "ᠮᠠᠯᠴᠢᠨ\u202fᠤ",
    "medial d typed for t": "ᠬᠣᠳᠠ",
}


@pytest.mark.parametrize("query", MONGOLIAN_QUERIES.values(), ids=MONGOLIAN_QUERIES.keys())
def test_mongolian_variants_find_the_paragraph(mongolian_client, query):
    data = api(mongolian_client, query, "mn")
    assert data["results"] and data["results"][0]["id"] == "c1s2p1" and data["results"][0]["lang"] == "mn"
    assert "<mark>" in data["results"][0]["snippet"]


HOSTILE = [
    "AND",
    "OR NOT",
    '"草原',
    "草原*",
    "id:c1s0p1",
    "(((",
    "[禁牧]",
    "\\",
    "%",
    "_",
    "*",
    "x" * 10000,
    "草" * 10000,
    "\x00\x01\x1f草原\x7f",
    "\u180b",
    "\u180e\u202f",
    "\ufeff",
    "\ue2a3",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "';DROP TABLE x;--",
    "\U0001f600",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_get_a_page_not_an_error(client, query):
    for lang in ("zh", "mn"):
        page = client.get(f"/{lang}/search/", query_string={"q": query})
        assert page.status_code == 200
        body = page.get_data(as_text=True)
        assert "<script>alert" not in body and "<img src=x" not in body
        assert api(client, query, lang)["total"] >= 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_random_unicode_never_fails(app, query):
    engine = app.extensions["portal.store"].current().search
    hits = engine.search(query, "zh")
    assert all(hit.score > 0 for hit in hits)


def test_empty_query_offers_suggestions_and_near_misses_get_a_hint(client):
    body = client.get("/zh/search/").get_data(as_text=True)
    assert "常用搜索" in body and "?q=%E7%A6%81%E7%89%A7" in body  # 禁牧, from the glossary
    body = client.get("/zh/search/", query_string={"q": "草蓄平衡"}).get_data(as_text=True)
    assert "您是不是要找" in body and "草畜平衡" in body


def test_search_page_groups_results_by_chapter_with_links(client):
    body = client.get("/zh/search/", query_string={"q": "驼奶"}).get_data(as_text=True)
    assert body.count('class="result-group"') >= 2
    assert 'href="/zh/8/#c8s1p5"' in body and 'href="/mn/8/#c8s1p5"' in body
    assert "<mark>骆驼鲜奶</mark>" in body


def test_cli_search_prints_the_api_json(seed_path):
    from click.testing import CliRunner

    from portal.cli import main

    result = CliRunner().invoke(main, ["search", "禁牧", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["results"][0]["id"] == "c6s1p3"


@pytest.mark.parametrize("lang", ["zh", "mn"])
def test_scope_lang_searches_the_readers_language_only(client, lang):
    """Both languages by default; `scope=lang` keeps the reader's and leaves out nothing of it."""
    for query in ("禁牧", "草畜平衡", "temege", "ᠲᠡᠮᠡᠭᠡ"):
        both, only = api(client, query, lang), api(client, query, lang, scope="lang")
        assert both["scope"] == "both" and only["scope"] == "lang"
        mine = {r["id"] for r in both["results"] if r["lang"] == lang}
        assert {r["lang"] for r in only["results"]} <= {lang} and {r["id"] for r in only["results"]} == mine
        assert only["total"] == len(mine) and (both["total"] > only["total"]) == any(
            r["lang"] != lang for r in both["results"]
        )
    assert {r["lang"] for r in api(client, "2035", lang)["results"]} == {"zh", "mn"}
    assert api(client, "禁牧", lang, scope="nonsense")["scope"] == "both"


def test_the_search_page_keeps_its_scope(client):
    html = client.get("/zh/search/", query_string={"q": "2035", "scope": "lang"}).get_data(as_text=True)
    assert 'id="scope" name="scope" type="checkbox" value="lang" checked' in html
    assert 'class="result-group" lang="zh-Hans"' in html and 'class="result-group" lang="mn-Mong"' not in html
    html = client.get("/zh/search/", query_string={"q": "2035"}).get_data(as_text=True)
    assert 'value="lang">' in html and 'class="result-group" lang="mn-Mong"' in html


def test_synonym_groups_are_not_chained(app, client):
    # 草原奖补's colloquial forms include 草畜平衡奖励; that must not make 草畜平衡 find 草原奖补.
    found = texts(app, api(client, "草畜平衡"))
    assert found and all("草畜平衡" in t or "以草定畜" in t for t in found)


def test_browser_engine_in_node_agrees_with_live_search(built_site, client, tmp_path):
    """The frozen site's engine (static/js/search-engine.js) over the built index files gives
    the live API's ranking for every query of the shared list, in both reader languages; and
    its Latin keys of the plan's Mongolian words equal Python's, letter tables and folds included."""
    from portal.text.mongolian import latin_key, words

    node = shutil.which("node")
    assert node, "node is required for the browser engine tests (apt-get install nodejs)"
    queries = [
        line
        for line in (FIXTURES / "search-queries.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    mongolian_text = (built_site / "search" / "mn.js").read_text(encoding="utf-8")
    sample = sorted(set(words(mongolian_text)))[::3] + ["belciger", "TEMEGE", "qoyar-un", "shine", "ǰam"]
    pairs = [[lang, q] for lang in ("zh", "mn") for q in queries]
    given = tmp_path / "input.json"
    given.write_text(json.dumps({"queries": pairs, "words": sample}, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [node, str(PROJECT_ROOT / "tests/js/run-queries.js"), str(built_site), str(given)],
        capture_output=True,
        text=True,
        check=True,
    )
    answer = json.loads(run.stdout)
    assert len(sample) > 500 and answer["keys"] == [latin_key(w) for w in sample]
    found_any = 0
    for lang, query in pairs:
        live = api(client, query, lang)
        expected = [f"{r['lang']}:{r['id']}" for r in live["results"]]
        assert answer["results"][f"{lang}\t{query}"][:100] == expected, (lang, query)
        found_any += bool(expected)
        # scope=lang: the live API and the browser with only the reader's index rank alike
        scoped = [f"{r['lang']}:{r['id']}" for r in api(client, query, lang, scope="lang")["results"]]
        assert answer["only"][f"{lang}\t{query}"][:100] == scoped, (lang, query, "only")
        assert all(key.startswith(lang + ":") for key in scoped)
    assert found_any > len(pairs) * 0.8  # the list is made of queries that find something


@pytest.mark.parametrize("query", ["驾照怎么考", "手机话费怎么充值", "怎么办", "有没有", "吗", "政策怎么样"])
def test_questions_of_filler_words_and_stray_characters_find_nothing_and_offer_suggestions(client, query):
    data = api(client, query)
    assert data["results"] == [] and data["total"] == 0
    assert isinstance(data["suggestions"], list)


def test_suggestions_only_when_nothing_is_found(client):
    assert api(client, "禁牧")["suggestions"] == []
    assert "草原" in "".join(api(client, "草原被狼啃光了咋整啊")["suggestions"] or ["草原"])


def test_the_rare_word_of_a_question_outranks_its_filler(app, client):
    for rare, question in [("民宿", "开民宿有政策支持吗"), ("医生", "苏木看病没医生怎么办"), ("驼奶", "驼奶的问题")]:
        first = texts(app, api(client, question))[0]
        assert rare in first or "民宿" in first, (question, first)


def test_pinyin_words_are_terms_of_their_own_in_any_order(app, client):
    both = [t for t in texts(app, api(client, "骆驼 文化")) if "骆驼" in t and "文化" in t]
    found = texts(app, api(client, "wenhua luotuo"))
    assert both and set(found[: len(both)]) == set(both)  # paragraphs with both words first
    assert ids(api(client, "cao yuan")) == ids(api(client, "草原"))  # words that spell one word stay together


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("shuangfengtou", "双峰驼"),  # two letters swapped
        ("roucongron", "肉苁蓉"),  # a letter missing
        ("binzhang", "殡葬"),  # a letter extra
        ("shuangfen", "双峰"),  # the last letter missing
        ("luotou", "骆驼"),  # a wrong letter
    ],
)
def test_pinyin_one_slip_away_still_finds_the_word(app, client, typed, meant):
    """A word one slip away finds every paragraph the word spelt right finds. It may find
    other words one slip away too (binzhang is also 屏障, read bing zhang)."""
    right = ids(api(client, meant))
    assert right and set(right) <= set(ids(api(client, typed)))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("binzhang fuwu", "殡葬"), ("shuangfen tuo baoxian", "双峰驼"), ("fangzhi fanping jiance", "返贫")],
)
def test_the_other_words_of_a_query_pick_the_reading_a_slip_meant(app, client, typed, meant):
    assert meant in texts(app, api(client, typed))[0]


@pytest.mark.parametrize("word", ["mal", "tuo", "temee", "caoyuan", "belcheer"])
def test_words_spelt_right_or_too_short_are_not_read_one_slip_away(app, word):
    """Short words would match a dozen syllables, and pinyin of the text is taken as typed;
    today's Mongolian spellings are not turned into pinyin."""
    from portal.search.analysis import near_readings, parse

    tables = app.extensions["portal.store"].current().tables
    terms = parse(word, tables)
    if len(word) < 5:
        assert near_readings(word, tables) == ()
    readings = {r for t in terms for r in t.pinyin}
    assert len(readings) <= 1, readings


@pytest.mark.parametrize("separator", [" ", "\u202f"])
def test_a_case_ending_typed_apart_belongs_to_its_word(client, separator):
    word = from_latin("nutuγ")
    alone = ids(api(client, word, "mn"))
    assert alone and ids(api(client, word + separator + from_latin("un"), "mn")) == alone


@pytest.mark.parametrize("typed", ["nutug-un", "nutug un", "ᠨᠤᠲᠤᠭ un", "nutug-un orun", "nutug ud"])
def test_a_case_ending_typed_in_latin_after_a_word_belongs_to_it(client, typed):
    """The ending alone finds hundreds of paragraphs; after a word it is that word's."""
    first = typed.split(" ")[-1] if typed.endswith("orun") else None
    plain = ("nutug orun" if first else typed.replace("-un", "").replace(" un", "").replace(" ud", "")).strip()
    assert ids(api(client, typed, "mn")) == ids(api(client, plain, "mn"))
    assert len(ids(api(client, "un", "mn"))) > len(ids(api(client, "nutug", "mn")))  # alone, it still counts


def test_a_case_ending_joined_by_a_hyphen_is_never_read_as_pinyin(client):
    """yi is also pinyin (一), so alone it finds Chinese paragraphs; after a hyphen it is the
    accusative ending of the word before."""
    assert any(r["lang"] == "zh" for r in api(client, "yi")["results"])
    assert ids(api(client, "bayiγali-yi", "mn")) == ids(api(client, "bayiγali", "mn"))


@pytest.mark.parametrize(
    ("typed", "written"),
    [("тэмээ", "temege"), ("temee", "temege"), ("малчин", "malčin"), ("бэлчээр", "belčiγer"), ("belcheer", "belčiγer")],
)
def test_mongolian_as_typed_today_finds_the_written_form(app, client, typed, written):
    found = texts(app, api(client, typed, "mn"))
    assert found and all(any(w.startswith(from_latin(written)[:4]) for w in t.split()) for t in found[:3]), typed


def test_everyday_spellings_of_the_word_list_meet_their_written_forms():
    """tests/fixtures/mongolian-word-pairs.yaml: words of the plan and the glossary with how
    people type them in Latin and Cyrillic letters (written apart from the code)."""
    import yaml

    from portal.text.mongolian import latin_key, sound_key, typed_latin, words

    pairs = yaml.safe_load((FIXTURES / "mongolian-word-pairs.yaml").read_text(encoding="utf-8"))
    assert len(pairs) >= 100
    met = total = 0
    for pair in pairs:
        written = [sound_key(latin_key(w)) for w in words(pair["written"])]
        for typed in pair["latin"] + pair["cyrillic"]:
            total += 1
            keys = [sound_key(latin_key(typed_latin(w))) for w in typed.split()]
            met += all(k in written or (len(k) >= 4 and any(w.startswith(k) for w in written)) for k in keys)
    assert total > 400 and met / total >= 0.8, f"{met} of {total}"


@pytest.mark.parametrize(
    ("words", "outline"),
    [
        (["temege", "temee", "тэмээ"], "dm"),
        (["belčiγer", "belcheer", "бэлчээр"], "blcr"),
        (["daγatqal", "daatgal"], "dl"),
    ],
)
def test_the_consonant_outline_of_old_and_new_spellings(words, outline):
    from portal.text.mongolian import latin_key, sound_key, typed_latin

    assert {sound_key(latin_key(typed_latin(w))) for w in words} == {outline}


def test_everyday_words_of_content_colloquial_find_the_plans_words(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small", content)
    (content / "colloquial.yaml").write_text("- say: [不让放羊, 不准放牧]\n  plan: [禁牧]\n", encoding="utf-8")
    client = create_app({"CONTENT_DIR": str(content)}).test_client()
    assert ids(api(client, "不让放羊")) == ids(api(client, "禁牧")) == ["c1s1p1"]
    assert ids(api(client, "草原上不准放牧吗"))[0] == "c1s1p1"


def test_check_refuses_everyday_words_that_point_nowhere_or_that_the_plan_uses(tmp_path):
    from click.testing import CliRunner

    from portal.cli import main

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small", content)
    (content / "colloquial.yaml").write_text(
        "- say: [不让放羊]\n  plan: [禁牧]\n- say: [看病]\n  plan: [医疗保险]\n- say: [禁牧]\n  plan: [草原]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", "--content", str(content), "--allow-missing"])
    assert result.exit_code == 1
    assert re.search(r"colloquial\.yaml:3: colloquial plan word '医疗保险' does not occur", result.output)
    assert re.search(r"colloquial\.yaml:5: colloquial '禁牧' occurs in the plan", result.output)
    assert "colloquial.yaml:1:" not in result.output


def test_the_word_maps_of_a_paragraph_find_what_comparing_every_word_finds(app):
    """`Document.words_keyed` looks keys up in maps made once; it must give the places that
    comparing the key with every word gives, for whole keys, prefixes and keys not there."""
    docs = [d for d in app.extensions["portal.store"].current().documents if d.mongolian_keys]
    assert docs
    for doc in docs[::7]:
        keys = sorted(set(doc.mongolian_keys))
        asked = keys[::5] + [k[:n] for k in keys[::9] for n in (2, 3, 4, 5)] + ["zzzz", "q"]
        for key in asked:
            walked = [i for i, w in enumerate(doc.mongolian_keys) if w == key or (len(key) >= 4 and w.startswith(key))]
            assert sorted(doc.words_keyed(key)) == walked, (doc.id, key)
        assert len(doc.word_spans) == len(doc.mongolian_keys)


def _shared_queries() -> list[str]:
    lines = (FIXTURES / "search-queries.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_the_live_index_finds_exactly_what_the_rules_find(app):
    """The live search looks terms up in maps made at start (words, pinyin places) instead of
    trying every paragraph: it must give what the rules of `analysis` give when every
    paragraph is tried, score and marks included."""
    from portal.search.analysis import clean_query, find, parse, rank
    from portal.search.index import LiveSearch

    content = app.extensions["portal.store"].current()
    docs, tables = content.documents, content.tables
    live = LiveSearch(docs, tables)
    queries = _shared_queries() + ["hudug", "shine energi", "baishi", "olon bulag", "ᠲᠡᠮᠡᠭᠡ ᠮᠠᠯᠴᠢᠨ", "5g 2035"]
    compared = 0
    for query in queries:
        terms = parse(query, tables)
        every = [docs] * len(terms)
        expected = rank(find(terms, every, tables, clean_query(query), len(docs)), "zh") if terms else []
        got = live.search(query, "zh")
        assert [(h.doc.id, h.doc.lang, h.score, h.spans) for h in got] == [
            (h.doc.id, h.doc.lang, h.score, h.spans) for h in expected
        ], query
        compared += bool(expected)
    assert compared > len(queries) * 0.8


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_the_places_of_a_reading_are_where_its_pattern_matches(app, data):
    from portal.search.analysis import pinyin_spans

    tables = app.extensions["portal.store"].current().tables
    start = data.draw(st.integers(0, len(tables.corpus) - 1))
    length = data.draw(st.integers(1, 4))
    piece = tables.corpus[start : start + length]
    if not all(ch in tables.pinyin for ch in piece):
        return
    reading = tuple(data.draw(st.sampled_from(tables.pinyin[ch])) for ch in piece)
    starts = [left for left, _ in pinyin_spans(tables.corpus, reading, tables)]
    assert start in starts and tables.reading_starts(reading) == starts
    assert tables.reading_count(reading) == len(starts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_slips_that_spell_pinyin_are_all_found_without_trying_each(app, data):
    """`_spelt_slips` finds the spellings one slip away that split into syllables by looking
    syllables up; trying every slip of the word must give the same set."""
    from portal.search.analysis import _spelt_slips, _splits, split_pinyin

    tables = app.extensions["portal.store"].current().tables
    syllables = sorted(tables.syllables)
    word = "".join(data.draw(st.lists(st.sampled_from(syllables), min_size=1, max_size=4)))
    if data.draw(st.booleans()):  # a slip of its own, as typed
        i = data.draw(st.integers(1, max(1, len(word) - 1)))
        word = word[:i] + data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz")) + word[i + 1 :]
    letters = "abcdefghijklmnopqrstuvwxyz"
    slips = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    slips |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
    slips |= {word[:i] + c + word[i + 1 :] for i in range(1, len(word)) for c in letters}
    slips |= {word[:i] + c + word[i:] for i in range(1, len(word) + 1) for c in letters}
    slips.discard(word)
    expected = {s for s in slips if split_pinyin(s, tables.syllables)}
    assert _spelt_slips(word, tables, _splits(word, tables.syllables, [()])) == expected


def test_every_synonym_group_and_everyday_word_is_in_the_shard_of_each_of_its_forms(app, client):
    """The browser loads a query's word shards by the first character of its forms: a group
    must be in the shard of every form's first character, and the shards hold nothing else."""
    import json

    tables = app.extensions["portal.store"].current().tables
    read = [json.loads(client.get(f"/search/words-{n}.js").get_data(as_text=True)[17:-3]) for n in range(8)]
    assert [shard["shard"] for shard in read] == list(range(8))
    assert tables.synonyms and tables.colloquial
    for index, group in enumerate(tables.synonyms):
        holding = {n for n, shard in enumerate(read) if str(index) in shard["synonyms"]}
        assert holding == {ord(form[0]) % 8 for form in group}, group
        assert all(read[n]["synonyms"][str(index)] == list(group) for n in holding)
    for say, plan in tables.colloquial.items():
        holding = [n for n, shard in enumerate(read) if say in shard["colloquial"]]
        assert holding == [ord(say[0]) % 8] and read[holding[0]]["colloquial"][say] == list(plan)
    assert client.get("/search/words-8.js").status_code == 404
    tables_js = json.loads(client.get("/search/tables.js").get_data(as_text=True)[17:-3])
    assert tables_js["word_shards"] == 8
