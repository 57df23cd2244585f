"""Numbers written the ways Chinese text writes them, parsed exactly (as Decimal).

    1,234.5   1.2万   3.5亿   三千   两万   一千五百万   一百二 (=120)   三万五 (=35000)
    壹拾壹   一七二零点一 (a digit string)   二十点五   负三   100万三千   四千230   廿二

`parse_number` takes the normalised form (see `normalize`): ASCII digits, simplified characters.
"""

import re
from decimal import Decimal
from functools import lru_cache

DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "幺": 1,
    "二": 2,
    "两": 2,
    "贰": 2,
    "三": 3,
    "叁": 3,
    "俩": 2,
    "倆": 2,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8, "兆": 10**12}
BIG_EXPONENT = {"万": 4, "亿": 8, "兆": 12}
TENS = {"廿": 20, "卅": 30, "卌": 40}
NEGATIVE = "-负−"

CN_DIGIT_CHARS = "".join(DIGITS)
CN_SMALL_CHARS = "".join(SMALL_UNITS) + "".join(TENS)
CN_BIG_CHARS = "".join(BIG_UNITS)

_TOKEN = re.compile(
    rf"(?P<arabic>[0-9]+(?:[,，][0-9]{{3}}(?![0-9]))*(?:\.[0-9]+)?)"
    rf"|(?P<digit>[{CN_DIGIT_CHARS}])|(?P<small>[{CN_SMALL_CHARS}])|(?P<big>[{CN_BIG_CHARS}])"
    rf"|(?P<point>点)|(?P<space>\s)"
)


class NotANumber(ValueError):
    pass


def _tokens(text: str) -> list[tuple[str, object]]:
    tokens, pos = [], 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            raise NotANumber(text)
        kind = match.lastgroup
        if kind == "arabic":
            tokens.append(("arabic", Decimal(match[0].replace(",", "").replace("，", ""))))
        elif kind == "digit":
            tokens.append(("digit", DIGITS[match[0]]))
        elif kind == "small":
            char = match[0]
            tokens.append(("tens", TENS[char]) if char in TENS else ("small", SMALL_UNITS[char]))
        elif kind == "big":
            tokens.append(("big", BIG_UNITS[match[0]]))
        elif kind == "point":
            tokens.append(("point", None))
        pos = match.end()
    return tokens


def _section(tokens) -> Decimal:
    """A value below the big units: digits, 十百千, Arabic runs (四千230), colloquial tails (一百二)."""
    if len(tokens) > 1 and all(kind == "digit" for kind, _ in tokens):
        return Decimal("".join(str(value) for _, value in tokens))  # 一七二零 -> 1720
    total, pending, last_unit, zero_since_unit = Decimal(0), None, None, False
    for kind, value in tokens:
        if kind == "digit" and value == 0:
            if pending is not None:
                raise NotANumber("digit before 零")
            zero_since_unit = True
        elif kind == "tens":  # 廿二 = 22, 五百卅四 = 534
            if pending is not None or (last_unit is not None and last_unit <= 10):
                raise NotANumber("廿/卅 out of place")
            total, last_unit = total + value, 10
        elif kind in ("digit", "arabic"):
            if pending is not None:
                raise NotANumber("two numbers in a row")
            pending = (kind, Decimal(value))
        elif kind == "small":
            if last_unit is not None and value >= last_unit:
                raise NotANumber("units out of order")
            factor = pending[1] if pending is not None else Decimal(1)
            total += factor * value
            pending, last_unit, zero_since_unit = None, value, False
        else:
            raise NotANumber(kind)
    if pending is not None:
        kind, value = pending
        if kind == "digit" and last_unit and last_unit >= 100 and not zero_since_unit:
            value *= last_unit // 10  # 一百二 = 120, 两千六 = 2600
        total += value
    return total


def _integer(tokens) -> Decimal:
    if not tokens:
        return Decimal(0)
    bigs = [(value, index) for index, (kind, value) in enumerate(tokens) if kind == "big"]
    if not bigs:
        return _section(tokens)
    largest = max(value for value, _ in bigs)
    index = max(i for value, i in bigs if value == largest)
    left, right = tokens[:index], tokens[index + 1 :]
    high = _integer(left) if left else Decimal(1)
    if not right:
        return high * largest
    if right[0] == ("digit", 0):
        return high * largest + _integer(right[1:])
    if len(right) == 1 and right[0][0] == "digit":
        return high * largest + right[0][1] * largest // 10  # 三万五 = 35000
    low = _integer(right)
    if low >= largest:
        raise NotANumber("lower part too large")
    return high * largest + low


def _fraction_digits(tokens) -> tuple[Decimal, list]:
    """The digits after 点, and whatever magnitude follows them (一点五万)."""
    digits, rest = [], list(tokens)
    while rest and rest[0][0] in ("digit", "arabic"):
        kind, value = rest.pop(0)
        if kind == "arabic":
            if value != value.to_integral_value():
                raise NotANumber("decimal after 点")
            digits.append(str(int(value)))
        else:
            digits.append(str(value))
    if not digits:
        raise NotANumber("nothing after 点")
    return Decimal("0." + "".join(digits)), rest


def _plain(text: str) -> int | Decimal | None:
    """ASCII digits, one point at most, a leading minus: read directly (an int when whole)."""
    if text.isdigit():
        return int(text)
    if text.isascii() and text.lstrip("-").replace(".", "", 1).isdigit():
        return Decimal(text)
    return None


