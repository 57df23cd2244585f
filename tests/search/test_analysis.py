from hypothesis import given
from hypothesis import strategies as st

from yuanqu.search import analysis


def test_text_is_normalised_the_same_way_for_indexing_and_queries():
    assert analysis.normalise("常州國家高新區ＢＹＤ　２０２４") == "常州国家高新区byd 2024"
    assert analysis.query_parts('  常州\t高新区\x00 OR "NEAR" * ') == [
        "常州",
        "高新区",
        "or",
        "near",
    ]


def test_grams_cover_every_character_and_phrases_match_them():
    grams = analysis.grams("产量超过80万辆，c919")
    assert grams == [
        "产量",
        "量超",
        "超过",
        "过8",
        "80",
        "0万",
        "万辆",
        "辆",
        "c9",
        "91",
        "19",
        "9",
    ]
    assert analysis.phrase("超过8") == ["超过", "过8"]
    assert analysis.phrase("光") == ["光*"]


def test_the_dictionary_keeps_names_whole():
    analysis.add_words(["中新天津生态城"])
    assert "中新天津生态城" in analysis.words(analysis.normalise("中新天津生态城的合成生物"))


@given(st.text(max_size=300))
def test_any_text_is_analysed_without_error(text):
    normalised = analysis.normalise(text)
    analysis.words(normalised)
    for token in analysis.grams(normalised):
        assert token and " " not in token and '"' not in token
    for part in analysis.query_parts(text):
        assert part and all(token.strip() for token in analysis.phrase(part))
