"""Every number in a text, figure or not: the lower layer under `extract`.

`extract` keeps only figures (a number with a unit, a percentage, a rank …). `quantities` finds
every number expression — bare numbers too (这是九台 -> 九) — with its value, range, unit and
bound (超过, 以上, 多 …), and leaves out words that merely contain numeral characters (一切,
四川, 队伍, 收拾). It is what the third-party conformance suites are run against.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from .grammar import (
    APPROX_AFTER,
    APPROX_BEFORE,
    DASH,
    NUM_PLAIN,
    NUM_SMALL,
    UNIT,
    _alternation,
    approx_of,
)
from .normalize import normalize
from .numbers import NotANumber, parse_number, range_low
from .units import FAMILY, canonical

# Words that contain numeral characters but name no number.
NOT_NUMBERS = {
    "一切",
    "一看",
    "一起",
    "一样",
    "一定",
    "一直",
    "一些",
    "一般",
    "一致",
    "一体",
    "统一",
    "唯一",
    "万一",
    "一旦",
    "一向",
    "一律",
    "一同",
    "一再",
    "一度",
    "四川",
    "四周",
    "四处",
    "陆地",
    "大陆",
    "登陆",
    "陆续",
    "海陆",
    "队伍",
    "入伍",
    "退伍",
    "伍仁",
    "收拾",
    "拾取",
    "拾起",
    "拾到",
    "夕拾",
    "放肆",
    "肆意",
    "肆无",
    "十足",
    "十分",
    "两两",
    "九九",
    "万万",
    "千万",
    "百姓",
    "百货",
    "三农",
    "两会",
    "两岸",
}
_WORDS = re.compile("|".join(sorted(NOT_NUMBERS, key=len, reverse=True)))
# Words are looked up with financial numerals read as plain ones: 壹切 is 一切.
_PLAIN_NUMERALS = str.maketrans("壹贰叁肆伍陆柒捌玖", "一二三四五六七八九")
CURRENCY_BEFORE = {
    "$": "元",
    "US$": "美元",
    "￥": "元",
    "¥": "元",
    "€": "欧元",
    "£": "英镑",
    "人民币": "元",
    "港币": "港元",
    "美元": "美元",
}
_CURRENCY = "|".join(re.escape(c) for c in sorted(CURRENCY_BEFORE, key=len, reverse=True))
_NUMBER = rf"(?>{NUM_PLAIN})"

URL = re.compile(r"https?://\S+|www\.\S+")
SCAN = re.compile(
    rf"(?P<cur>{_CURRENCY})?(?:(?P<apx>{_alternation(APPROX_BEFORE)})(?:了|是|有|为)?)?(?:位于|在)?"
    rf"(?:(?P<pct>百分之(?P<pn>{_NUMBER})(?:{DASH}(?:百分之)?(?P<pn2>{_NUMBER}))?)"
    rf"|(?P<frac>(?:(?P<whole>{_NUMBER})又)?(?P<den>(?>{NUM_SMALL}?[万亿]*))分之(?P<numer>{_NUMBER}))"
    rf"|(?P<ord>第(?P<on>{_NUMBER}))"
    rf"|(?P<half>半(?=个|個| ?{UNIT})|一半)"
    rf"|(?P<n1>{_NUMBER})(?P<mid>[余多]|个(?=[万亿]))?(?P<mag>(?<=[余多个])[万亿]+)?)"
    rf"(?: {{0,4}}(?P<u1>{UNIT}))?(?P<plus>半)?"
    rf"(?:(?P<between>[和与])第?(?P<bn>{_NUMBER})(?:之)?间"
    rf"|(?P<dash> ?{DASH} ?)(?P<n2>{_NUMBER})(?: ?(?P<u2>{UNIT}))?)?"
    rf"(?P<pp> *个百分点|%)?整?(?P<post>{_alternation(APPROX_AFTER)})?"
)
NUMBER_GROUPS = ("pct", "frac", "ord", "half", "n1")


@dataclass(slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: Decimal
    range_to: Decimal | None
    unit: str | None
    approx: str | None


def quantities(text: str) -> list[Quantity]:
    """Every number expression in the text, in order."""
    norm = normalize(text)
    words = [(m.start(), m.end()) for m in _WORDS.finditer(norm)]
    words += [(m.start(), m.end()) for m in _WORDS.finditer(norm.translate(_PLAIN_NUMERALS))]
    words += [(m.start(), m.end()) for m in URL.finditer(norm)]
    found = []
    for m in SCAN.finditer(norm):
        start, end = m.start(), m.end()
        number = next(m.span(g) for g in NUMBER_GROUPS if m[g] is not None)
        if any(a <= number[0] and number[1] <= b for a, b in words):
            continue  # 一切, 千万不要, a URL: the number lies inside a word; 四千万 and 一万一千 stay
        if (start and norm[start - 1].isascii() and norm[start - 1].isalpha()) or (
            end < len(norm) and norm[end].isascii() and norm[end].isalpha()
        ):
            continue  # A202107…, 5G
        try:
            quantity = _read(m)
        except NotANumber:
            continue
        if quantity is not None:
            found.append(Quantity(text[start:end], start, end, *quantity))
    return found


def _read(m: re.Match):
    surface = m["u2"] or m["u1"]
    unit = canonical(surface) if surface else None
    high = None
    if m["pct"]:
        value, unit = parse_number(m["pn"]), "%"
        high = parse_number(m["pn2"]) if m["pn2"] else None
    elif m["frac"]:
        if not m["den"]:
            return None
        denominator = parse_number(m["den"])
        if not denominator:
            return None
        value = Decimal(parse_number(m["numer"])) / Decimal(denominator)
        if m["whole"]:  # 3又一千分之23
            whole = parse_number(m["whole"])
            value = whole + value if whole >= 0 else whole - value
    elif m["ord"]:
        value = parse_number(m["on"])
    elif m["half"]:
        value = Decimal("0.5")
    else:
        value = parse_number(m["n1"])
        if m["mag"]:
            value *= parse_number(m["mag"])  # 一千多万, 两个亿
        if m["n2"]:
            high = parse_number(m["n2"])
            value = range_low(m["n1"], m["n2"], value, high)
            if high <= value:
                high = None
    if m["bn"]:  # 10000与20000之间, 第十和第十五之间
        high = parse_number(m["bn"])
        high = high if high > value else None
    if m["plus"]:
        value += Decimal("0.5")  # 三斤半
    if m["pp"]:
        unit = "%" if m["pp"] == "%" else "个百分点"
    if m["cur"] and CURRENCY_BEFORE[m["cur"]] != "元" and unit == "元":
        unit = CURRENCY_BEFORE[m["cur"]]  # 港币两千九百六十元
    if surface and FAMILY[surface] == "tenths":
        value, unit = value * 10, "%"
    if m["cur"] and unit is None:
        unit = CURRENCY_BEFORE[m["cur"]]
    mid = m["mid"] if m["mid"] != "个" else None
    return value, high, unit, approx_of(m["apx"], mid, m["post"])
