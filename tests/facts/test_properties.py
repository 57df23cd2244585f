"""Property tests: numbers written any way parse back exactly; no input makes extract fail."""

from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from yuanqu.facts import extract, parse_number
from yuanqu.news.corpus import chinese_numeral

UNITS = ["元", "家", "个", "项", "人", "亩", "吨", "辆", "平方公里", "公顷", "株", "千瓦"]
MAGNITUDES = {"": 1, "万": 10**4, "亿": 10**8}


def arabic(number: int) -> str:
    return str(number)


def grouped(number: int) -> str:
    return f"{number:,}"


def full_width(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def traditional(number: int) -> str:
    return chinese_numeral(number).replace("万", "萬").replace("两", "兩")


WRITERS = [arabic, grouped, full_width, chinese_numeral, traditional]


@settings(max_examples=300)
@given(st.integers(min_value=1, max_value=99_999_999), st.sampled_from(WRITERS))
def test_integers_written_any_way_parse_back(number, writer):
    from yuanqu.facts.normalize import normalize

    assert parse_number(normalize(writer(number))) == number


@settings(max_examples=300)
@given(
    st.integers(min_value=10, max_value=9999),
    st.integers(min_value=0, max_value=9),
    st.sampled_from(list(MAGNITUDES)),
    st.sampled_from(UNITS),
    st.sampled_from([arabic, chinese_numeral]),
)
def test_quantities_in_a_sentence_come_back_exactly(whole, tenth, magnitude, unit, writer):
    if writer is arabic:
        number = f"{whole}.{tenth}" if tenth else str(whole)
    else:
        number = chinese_numeral(whole) + (f"点{'零一二三四五六七八九'[tenth]}" if tenth else "")
    text = f"今年上半年，园区实现{number}{magnitude}{unit}。"
    facts = extract(text)
    assert len(facts) == 1, facts
    expected = (Decimal(whole) + Decimal(tenth) / 10) * MAGNITUDES[magnitude]
    assert Decimal(str(facts[0].value)) == expected
    assert facts[0].unit == unit


@settings(max_examples=500)
@given(st.text())
@example("增长百分之")
@example("1—")
@example("第")
@example("约占")
@example("到2027年\n")
@example("同期，去年同期")
def test_any_text_never_raises_and_every_span_is_exact(text):
    for fact in extract(text, published="2024-08-29"):
        assert text[fact.start : fact.end] == fact.text
        assert fact.text in fact.sentence or "\n" in fact.text


@settings(max_examples=200)
@given(
    st.text(
        alphabet="0123456789一二三四五六七八九十百千万亿点.%年月日第前约超近余多以上左右增长下降、，。亿元家个—至",
        max_size=40,
    )
)
def test_number_heavy_noise_never_raises(text):
    for fact in extract(text, published="2025-01-01"):
        assert text[fact.start : fact.end] == fact.text


@settings(max_examples=300)
@given(
    st.text(
        alphabet="0123456789一二两三四五六七八九十百千万亿点.%第又分之与和间到—-负半个多余约超元亩吨，、 ",
        max_size=40,
    )
)
def test_the_scanner_never_raises_and_spans_are_exact(text):
    from yuanqu.facts.scan import quantities

    for quantity in quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
