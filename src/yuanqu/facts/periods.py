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

PERIOD = re.compile(
    rf"(?P<to>到|至|截至|截止到?)?"
    rf"(?:(?P<year>(?:19|20)[0-9]{{2}})年度?|(?P<rel>今年|本年|去年|上年|上一年|前年|明年))?"
    rf"(?P<sub>上半年|下半年|前三季度|前两季度|前三个季度|第?(?P<q>[一二三四1-4])季度"
    rf"|前(?P<firstn>{_MONTH}|1[0-1])个月|(?P<m1>{_MONTH})[—–\-~～至到](?P<m2>{_MONTH})月份?"
    rf"|(?P<m>{_MONTH})月份?(?![0-9一二三四五六七八九十]+日)|全年|年底|年末|年初|以来)?"
)


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
    if match["m"]:
        month = _month(match["m"])
        return f"{year}-{month:02d}", month
    return f"{year}", 12


def resolve(match: re.Match, published: date | None) -> tuple[str | None, bool]:
    """(period, is_target) for one PERIOD match; period None when it cannot be resolved."""
    explicit, relative, sub = match["year"], match["rel"], match["sub"]
    if not (explicit or relative or sub) or (sub == "以来" and not (explicit or relative)):
        return None, False
    sub = "" if sub in (None, "以来", "年底", "年末", "年初") else sub
    if explicit:
        year = int(explicit)
    elif published is None:
        return None, False
    else:
        offset = {"去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}.get(relative, 0)
        year = published.year + offset
    period, end_month = _span(year, sub, match)
    if (
        not explicit
        and not relative
        and sub != "全年"
        and published
        and (year, end_month)
        > (
            published.year,
            published.month,
        )
    ):
        # A bare 上半年 or 1—8月 not finished when the article appeared is last year's.
        period, end_month = _span(year - 1, sub, match)
    if published is None:
        is_target = bool(match["to"] == "到" and explicit)
    else:
        is_target = bool(explicit) and (
            year > published.year or (year == published.year and match["to"] == "到")
        )
    return period, is_target


# Where a period phrase can start: scanning for these first avoids trying PERIOD everywhere.
PERIOD_START = re.compile(
    rf"(?=[到至截12今本去上前明下第一二三四五六七八九十0-9全])"
    rf"(?:[到至](?=(?:19|20)[0-9]{{2}}年)|截至|截止|(?:19|20)[0-9]{{2}}年|今年|本年|去年|上年|上一年|前年|"
    rf"明年|上半年|下半年|前|第|[一二三四1-4]季度|{_MONTH}[—–\-~～至到]|{_MONTH}月|全年)"
)


def find_periods(text: str, published: date | None) -> list[tuple[int, str, bool]]:
    """(offset, period, is_target) for each period phrase in the text, in order."""
    found, position = [], 0
    while (start := PERIOD_START.search(text, position)) is not None:
        match = PERIOD.match(text, start.start())
        if match.end() == match.start():
            position = start.end()
            continue
        position = match.end()
        if match["year"] and not match["sub"] and text[match.end() : match.end() + 1].isdigit():
            continue  # 2024年8月29日 is a date: the year phrase only stands before a word
        period, is_target = _resolve_text(match[0], published)
        if period:
            found.append((match.start(), period, is_target))
    return found


@lru_cache(maxsize=4096)
def _resolve_text(phrase: str, published: date | None) -> tuple[str | None, bool]:
    """Period phrases repeat (今年上半年 in every mid-year report): resolve each once."""
    return resolve(PERIOD.fullmatch(phrase), published)