@lru_cache(maxsize=16384)
def parse_number(text: str) -> Decimal | int:
    """The exact value of a written number (an int when whole and written plainly); raises
    NotANumber when it is not one. Cached: figures repeat (7.4, 100, 两万) within and across
    articles, and a lookup costs a fraction of a parse."""
    if text.isdigit():  # the common cases first, without the general parser: 2100
        return int(text)
    if text and text[-1] in BIG_EXPONENT:  # 1549.2亿, in whole numbers: 15492 * 10**7
        whole, point, fraction = text[:-1].partition(".")
        places = BIG_EXPONENT[text[-1]] - len(fraction)
        if whole.isdigit() and (not point or fraction.isdigit()) and places >= 0:
            return int(whole + fraction) * 10**places
    value = _plain(text)  # 7.4
    if value is not None:
        return value
    if text and text[-1] in BIG_UNITS:
        value = _plain(text[:-1])
        if value is not None:
            return value * BIG_UNITS[text[-1]]
    return _parse_written(text)


def _colloquial(before_digit: str, small: int) -> bool:
    """A digit right after 百, 千 or a big unit with no unit of its own is a colloquial tail
    (一百二 is 120, 三万五 35000), which only the general parser reads."""
    return before_digit == "big" or (before_digit == "small" and small >= 100)


def _standard(text: str) -> Decimal | None:
    """A Chinese number in its standard form (二千八百六十八亿, 十二万零二百一十六, 二十四点九),
    read in one pass; None for any other form (一二, 一百二, 三万五, 廿二, 一点五万, mixed digits),
    which the general parser reads. Most written numbers are standard, and this is several
    times faster than tokenizing them."""
    whole, point, fraction = text.partition("点")
    if not whole or (point and not (fraction and all(char in DIGITS for char in fraction))):
        return None
    total = section = 0
    digit, small, big = None, 10_000, 10**13  # units must fall: 千 before 百, 亿 before 万
    last, before_digit = "", ""  # what came last, and what came before the waiting digit
    for char in whole:
        if char in DIGITS:
            if digit is not None:
                return None  # 一二: a digit string
            value = DIGITS[char]
            if value:
                digit, before_digit = value, last
            last = "digit" if value else "zero"
        elif char in SMALL_UNITS:
            unit = SMALL_UNITS[char]
            if unit >= small or (digit is None and (section or total or last == "zero")):
                return None  # 千百, 一百十: out of order, or colloquial
            section += (digit or 1) * unit
            digit, small, last = None, unit, "small"
        elif char in BIG_UNITS:
            unit = BIG_UNITS[char]
            if digit is not None and _colloquial(before_digit, small):
                return None  # 一千一亿 (1100亿): a colloquial tail
            section += digit or 0
            if unit >= big or not section:
                return None  # 万亿, 亿万, a bare 万
            total += section * unit
            section, digit, small, big, last = 0, None, 10_000, unit, "big"
        else:
            return None
    if digit is not None:
        if _colloquial(before_digit, small):
            return None  # 三万五 (35000), 一百二 (120): colloquial tails
        section += digit
    value = total + section
    if point:
        return Decimal(f"{value}.{''.join(str(DIGITS[char]) for char in fraction)}")
    return Decimal(value)


@lru_cache(maxsize=8192)
def _parse_written(text: str) -> Decimal:
    """Chinese and mixed numbers: fewer distinct forms, and the tokenizer is the slow path."""
    text = text.strip()
    sign = Decimal(1)
    if text and text[0] in NEGATIVE:
        sign, text = Decimal(-1), text[1:]
    standard = _standard(text)
    return sign * (standard if standard is not None else _general(text))


def _general(text: str) -> Decimal:
    """Any written number without its sign, token by token."""
    tokens = [token for token in _tokens(text) if token[0] != "space"]
    if not tokens:
        raise NotANumber(text)
    points = [index for index, (kind, _) in enumerate(tokens) if kind == "point"]
    if len(points) > 1:
        raise NotANumber(text)
    if not points:
        return _integer(tokens)
    head, tail = tokens[: points[0]], tokens[points[0] + 1 :]
    if any(kind == "big" for kind, _ in head) and not tail:
        raise NotANumber(text)
    fraction, rest = _fraction_digits(tail)
    value = _integer(head) + fraction
    for kind, magnitude in rest:
        if kind != "big":
            raise NotANumber(text)
        value *= magnitude
    return value


@lru_cache(maxsize=16384)
def to_json_number(value: Decimal | int) -> int | float:
    """An int where the value is whole (154920000000), a float otherwise (7.4)."""
    if type(value) is int:
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def range_low(low: str, high: str, value: Decimal, high_value: Decimal) -> Decimal:
    """The low end of a range whose magnitude is written once, on the high end: 10—15亿 is
    10亿—15亿, 十八至三十万 is 18万—30万, 两到三千 is 2000—3000; but 8500到3万 stays 8500
    (the shared reading would put the low end above the high one)."""
    head = len(high)
    while head and high[head - 1] in BIG_UNITS:
        head -= 1
    if head < len(high) and not any(char in BIG_UNITS for char in low):
        shared = value * parse_number("1" + high[head:])
    elif len(low) == 1 and low in DIGITS and len(high) == 2 and high[1] in SMALL_UNITS:
        shared = value * SMALL_UNITS[high[1]]
    else:
        return value
    return shared if shared < high_value else value
