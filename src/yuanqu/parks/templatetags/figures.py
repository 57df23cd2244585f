"""Figures and periods as a Chinese reader expects them: 1549.2亿元, 2024年上半年."""

import re
from decimal import Decimal

from django import template

register = template.Library()

MAGNITUDES = ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))
MONEY = {"元", "美元", "港元", "欧元", "日元"}
QUARTERS = "一二三四"


def _plain(number: Decimal) -> str:
    text = f"{number.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".")
    return text or "0"


@register.filter
def figure(value, unit: str = "") -> str:
    """1549.2亿元 for 154920000000 元; 1371家; 68.8%."""
    if value is None:
        return ""
    number = Decimal(value)
    if unit in MONEY or (unit and abs(number) >= 10**8):
        for size, word in MAGNITUDES:
            if abs(number) >= size:
                return f"{_plain(number / size)}{word}{unit}"
    return f"{_plain(number)}{unit}"


@register.filter
def period_label(period: str) -> str:
    """2024 -> 2024年, 2024-H1 -> 2024年上半年, 2024-Q3 -> 2024年三季度, 2024-01..2024-09 -> 2024年1—9月."""
    if not period:
        return ""
    if match := re.fullmatch(r"(\d{4})-H([12])", period):
        return f"{match[1]}年{'上' if match[2] == '1' else '下'}半年"
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", period):
        return f"{match[1]}年{QUARTERS[int(match[2]) - 1]}季度"
    if match := re.fullmatch(r"(\d{4})-(\d\d)\.\.\d{4}-(\d\d)", period):
        return f"{match[1]}年{int(match[2])}—{int(match[3])}月"
    if match := re.fullmatch(r"(\d{4})-(\d\d)", period):
        return f"{match[1]}年{int(match[2])}月"
    if re.fullmatch(r"\d{4}", period):
        return f"{period}年"
    return period
