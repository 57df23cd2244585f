"""Period phrases (2023年, 今年上半年, 前三季度, 1—8月, 到2027年 …) -> "2024", "2024-H1",
"2024-Q3", "2024-01..2024-08", resolved against the publication date."""

import re
from datetime import date
from functools import lru_cache

_CN_SMALL = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_QUARTER = {"一": 1, "1": 1, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}

_DAY = r"(?:[12][0-9]|3[01]|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"
_DASH = r"[—–\-~～至到]"
PERIOD = re.compile(
    rf"(?P<to>到|至|截至|截止到?)?"
    rf"(?:(?P<year>(?:19|20)[0-9]{{2}})年度?|(?P<rel>今年|本年|去年|上年|上一年|前年|明年))?"
    rf"(?P<sub>上半年|下半年|前三季度|前两季度|前三个季度|第?(?P<q>[一二三四1-4])季度"
    rf"|前(?P<firstn>{_MONTH}|1[0-1])个月|(?P<m1>{_MONTH})月?份?{_DASH}(?P<m2>{_MONTH})月份?"
    rf"|(?P<dm>{_MONTH})月{_DAY}日|(?P<m>{_MONTH})月(?:份|底|末)?(?![0-9一二三四五六七八九十]+日)"
    rf"|全年|年底|年末|年初以来|年初|以来|同期)?"
    rf"(?P<later>(?<![0-9])[0-9一二三四五六七八九十]{{1,2}}年后)?"
)


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _month(text)


def _month(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_CN_SMALL[text[1]] if len(text) > 1 else 0)
    return _CN_SMALL[text]


def _span(year: int, sub: str, match: re.Match) -> tuple[str, int]:
    """The period string and the month it ends in."""
    if sub == "上半年" or sub == "前两季度":
        return f"{year}-H1", 6
    if sub == "下半年":
        return f"{year}-H2", 12
    if sub in ("前三季度", "前三个季度"):
        return f"{year}-01..{year}-09", 9
    if match["q"]:
        quarter = _QUARTER[match["q"]]
        return f"{year}-Q{quarter}", quarter * 3
    if match["firstn"]:
        last = _month(match["firstn"])
        return f"{year}-01..{year}-{last:02d}", last
    if match["m1"]:
        first, last = _month(match["m1"]), _month(match["m2"])
        if not 1 <= first < last <= 12:
            return f"{year}", 12
        return f"{year}-{first:02d}..{year}-{last:02d}", last
    if match["m"] or match["dm"]:
        month = _month(match["m"] or match["dm"])
        if match["to"] in ("截至", "截止", "截止到") or match["dm"]:
            # 截至9月底, 截至10月20日: what a flow has come to so far this year
            return (f"{year}-01..{year}-{month:02d}" if month > 1 else f"{year}-01"), month
        return f"{year}-{month:02d}", month
    return f"{year}", 12


