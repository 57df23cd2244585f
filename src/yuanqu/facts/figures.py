"""Reading quantities from the grammar's matches: numbers, units, ranges, lists, approximations.

What a figure means (kind, period, metric, subject) is added afterwards, in `extract`.
"""

import re
from decimal import Decimal
from operator import itemgetter
from typing import NamedTuple

from . import meaning
from .document import Document
from .grammar import PATTERN, approx_of
from .numbers import BIG_UNITS, NotANumber, parse_number, range_low
from .units import ARABIC_ONLY, CANONICAL, FAMILY, PERCENT, per_unit

OPEN_QUOTES, CLOSE_QUOTES = '“"「『‘', '”"」』’'
LIST_JOINERS = "、和及与"
HUNDREDTHS = Decimal("0.0001")
HALF = Decimal("0.5")
FIFTY = Decimal(50)


def _magnitude(number: str) -> int:
    factor = 1
    for char in reversed(number):
        if char not in BIG_UNITS:
            break
        factor *= BIG_UNITS[char]
    return factor


_ARABIC_DIGIT = re.compile("[0-9]")
ARABIC_START = set("0123456789-")
# Figure is a NamedTuple; tuple.__new__ skips the generated constructor's argument handling,
# which costs more than the tuple itself when every figure of every article makes one.
_new = tuple.__new__


def _is_chinese(number: str) -> bool:
    return _ARABIC_DIGIT.search(number) is None


class Figure(NamedTuple):
    """A quantity read from one match, before its meaning is added."""

    start: int
    end: int
    value: Decimal | int
    unit: str | None
    family: str | None
    approx: str | None = None
    verb: str | None = None
    range_to: Decimal | int | None = None
    rank: bool = False


_QTY_GROUPS = ("n1", "u1", "n2", "u2", "verb", "apx", "mid1", "mid2", "half", "per", "post", "mag")
# m.groups() and positions: one C call, where each lookup by name is a call of its own.
_INDEX = {name: index - 1 for name, index in PATTERN.groupindex.items()}
_QTY, _PCT, _FRAC, _HALFSHARE = (_INDEX[name] for name in ("qty", "pct", "frac", "halfshare"))
_quantity_groups = itemgetter(*(_INDEX[name] for name in _QTY_GROUPS))
SMALL_FAMILIES = {"percent", "points", "times", "tenths"}
CHANGE_FAMILIES = {"percent", "tenths", "times"}
SHARE_FAMILIES = {"percent", "tenths"}
SHARE_APPROX = {"约占": "about", "近占": "under", "超占": "over"}
NOT_APPROX_YUE = set("签节合制契预公条履违")
DETERMINERS = set("这那每哪该其任同另")
MONEY_WORDS = re.compile(
    r"(?:增加值|产值|收入|营收|投资|税收|生产总值|GDP|销售额|利润|总额|成交额|融资|贷款|资金|出口额|进口额|"
    r"交易额|营业额|规模)[^，。；0-9]{0,6}$"
)  # 约 in 签约, 节约 … is no approximation


def _is_wording(doc: Document, start: int, number: str, family: str | None, marked) -> bool:
    """Small counts in Chinese numerals are wording (三个坚持, 一批项目), not figures, unless
    they are shares or changes (两成, 两个百分点), approximate (近三成) or a rate (每分钟一辆)."""
    if family in SMALL_FAMILIES or marked or _magnitude(number) != 1:
        return False
    return "每" not in doc.norm[doc.clause_start(doc.sentence(start), start) : start]


def _waits_for_unit(norm: str, m: re.Match) -> bool:
    """An Arabic number with no unit before 、/和: a list member (775.28、112.91亿元)."""
    n1, end = m["n1"], m.end()
    if not n1 or m["u1"] or m["n2"] or end >= len(norm):
        return False
    return norm[end] in LIST_JOINERS and not _is_chinese(n1)


