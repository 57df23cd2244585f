"""`extract(text, published=...)`: every figure in a Chinese text as a typed Fact."""

import re
from bisect import bisect_left, bisect_right
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from . import meaning
from .grammar import FALLING, PATTERN, approx_of
from .model import Fact
from .normalize import normalize
from .numbers import BIG_UNITS, NotANumber, parse_number, range_low, to_json_number
from .periods import find_periods
from .units import ARABIC_ONLY, CANONICAL, FAMILY, PERCENT, per_unit

SENTENCE_END = re.compile(r"[。！？!?\n]")
CLAUSE_BREAK = re.compile(f"[{meaning.CLAUSE_BREAKS}]")
ASCII_LETTER = re.compile(r"[A-Za-z]")
OPEN_QUOTES, CLOSE_QUOTES = '“"「『‘', '”"」』’'
LIST_JOINERS = "、和及与"
HUNDREDTHS = Decimal("0.0001")
HALF = Decimal("0.5")
FIFTY = Decimal(50)


def _as_date(published) -> date | None:
    if published is None or (isinstance(published, date) and not isinstance(published, datetime)):
        return published
    if isinstance(published, datetime):
        return published.date()
    return date.fromisoformat(str(published)[:10])


class _Sentence:
    __slots__ = ("end", "start", "text")

    def __init__(self, doc: "_Document", start: int, end: int):
        self.start, self.end, self.text = start, end, doc.text[start:end].strip()


def _is_heading(line: str) -> bool:
    """A short line without a full stop: a heading, or one line of a post that gives a figure a line."""
    return len(line.strip()) <= meaning.HEADING_MAX and not line.rstrip().endswith(
        ("。", "！", "；")
    )


