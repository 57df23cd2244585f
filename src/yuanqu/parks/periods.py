"""The fact engine's period strings ("2024", "2024-H1", "2024-Q3", "2024-01..2024-09", "2024-05")
read for display and ordering."""

import re

PERIOD = re.compile(r"(?P<year>\d{4})(?:-(?P<rest>H[12]|Q[1-4]|\d\d|\d\d\.\.\d{4}-\d\d))?")
QUARTERS = "一二三四"


def is_valid_period(period: str) -> bool:
    """A period the knowledge base can place: 2024, 2024-H1, 2024-Q3, 2024-05, or a range of
    months within one year (2024-01..2024-08), with real months and a plausible year."""
    match = PERIOD.fullmatch(period or "")
    if match is None or not 1900 <= int(match["year"]) <= 2100:
        return False
    rest = match["rest"] or ""
    if rest[:1].isdigit():
        first, _, last = rest.partition("..")
        months = [int(first)] + ([int(last[5:])] if last else [])
        if last and last[:4] != match["year"]:
            return False
        return all(1 <= month <= 12 for month in months) and months == sorted(months)
    return True


def period_parts(period: str) -> tuple[int, str] | None:
    """(year, what part of it): 2024 -> (2024, 全年), 2024-H1 -> (2024, 上半年), 2024-01..2024-09
    -> (2024, 1—9月). A figure's part of the year is what makes two years comparable."""
    match = PERIOD.fullmatch(period or "")
    if match is None:
        return None
    year, rest = int(match["year"]), match["rest"] or ""
    if not rest:
        part = "全年"
    elif rest.startswith("H"):
        part = "上半年" if rest == "H1" else "下半年"
    elif rest.startswith("Q"):
        part = f"{QUARTERS[int(rest[1]) - 1]}季度"
    elif ".." in rest:
        part = f"{int(rest[:2])}—{int(rest[-2:])}月"
    else:
        part = f"{int(rest)}月"
    return year, part


def period_end(period: str) -> tuple[int, int]:
    """(year, month) the period ends in, for ordering: 2024 ends after 2024-H1. Undated: (0, 0)."""
    match = PERIOD.fullmatch(period or "")
    if match is None:
        return 0, 0
    year, rest = int(match["year"]), match["rest"] or ""
    if not rest:
        return year, 12
    if rest.startswith("H"):
        return year, 6 if rest == "H1" else 12
    if rest.startswith("Q"):
        return year, int(rest[1]) * 3
    return year, int(rest[-2:])


def period_order(period: str) -> tuple[int, int, str]:
    """A sort key, earliest first: by end, and a whole year after the quarter that ends it."""
    year, month = period_end(period)
    return year, month, "" if "-" in (period or "") else "~"