def _quantity(doc: Document, m: re.Match, groups: tuple) -> Figure | None:
    n1, u1, n2, u2, verb, apx, mid1, mid2, half, per, post, mag = groups
    surface = u2 or u1
    if mid1 == "个":
        mid1 = None  # 两个亿: spoken, the same as 两亿
    if mag:
        n1 += mag  # 3000多万元: the magnitude after 多 belongs to the number
    if surface is None:
        stated_level = (
            "." in n1
            and doc.norm[m.start() - 1 : m.start()] in ("为", "达", "是")
            and doc.norm[m.end() : m.end() + 1] not in LIST_JOINERS
        )
        if not stated_level and (n1[-1] not in BIG_UNITS or _is_chinese(n1)):
            return None  # 775.28、… waiting for its unit, or 千万 as a word; 容积率为1.35 stays
        family = None
    else:
        family = FAMILY[surface]
        if u1 and u2 and FAMILY[u1] != family:
            return None
    norm, start, end = doc.norm, m.start(), m.end()
    following = norm[end : end + 1]
    if following == "级":
        return None  # 千亿级集群, 5A级: a class, not a figure
    previous_char = norm[start - 1 : start]
    if previous_char == "唯" or (previous_char in DETERMINERS and n1 == "一"):
        return None  # 唯一一个, 这一成绩, 每一家: words, not figures
    chinese = n1[0] not in ARABIC_START
    if mid1 == "几":
        if n1[-1] not in "十百千万":
            return None  # 几十万 is no figure; 十几家 is more than ten
        mid1 = "余"
    if chinese:
        if n1[0] in "零〇○" or surface in ARABIC_ONLY:
            return None  # 零部件, 十分重要
        if len(n1) == 1 and n1 in "百千万佰仟" and not (apx or mid1):
            return None  # 千家万户
    elif following.isascii() and following.isalpha():
        return None  # 5G, 3D, 10min
    if start > 0:
        previous = norm[start - 1]
        if (previous.isascii() and previous.isalpha()) or (
            previous in OPEN_QUOTES and norm[end : end + 1] in CLOSE_QUOTES
        ):
            return None  # C919, “532”
        if (apx == "上" and n1[0] not in "百千万亿") or (
            apx == "约" and previous in NOT_APPROX_YUE
        ):
            start, apx = start + 1, None  # 线上3家, 签约15个
            if n1[0] in "万亿":
                return None  # 签约亿元以上项目: no number at all
        if verb and previous == "新":  # 新增86家 is an amount, not a change
            start, verb = start + len(verb), None
    try:
        value = parse_number(n1)
        high = parse_number(n2) if n2 else None
    except NotANumber:
        return None
    if high is not None:
        value = range_low(n1, n2, value, high)  # 10—15亿元
        if high <= value:
            return None
    if chinese and value < 10 and _is_wording(doc, start, n1, family, apx or mid1):
        return None
    if half:
        value += HALF
    if per is None and family == "money":
        per_before = meaning.PER_BEFORE.search(norm, max(0, start - 5), start)
        per = per_before[1] if per_before else None  # 每亩19.2万元
    if surface == "个" and norm.startswith("位次", end):
        surface, end = "位", end + 2  # 提升12个位次: a move in rank
    if surface is None:
        # 工业增加值达260亿: money written without 元 is 元
        money = n1[-1] in "亿万" and MONEY_WORDS.search(norm, max(0, start - 14), start)
        unit = "元" if money else None
        family = "money" if money else None
    elif per is None:
        unit = CANONICAL.get(surface, surface)
    else:
        unit = per_unit(surface, per)
    if family == "tenths":
        value, unit, high = value * 10, "%", high * 10 if high is not None else None
    elif surface == "‰":
        value, unit = Decimal(value) / 10, "%"
    approx = approx_of(apx, mid1 or mid2, post) if (apx or mid1 or mid2 or post) else None
    if unit == "位" and not verb and surface != "个":
        clause = doc.clause_start(doc.sentence(start), start)
        if meaning.RANK_CUES.search(norm[clause:start]) or meaning.RANK_REGIONS.search(
            norm[clause:start]
        ):
            # 综合排名27位: a rank, without a unit
            return _new(Figure, (start, end, value, None, "rank", approx, None, high, True))
    return _new(Figure, (start, end, value, unit, family, approx, verb, high, False))


def _percent(m: re.Match) -> Figure | None:
    try:
        value = parse_number(m["pn"])
        high = parse_number(m["pn2"]) if m["pn2"] else None
    except NotANumber:
        return None
    approx = approx_of(m["apx"], m["post"])
    return Figure(m.start(), m.end(), value, "%", "percent", approx, m["verb"], high)


def _fraction(m: re.Match) -> Figure | None:
    try:
        denominator, numerator = parse_number(m["den"]), parse_number(m["numer"])
    except NotANumber:
        return None
    if not denominator or numerator > denominator:
        return None
    value = (Decimal(numerator) / Decimal(denominator) * PERCENT).quantize(HUNDREDTHS).normalize()
    approx = approx_of(m["apx"], m["post"])
    return Figure(m.start(), m.end(), value, "%", "percent", approx, m["verb"])


def _rank(doc: Document, m: re.Match) -> Figure | None:
    clause = doc.clause_start(doc.sentence(m.start()), m.start())
    if not meaning.is_rank(doc.norm, m.start(), m.end(), clause, m["rk"], m["ru"]):
        return None
    try:
        value = parse_number(m["rn"])
    except NotANumber:
        return None
    figure = Figure(m.start(), m.end(), value, None, "rank", rank=True)
    return figure


def figures(doc: Document):
    """Each figure in order; numbers in a list sharing one unit (775.28、112.91亿元) get it."""
    pending: list[re.Match] = []
    for m in PATTERN.finditer(doc.norm):
        groups = m.groups()
        if groups[_QTY] is not None:
            figure = _quantity(doc, m, _quantity_groups(groups))
            if figure is None and _waits_for_unit(doc.norm, m):
                if pending and pending[-1].end() + 1 != m.start():
                    pending = []
                pending.append(m)
                continue
            if figure is not None and pending and pending[-1].end() + 1 == m.start():
                yield from _list_members(doc, pending, figure, m)
            pending = []
        elif groups[_PCT] is not None:
            figure, pending = _percent(m), []
        elif groups[_FRAC] is not None:
            figure, pending = _fraction(m), []
        elif groups[_HALFSHARE] is not None:  # 近一半
            approx = approx_of(m["apx"], m["post"])
            figure, pending = (
                Figure(m.start(), m.end(), FIFTY, "%", "percent", approx, m["verb"]),
                [],
            )
        else:
            figure, pending = _rank(doc, m), []
        if figure is not None:
            yield figure


def _list_members(doc: Document, members: list[re.Match], last: Figure, last_match: re.Match):
    magnitude = _magnitude(last_match["n1"])
    for m in members:
        try:
            value = parse_number(m["n1"])
        except NotANumber:
            continue
        if _magnitude(m["n1"]) == 1:
            value *= magnitude
        verb = m["verb"] or last.verb
        figure = Figure(m.start(), m.end(), value, last.unit, last.family, last.approx, verb)
        yield figure