def _paragraphs(norm: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_short) of every line."""
    paragraphs, offset = [], 0
    for line in norm.split("\n"):
        paragraphs.append((offset, offset + len(line), _is_heading(line)))
        offset += len(line) + 1
    return paragraphs


def _target_sections(norm: str, published: date | None) -> list[tuple[int, int, str | None]]:
    """(start, end, period) of the text under a heading that announces plans, up to the next
    heading; a heading is a short line without a full stop."""
    sections, heading, offset = [], None, 0
    for line in norm.split("\n"):
        if _is_heading(line):
            if heading is not None:
                sections.append((heading[0], offset, heading[1]))
                heading = None
            if meaning.TARGET_HEADING.search(line):
                periods = find_periods(line, published)
                heading = (offset + len(line), periods[-1][1] if periods else None)
        offset += len(line) + 1
    if heading is not None:
        sections.append((heading[0], offset, heading[1]))
    return sections


class _Document:
    """The text, its normalised twin and what all figures in it share, each found once for the
    whole text and then looked up by position: sentences, clause breaks, period phrases, target
    cues and names."""

    def __init__(self, text: str, published: date | None):
        self.text = text
        self.norm = norm = normalize(text)
        self.published = published
        self.sentence_starts = [0] + [m.end() for m in SENTENCE_END.finditer(norm)]
        self.breaks = [m.end() for m in CLAUSE_BREAK.finditer(norm)]
        self.periods = find_periods(norm, published)
        self.period_starts = [start for start, _, _ in self.periods]
        self.targets = [m.end() for m in meaning.TARGET_CUES.finditer(norm)]
        self.names = meaning.names_in(norm)
        self.target_sections = (
            _target_sections(norm, published) if "目标" in norm or "预期" in norm else []
        )
        self._paragraphs: list[tuple[int, int, bool]] | None = None
        self.name_ends = [start + len(name) for start, name in self.names]
        self._sentences: dict[int, _Sentence] = {}
        self._last_sentence: _Sentence | None = None

    def sentence(self, position: int) -> _Sentence:
        last = self._last_sentence
        if last is not None and last.start <= position < last.end:
            return last
        index = bisect_right(self.sentence_starts, position) - 1
        sentence = self._sentences.get(index)
        if sentence is None:
            starts = self.sentence_starts
            end = starts[index + 1] if index + 1 < len(starts) else len(self.norm)
            sentence = self._sentences[index] = _Sentence(self, starts[index], end)
        self._last_sentence = sentence
        return sentence

    @property
    def paragraphs(self) -> list[tuple[int, int, bool]]:
        """(start, end, is_short) of every line; only sentences inheriting a period need them."""
        if self._paragraphs is None:
            self._paragraphs = _paragraphs(self.norm)
            self.paragraph_starts = [start for start, _, _ in self._paragraphs]
        return self._paragraphs

    def clause_start(self, sentence: _Sentence, position: int) -> int:
        """Where the clause holding the position starts (after ，；：), within its sentence."""
        index = bisect_right(self.breaks, position) - 1
        return max(sentence.start, self.breaks[index]) if index >= 0 else sentence.start


def _magnitude(number: str) -> int:
    factor = 1
    for char in reversed(number):
        if char not in BIG_UNITS:
            break
        factor *= BIG_UNITS[char]
    return factor


_ARABIC_DIGIT = re.compile("[0-9]")
ARABIC_START = set("0123456789-")
# Fact is a NamedTuple; tuple.__new__ skips the generated constructor's argument handling, which
# costs more than the tuple itself when every figure of every article makes one.
_new = _new_fact = tuple.__new__


def _is_chinese(number: str) -> bool:
    return _ARABIC_DIGIT.search(number) is None


class _Figure(NamedTuple):
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
_ALL_GROUPS = ("qty", "pct", "frac", *_QTY_GROUPS)
SMALL_FAMILIES = {"percent", "points", "times", "tenths"}
CHANGE_FAMILIES = {"percent", "tenths", "times"}
SHARE_FAMILIES = {"percent", "tenths"}
SHARE_APPROX = {"约占": "about", "近占": "under", "超占": "over"}
NOT_APPROX_YUE = set("签节合制契预公条履违")  # 约 in 签约, 节约 … is no approximation


def _is_wording(norm: str, start: int, number: str, family: str | None, marked) -> bool:
    """Small counts in Chinese numerals are wording (三个坚持, 一批项目), not figures, unless
    they are shares or changes (两成, 两个百分点), approximate (近三成) or a rate (每分钟一辆)."""
    if family in SMALL_FAMILIES or marked or _magnitude(number) != 1:
        return False
    return "每" not in norm[meaning.clause_start(norm, 0, start) : start]


def _waits_for_unit(norm: str, m: re.Match) -> bool:
    """An Arabic number with no unit before 、/和: a list member (775.28、112.91亿元)."""
    n1, end = m["n1"], m.end()
    if not n1 or m["u1"] or m["n2"] or end >= len(norm):
        return False
    return norm[end] in LIST_JOINERS and not _is_chinese(n1)


def _quantity(doc: _Document, m: re.Match, groups: tuple) -> _Figure | None:
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
    if chinese and value < 10 and _is_wording(norm, start, n1, family, apx or mid1):
        return None
    if half:
        value += HALF
    if per is None and family == "money":
        per_before = meaning.PER_BEFORE.search(norm, max(0, start - 5), start)
        per = per_before[1] if per_before else None  # 每亩19.2万元
    if surface is None:
        unit = None
    elif per is None:
        unit = CANONICAL.get(surface, surface)
    else:
        unit = per_unit(surface, per)
    if family == "tenths":
        value, unit, high = value * 10, "%", high * 10 if high is not None else None
    elif surface == "‰":
        value, unit = Decimal(value) / 10, "%"
    approx = approx_of(apx, mid1 or mid2, post) if (apx or mid1 or mid2 or post) else None
    return _new(_Figure, (start, end, value, unit, family, approx, verb, high, False))


def _percent(m: re.Match) -> _Figure | None:
    try:
        value = parse_number(m["pn"])
        high = parse_number(m["pn2"]) if m["pn2"] else None
    except NotANumber:
        return None
    approx = approx_of(m["apx"], m["post"])
    return _Figure(m.start(), m.end(), value, "%", "percent", approx, m["verb"], high)


def _fraction(m: re.Match) -> _Figure | None:
    try:
        denominator, numerator = parse_number(m["den"]), parse_number(m["numer"])
    except NotANumber:
        return None
    if not denominator or numerator > denominator:
        return None
    value = (Decimal(numerator) / Decimal(denominator) * PERCENT).quantize(HUNDREDTHS).normalize()
    approx = approx_of(m["apx"], m["post"])
    return _Figure(m.start(), m.end(), value, "%", "percent", approx, m["verb"])


def _rank(doc: _Document, m: re.Match) -> _Figure | None:
    clause = doc.clause_start(doc.sentence(m.start()), m.start())
    if not meaning.is_rank(doc.norm, m.start(), m.end(), clause, m["rk"], m["ru"]):
        return None
    try:
        value = parse_number(m["rn"])
    except NotANumber:
        return None
    figure = _Figure(m.start(), m.end(), value, None, "rank", rank=True)
    return figure


def _kind(figure: _Figure, norm: str, clause: int, target: bool) -> str:
    if figure.rank:
        return "rank"
    previous = norm[figure.start - 1 : figure.start]
    if target and previous not in ("由", "从"):  # 由3000万只提升至6000万只: the first is now
        return "target"
    if figure.verb or figure.unit == "个百分点":
        return "change"
    family = figure.family
    if (
        family in CHANGE_FAMILIES
        and previous not in ("到", "至")  # 提高到31% is a level
        and meaning.CHANGE_CUES.search(norm, clause, figure.start)
    ):
        return "change"
    if family in SHARE_FAMILIES:
        return "share"
    return "amount"


def _last_period(doc: _Document, start: int, end: int) -> str | None:
    """The last period phrase in [start, end) that is not a target year (到2027年)."""
    index = bisect_left(doc.period_starts, end) - 1
    while index >= 0 and doc.period_starts[index] >= start:
        if not doc.periods[index][2]:
            return doc.periods[index][1]
        index -= 1
    return None


def _period_in_force(doc: _Document, sentence: _Sentence, start: int) -> str | None:
    """The period set before this sentence: earlier in its paragraph, else in the paragraphs
    before it, back to the heading of its section (whose own period counts). Lines of a post that
    gives each figure a line pass the period on through their headings. A sentence about what
    stands now (现有, 累计, 规划, 每分钟) or about plans (将, 力争) takes none."""
    norm = doc.norm
    if meaning.STOCK_CUES.search(norm, sentence.start, sentence.end):
        return None
    index = bisect_right(doc.targets, sentence.end) - 1
    if index >= 0 and doc.targets[index] > sentence.start:
        return None
    paragraphs = doc.paragraphs
    paragraph = bisect_right(doc.paragraph_starts, start) - 1
    first, _, short = paragraphs[paragraph]
    found = _last_period(doc, first, sentence.start)
    for earlier in range(paragraph - 1, -1, -1):
        if found is not None:
            break
        begin, end, heading = paragraphs[earlier]
        found = _last_period(doc, begin, end)
        if found is None and heading and not short:
            break  # the section starts here and names no period
    return found


def _fact(doc: _Document, figure: _Figure, previous: Fact | None) -> Fact:
    norm = doc.norm
    start, end, value, unit, _family, approx, verb, high, _rank = figure
    sentence = doc._last_sentence  # figures come in order: usually the one before's sentence
    if sentence is None or not sentence.start <= start < sentence.end:
        sentence = doc.sentence(start)
    index = bisect_right(doc.breaks, start) - 1  # the clause starts after ，；： or the sentence
    clause = (
        doc.breaks[index] if index >= 0 and doc.breaks[index] > sentence.start else sentence.start
    )
    # The last period phrase before the figure in its sentence (到2027年 also makes a target).
    index = bisect_left(doc.period_starts, start) - 1
    if index >= 0 and doc.period_starts[index] >= sentence.start:
        _, period, target = doc.periods[index]
    else:
        period, target = None, False
    if not target:
        index = bisect_right(doc.targets, start) - 1
        target = index >= 0 and doc.targets[index] > sentence.start
    kind = _kind(figure, norm, clause, target)
    section = None
    if doc.target_sections:  # usually none
        for sec in doc.target_sections:
            if sec[0] <= start < sec[1]:
                section = sec
    if section is not None and kind != "rank":
        kind, period = "target", period or section[2]
    elif period is None and kind != "target":
        period = _period_in_force(doc, sentence, start)
    if approx is None and kind == "share":
        for cue, meant in SHARE_APPROX.items():  # 约占全市的三分之一
            if cue in norm[clause:start]:
                approx = meant
                break
    if verb and verb.startswith(FALLING) and kind in ("change", "target"):
        value, high = -value, (-high if high is not None else None)
    # Names: the last one in the clause shapes the metric; the last one so far is the subject.
    index = bisect_right(doc.name_ends, start) - 1
    subject = doc.names[index] if index >= 0 else None
    in_clause = subject if subject is not None and subject[0] >= clause else None
    metric = meaning.metric_of(norm, clause, start, end, unit, in_clause)
    if metric is None and previous is not None and previous.sentence is sentence.text:
        metric = previous.metric
    return _new_fact(
        Fact,
        (
            doc.text[start:end],
            start,
            end,
            value if type(value) is int else to_json_number(value),
            unit,
            approx,
            to_json_number(high) if high is not None else None,
            kind,
            metric,
            subject[1] if subject is not None else None,
            period,
            sentence.text,
        ),
    )


def _figures(doc: _Document):
    """Each figure in order; numbers in a list sharing one unit (775.28、112.91亿元) get it."""
    pending: list[re.Match] = []
    for m in PATTERN.finditer(doc.norm):
        groups = m.group(*_ALL_GROUPS)  # one call: group lookups by name are not free
        qty, pct, frac = groups[:3]
        if qty is not None:
            figure = _quantity(doc, m, groups[3:])
            if figure is None and _waits_for_unit(doc.norm, m):
                if pending and pending[-1].end() + 1 != m.start():
                    pending = []
                pending.append(m)
                continue
            if figure is not None and pending and pending[-1].end() + 1 == m.start():
                yield from _list_members(doc, pending, figure, m)
            pending = []
        elif pct is not None:
            figure, pending = _percent(m), []
        elif frac is not None:
            figure, pending = _fraction(m), []
        elif m["halfshare"] is not None:  # 近一半
            approx = approx_of(m["apx"], m["post"])
            figure, pending = (
                _Figure(m.start(), m.end(), FIFTY, "%", "percent", approx, m["verb"]),
                [],
            )
        else:
            figure, pending = _rank(doc, m), []
        if figure is not None:
            yield figure


def _list_members(doc: _Document, members: list[re.Match], last: _Figure, last_match: re.Match):
    magnitude = _magnitude(last_match["n1"])
    for m in members:
        try:
            value = parse_number(m["n1"])
        except NotANumber:
            continue
        if _magnitude(m["n1"]) == 1:
            value *= magnitude
        verb = m["verb"] or last.verb
        figure = _Figure(m.start(), m.end(), value, last.unit, last.family, last.approx, verb)
        yield figure


def extract(text: str, *, published=None) -> list[Fact]:
    """Every figure in `text` as a Fact (see the fact contract in DESIGN.md).

    `published` (a date, datetime or "YYYY-MM-DD") resolves relative periods such as 今年上半年;
    without it they are left None. Include the title as the first line so that facts whose
    sentence names no park can carry the subject from it.
    """
    doc = _Document(text, _as_date(published))
    facts, previous = [], None
    for figure in _figures(doc):
        previous = _fact(doc, figure, previous)
        facts.append(previous)
    return facts
