from decimal import Decimal

import pytest

from yuanqu.facts import NotANumber, parse_number
from yuanqu.facts.normalize import normalize


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.5", "1234.5"), ("１２３", "123"), ("1.2万", "12000"), ("3.5亿", "350000000"),
        ("三千", "3000"), ("两万", "20000"), ("一千五百万", "15000000"), ("十", "10"), ("十五", "15"),
        ("一百二", "120"), ("三万五", "35000"), ("两千六", "2600"), ("壹拾壹", "11"),
        ("一七二零点一", "1720.1"), ("二十点五", "20.5"), ("负三", "-3"), ("100万三千", "1003000"),
        ("200亿零四千230", "20000004230"), ("廿二", "22"), ("一千零五十", "1050"),
        ("一万亿", "1000000000000"), ("三亿五千万", "350000000"), ("1549.2亿", "154920000000"),
        ("37.11亿", "3711000000"), ("一点五万", "15000"), ("一百点123", "100.123"),
        ("四十九兆九千五百九十二亿", "49959200000000"), ("兩萬", "20000"), ("十一万零五百", "110500"),
        ("拾萬零五十六", "100056"), ("一亿零一万一千一百一", "100011110"),
    ],
)  # fmt: skip
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
