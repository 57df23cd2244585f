"""The one pattern that finds quantities in normalised text; Python then reads its groups.

Alternatives, tried in this order at each position:
    pct   百分之七点四, 百分之三十到四十
    frac  四分之三, 千分之五
    rank  第一, 前三 (whether it is a rank is decided from the context)
    qty   [growth verb][approximation] number [余|多] [unit [半]] [dash number [余|多] unit]
          [/unit] [以上|左右 …]
"""

import re

from .numbers import CN_DIGIT_CHARS
from .tries import trie_pattern
from .units import TIME_PATTERN, UNIT_PATTERN

AR = r"[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?"  # 20，300 is a list, not 20300
CN_D = CN_DIGIT_CHARS
# 千瓦 兆瓦 千克 千米 百分之 are units or words, not magnitudes.
CN_SMALL = r"(?:[十拾佰仟廿卅卌]|百(?!分)|千(?![瓦克米伏分]))"
CN_BIG = r"(?: ?[万亿]|兆(?![瓦赫帕]))"  # 1549.2 亿: typeset text puts a space before it
# Any written number, with magnitudes inside (1549.2亿, 三万五千): the scanner's number.
NUM_PLAIN = (
    rf"(?:[-负] ?)?(?:{AR}|[{CN_D}]|{CN_SMALL})"
    rf"(?:{AR}|[{CN_D}]|{CN_SMALL}|{CN_BIG}|[点.](?=[0-9{CN_D}]))*"
)
# After an approximation marker a number may start with its magnitude: 逾万人, 上亿元.
NUM = (
    rf"[-负]?(?:{AR}|[{CN_D}]|{CN_SMALL}|(?(apx)[万亿]|(?!)))"
    rf"(?:{AR}|[{CN_D}]|{CN_SMALL}|{CN_BIG}|[点.](?=[0-9{CN_D}]))*"
)
# Atomic, like NUM where it is used: a number never gives characters back, so a long digit run
# that fails to be a fraction or a rank cannot backtrack through every way of splitting it.
NUM_SMALL = (
    rf"(?>(?:{AR}|[{CN_D}]|[十拾百佰千仟])(?:{AR}|[{CN_D}]|[十拾百佰千仟]|[点.](?=[0-9{CN_D}]))*)"
)

VERBS = (
    "增长了|增长|增加了|增加|下降了|下降|减少了|减少|提高了|提高|提升了|提升|"
    "降低了|降低|回落|上升|上涨|下滑|扩大|缩小|缩减|增|降|减|涨|跌"
)
FALLING = ("下降", "减少", "降低", "回落", "下滑", "缩小", "缩减", "降", "减", "跌")
APPROX_BEFORE = {
    "over": "超过|超出|超|逾|突破|破|上|不低于|不少于|至少|最少|多于|高于",
    "under": "近|将近|接近|不到|不足|不超过|最多|至多|低于|少于",
    "about": "约为|约合|约|大约|大概|估计",
}
APPROX_AFTER = {"over": "以上|之多|有余|多|余", "under": "以内|以下|不到", "about": "左右|上下"}
DASH = r"(?:—{1,2}|–|－|-{1,2}|~|～|〜|至|到)"


def _alternation(groups: dict[str, str]) -> str:
    return trie_pattern(w for ws in groups.values() for w in ws.split("|"))


APPROX_WORDS = {
    (side, word): name
    for side, table in (("before", APPROX_BEFORE), ("after", APPROX_AFTER))
    for name, words in table.items()
    for word in words.split("|")
}


def approx_of(before: str | None, *after: str | None) -> str | None:
    """over | under | about from the markers around a number (超, 近, 约 … / 余, 以上, 左右 …).
    A bound after the number is more specific than 约 before it: 大约十多欧元 is over ten."""
    if before and not (APPROX_WORDS[("before", before)] == "about" and any(after)):
        return APPROX_WORDS[("before", before)]
    for marker in after:
        if marker:
            return APPROX_WORDS[("after", marker)]
    return None


PRE = rf"(?P<verb>{trie_pattern(VERBS.split('|'))})?(?P<apx>{_alternation(APPROX_BEFORE)})?"
POST = rf"(?P<post>{_alternation(APPROX_AFTER)})?"
UNIT = rf"(?:{UNIT_PATTERN})"

# Every alternative starts with one of these characters; most positions in a text fail here.
_FIRST_CHARS = "".join(
    sorted(
        {w[0] for w in VERBS.split("|")}
        | {w[0] for ws in APPROX_BEFORE.values() for w in ws.split("|")}
        | set("0123456789-负第前百千十拾佰仟廿卅半")
        | set(CN_D)
    )
)

PATTERN = re.compile(
    rf"(?=[{re.escape(_FIRST_CHARS)}])"
    rf"(?:(?P<rank>(?P<rk>第|前)(?P<rn>{NUM_SMALL})(?P<ru>名|位|强)?)"
    rf"|{PRE}(?:"
    rf"(?P<pct>百分之(?P<pn>{NUM_SMALL})(?:{DASH}(?:百分之)?(?P<pn2>{NUM_SMALL}))?)"
    # A denominator is short (三分之一, 千分之五): bounding it keeps every other number from being
    # read twice, once as a failed denominator and once as a quantity.
    rf"|(?P<frac>(?P<den>(?>[0-9{CN_D}十百千]{{1,4}}))分之(?P<numer>{NUM_SMALL}))"
    rf"|(?P<halfshare>一半|半数)"
    # A number followed by a time word is a date or a duration; a number with no unit, no
    # magnitude and no list after it (2024, 01, 0710-1234567) is no figure: both fail here.
    rf"|(?P<qty>(?P<n1>(?>{NUM}))(?!{TIME_PATTERN})(?P<mid1>[余多几]|个(?=[万亿]))?(?P<mag>(?<=[余多几个])[万亿]+)?(?: ?(?P<u1>{UNIT})(?P<half>半)?)?"
    rf"(?:(?P<dash>{DASH})(?P<n2>(?>{NUM}))(?!{TIME_PATTERN})(?P<mid2>[余多])? ?(?P<u2>{UNIT})?)?"
    rf"(?:/(?P<per>{UNIT}))?"
    rf"(?(u1)|(?(u2)|(?:(?<=[万亿余多])|(?=[、和及与][0-9])|(?<=[.][0-9])|(?<=[.][0-9]{{2}})|(?<=[.][0-9]{{3}})))))"
    rf"){POST})"
)
