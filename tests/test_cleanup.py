from portal.text.cleanup import PUNCTUATION, clean, comparable


def test_spaces_inside_chinese_are_removed():
    assert clean("阿拉善左旗国民经济和社会发展第十四个五年规划和 2035 年远景目标纲 要") == (
        "阿拉善左旗国民经济和社会发展第十四个五年规划和2035年远景目标纲要"
    )
    assert clean("“ 十四五 ” 时期") == "“十四五”时期"
    assert clean("明 昇 饮料") == "明昇饮料"


def test_ascii_punctuation_between_chinese_becomes_full_width():
    assert clean("增长 5.4% , 500 万元") == "增长5.4%，500万元"
    assert clean("时期( 2021—2025 年)是") == "时期（2021—2025年）是"
    assert clean("年均增长 6.4% ;农牧区") == "年均增长6.4%；农牧区"


def test_marks_between_digits_are_kept():
    assert clean("比例调整为8.5:44.5:47 ,一二三产") == "比例调整为8.5:44.5:47，一二三产"
    assert clean("1,000 元") == "1,000元"


def test_space_between_latin_words_is_kept():
    assert clean("阿拉善 SEE  GEP 生态") == "阿拉善SEE GEP生态"


def test_every_table_entry_maps_ascii_to_full_width():
    assert len(PUNCTUATION) >= 6
    for ascii_mark, full in PUNCTUATION.items():
        assert ascii_mark.isascii() and not full.isascii()
        assert clean(f"甲 {ascii_mark} 乙") == f"甲{full}乙", ascii_mark
        assert comparable(f"甲 {ascii_mark} 乙") == comparable(clean(f"甲 {ascii_mark} 乙"))