def resolve(
    match: re.Match, published: date | None, context_year: int | None = None
) -> tuple[str | None, bool, int | None]:
    """(period, is_target, year) for one PERIOD match; period None when it cannot be resolved.

    A phrase without a year of its own (全年, 一季度, 1—5月) takes the year the text is talking
    about (context_year, from an earlier 2023年 or 去年), else the publication year, or the year
    before when the period had not ended by publication (上半年 in a January article).
    """
    explicit, relative, sub = match["year"], match["rel"], match["sub"]
    if match["later"]:  # 5年后: the year it is set for
        if published is None:
            return None, True, None
        year = (int(explicit) if explicit else published.year) + _count(match["later"][:-2])
        return f"{year}", True, year
    if match["dm"] and match["to"] not in ("截至", "截止", "截止到"):
        return None, False, None  # 10月20日: a date, not a period
    if not (explicit or relative or sub) or (
        sub in ("以来", "同期") and not (explicit or relative)
    ):
        return None, False, None
    if sub == "以来" and explicit:
        return None, False, None  # 自2015年以来: since a year, not a period
    if (sub == "年初以来" or (sub == "以来" and relative in ("今年", "本年"))) and published:
        # 年初以来, 今年以来: from January to the month of publication
        period = f"{published.year}-01..{published.year}-{published.month:02d}"
        return (period if published.month > 1 else f"{published.year}-01"), False, published.year
    sub = "" if sub in (None, "以来", "年底", "年末", "年初", "年初以来", "同期") else sub
    if explicit:
        year = int(explicit)
    elif relative:
        if published is None:
            return None, False, None
        offset = {"去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}.get(relative, 0)
        year = published.year + offset
    elif context_year is not None:
        year = context_year
    elif published is None:
        return None, False, None
    else:
        year = published.year
    period, end_month = _span(year, sub, match)
    if (
        not (explicit or relative)
        and context_year is None
        and sub != "全年"
        and published
        and (
            year,
            end_month,
        )
        > (published.year, published.month)
    ):
        # A bare 上半年 or 1—8月 not finished when the article appeared is last year's.
        year -= 1
        period, end_month = _span(year, sub, match)
    if published is None:
        is_target = bool(match["to"] == "到" and explicit)
    else:
        is_target = bool(explicit) and (
            year > published.year or (year == published.year and match["to"] == "到")
        )
    return period, is_target, year


# Where a period phrase can start: scanning for these first avoids trying PERIOD everywhere.
PERIOD_START = re.compile(
    r"[到至](?=(?:19|20)[0-9]{2}年)|截[至止]|[0-9]{1,4}[年月季—–\-~～至到]"
    r"|[一二三四五六七八九十]{1,3}(?:月|季度|年后|[—–\-~～至到])|[今本去上前明全]年|上一年|[上下]半年|同期"
    r"|年初以来|前(?=[三两]季度|三个季度|[0-9一二三四五六七八九十]{1,2}个月)|第(?=[一二三四1-4]季度)"
)
SHIFT_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
# A period phrase, tried only where one can start.
PERIODS = re.compile(
    rf"(?=[到至截0-9一二三四五六七八九十今本去上前明全下同第年])(?=(?:{PERIOD_START.pattern})){PERIOD.pattern}"
)


_YEAR, _REL, _SUB = (PERIODS.groupindex[name] for name in ("year", "rel", "sub"))


def find_periods(text: str, published: date | None) -> list[tuple[int, str, bool, int]]:
    """(start, period, is_target, end) for each period phrase in the text that dates the figures
    after it. Comparison bases (比上年, 较一季度, 是2018年的) and event dates (建成于2016年,
    2024年第二届) are not periods of a figure; they are skipped, as are dates (2024年8月29日)."""
    found, context_year = [], None
    # What resolution depends on, and so what the cache keys on: the year and month of
    # publication for a phrase without a year of its own, the year alone for one with it.
    month = published.replace(day=1) if published else None
    year = published.replace(month=1, day=1) if published else None
    for match in PERIODS.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        explicit, relative, sub = match.group(_YEAR, _REL, _SUB)
        after = text[end : end + 1]
        if explicit and not sub and (after.isdigit() or after in ("第", "届")):
            continue
        before = text[start - 1] if start else ""
        if before in ("比", "较", "于") or (before == "是" and after == "的"):
            continue
        if sub == "全年" and text.startswith(("目标", "计划", "任务"), end):
            continue  # 完成全年目标的47.7%: the year's plan, not a period
        if sub == "同期" and found and relative:
            # 去年同期: the period just named, a year earlier.
            shifted = _resolve_text(match[0], year, None)[2]
            if shifted is None:
                continue
            shift = shifted - int(found[-1][1][:4])
            period = SHIFT_YEAR.sub(lambda y, by=shift: str(int(y[0]) + by), found[-1][1])
            found.append((start, period, False, end))
            continue
        if _not_a_period(text, start, end, explicit or relative, sub):
            continue
        if (explicit or relative) and sub not in ("以来", "年初以来"):
            period, is_target, resolved = _resolve_text(match[0], year, None)
        else:
            period, is_target, resolved = _resolve_text(match[0], month, context_year)
        if period:
            if (explicit or relative) and not is_target:
                context_year = resolved
            found.append((start, period, is_target, end))
    return found


# A year that dates an event (设立, 批准, 建成 …) or that a comparison starts from, not a figure.
EVENT_AFTER = re.compile(
    r"[^，。；：\n]{0,10}?(?:设立|成立|批准|获批|建成|开业|开园|挂牌|创建|认定为|命名|升级为|升格|落户|"
    r"投入使用|启用|组建|设区|建区)"
)
BASE_AFTER = re.compile(r"的?(?:良好)?(?:势头|水平|基数|基础|同期水平|高位)")
BASE_BEFORE = ("保持", "延续", "接续", "高于", "低于", "超过", "相比", "与", "同", "自", "从")


def _not_a_period(text: str, start: int, end: int, yearly: str | None, sub: str | None) -> bool:
    """Years named for an event (2009年经省政府批准设立), as a comparison's base (保持上年度良好
    势头) or as a starting point (自2015年起) date no figure."""
    if not yearly:
        return False
    if text.endswith(BASE_BEFORE, max(0, start - 2), start):
        return True
    if BASE_AFTER.match(text, end) or text.startswith(("起", "开始"), end):
        return True
    return bool(not sub and EVENT_AFTER.match(text, end))


@lru_cache(maxsize=8192)
def _resolve_text(phrase: str, published: date | None, context_year: int | None) -> tuple:
    """Period phrases repeat (今年上半年 in every mid-year report): resolve each once."""
    return resolve(PERIOD.fullmatch(phrase), published, context_year)
