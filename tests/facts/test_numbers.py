from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yuanqu.facts import NotANumber, parse_number
from yuanqu.facts.normalize import normalize
from yuanqu.facts.numbers import _general, _standard


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.5", "1234.5"),
        ("１２３", "123"),
        ("1.2万", "12000"),
        ("3.5亿", "350000000"),
        ("三千", "3000"),
        ("两万", "20000"),
        ("一千五百万", "15000000"),
        ("十", "10"),
        ("十五", "15"),
        ("一百二", "120"),
        ("三万五", "35000"),
        ("两千六", "2600"),
        ("壹拾壹", "11"),
        ("一七二零点一", "1720.1"),
        ("二十点五", "20.5"),
        ("负三", "-3"),
        ("100万三千", "1003000"),
        ("200亿零四千230", "20000004230"),
        ("廿二", "22"),
        ("一千零五十", "1050"),
        ("一万亿", "1000000000000"),
        ("三亿五千万", "350000000"),
        ("1549.2亿", "154920000000"),
        ("37.11亿", "3711000000"),
        ("一点五万", "15000"),
        ("一百点123", "100.123"),
        ("四十九兆九千五百九十二亿", "49959200000000"),
        ("兩萬", "20000"),
        ("十一万零五百", "110500"),
        ("拾萬零五十六", "100056"),
        ("一亿零一万一千一百一", "100011110"),
    ],
)
def test_numbers_parse_exactly(text, value):
    assert parse_number(normalize(text)) == Decimal(value)


@pytest.mark.parametrize("text", ["", "一二三十", "五十四十", "一百二十三四", "点", "abc"])
def test_non_numbers_are_refused(text):
    with pytest.raises(NotANumber):
        parse_number(text)


def test_normalisation_keeps_every_offset():
    text = "順德區產值１２.３億元，同比增長４１％"
    assert len(normalize(text)) == len(text)
    assert normalize(text) == "順德区产值12.3亿元，同比增长41%"


@settings(max_examples=4000, deadline=None)
@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿点壹拾佰仟廿3", min_size=1, max_size=14))
def test_standard_numbers_read_in_one_pass_agree_with_the_general_parser(text):
    """The one-pass reading of standard Chinese numbers gives way (None) on any form it does
    not know, and otherwise reads what the general parser reads."""
    fast = _standard(text)
    try:
        general = _general(text)
    except NotANumber:
        assert fast is None, text
    else:
        assert fast is None or fast == general, text


@pytest.mark.parametrize(
    "number",
    [
        0,
        7,
        10,
        15,
        20,
        101,
        110,
        1001,
        1010,
        20_000,
        35_000,
        100_200,
        120_216,
        107_903,
        286_800_000_000,
        105_000_000,
    ],
)
def test_standard_numbers_are_read_in_one_pass(number):
    written = _chinese(number)
    assert _standard(written) == number == parse_number(written), written


def _chinese(number: int) -> str:
    """The standard written form: 十二万零二百一十六."""
    digits, units = "零一二三四五六七八九", ["", "十", "百", "千"]

    def section(value: int, leading: bool) -> str:
        out, zero = "", False
        for power in (3, 2, 1, 0):
            digit = value // 10**power % 10
            if digit == 0:
                zero = bool(out) or not leading
                continue
            if zero and (out or not leading):
                out += "零"
            zero = False
            out += "" if digit == 1 and power == 1 and not out and leading else digits[digit]
            out += units[power]
        return out

    if number == 0:
        return "零"
    parts, big = [], ["", "万", "亿"]
    for index in range(2, -1, -1):
        value = number // 10 ** (4 * index) % 10_000
        if value:
            text = section(value, not parts)
            if parts and value < 1000:
                text = text if text.startswith("零") else "零" + text
            parts.append(text + big[index])
        elif parts and not parts[-1].endswith("零"):
            parts.append("零")
    return "".join(parts).rstrip("零")
