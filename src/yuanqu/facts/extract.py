"""`extract(text, published=...)`: every figure in a Chinese text as a typed Fact."""

import re
from bisect import bisect_left, bisect_right
from datetime import date, datetime

from . import meaning, metrics
from .document import Document, Sentence, is_heading
from .figures import CHANGE_FAMILIES, SHARE_APPROX, SHARE_FAMILIES, Figure, figures
from .grammar import FALLING
from .model import Fact
from .numbers import to_json_number

# Fact is a NamedTuple; tuple.__new__ skips the generated constructor's argument handling, which
# costs more than the tuple itself when every figure of every article makes one.
_new_fact = tuple.__new__


def _as_date(published) -> date | None:
    if published is None or (isinstance(published, date) and not isinstance(published, datetime)):
        return published
    if isinstance(published, datetime):
        return published.date()
    return date.fromisoformat(str(published)[:10])


def _kind(figure: Figure, norm: str, clause: int, target: bool) -> str:
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


def _last_period(doc: Document, start: int, end: int) -> str | None:
    """The last period phrase in [start, end) that is not a target year (到2027年)."""
    index = bisect_left(doc.period_starts, end) - 1
    while index >= 0 and doc.period_starts[index] >= start:
        if not doc.periods[index][2]:
            return doc.periods[index][1]
        index -= 1
    return None


PERIOD_ONLY = re.compile(r"[\s—–\-－：:，,。…·]*")


def _period_only(doc: Document, first: int, end: int) -> str | None:
    """The period of a line that is only a period phrase (今年上半年——, 1—9月:), else None."""
    index = bisect_left(doc.period_starts, first)
    if index >= len(doc.period_starts) or doc.period_starts[index] >= end:
        return None
    start, period, target, _end = doc.periods[index]
    if target or not PERIOD_ONLY.fullmatch(doc.norm, first, start):
        return None
    phrase = doc.period_ends[index]
    return period if PERIOD_ONLY.fullmatch(doc.norm, phrase, end) else None


def _period_in_force(doc: Document, sentence: Sentence, start: int) -> str | None:
    """The period set before this sentence: earlier in its paragraph, else in the paragraphs of
    its section before it, else the heading of its section (whose own period counts) or of the
    sections above it. A line that is only a period phrase (今年上半年——) governs what follows
    until the next period phrase, through subheadings that name none. A sentence about what
    stands (建有, 现有, 累计 …) inherits none: its figures are dated only by a phrase of its own."""
    norm = doc.norm
    if meaning.STOCK_WORDS.search(norm, sentence.start, sentence.end):
        return None
    first, end = doc.line(start)
    found = _last_period(doc, first, sentence.start)
    crossed = is_heading(norm[first:end]) and first < sentence.start  # a line-per-figure post
    while found is None and first > 0:  # the lines before, nearest first
        end = first - 1
        first = norm.rfind("\n", 0, end) + 1
        only = _period_only(doc, first, end)
        if only is not None:
            return only
        heading = is_heading(norm[first:end])
        if heading or not crossed:
            found = _last_period(doc, first, end)
        crossed = crossed or heading
    return found


def _target_in_force(doc: Document, sentence: Sentence, clause: int, start: int) -> bool:
    """A plan or an estimate: a strong cue (力争, 目标 …) earlier in the sentence, or a weak one
    (预计, 将, 有望) earlier in the figure's own clause; 将 before a noun is 把, no future."""
    index = bisect_right(doc.targets, start) - 1
    while index >= 0 and doc.targets[index] > sentence.start:
        end = doc.targets[index]
        cue = doc.target_cues[index]
        if cue == "将" and not meaning.FUTURE_AFTER_JIANG.match(doc.norm, end):
            index -= 1
            continue
        return cue.startswith(meaning.STRONG_TARGET_CUES) or end > clause
    return False


THAT_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")


def _that_year(doc: Document, sentence: Sentence, start: int) -> str | None:
    """当年: the year the sentence named before, an event's year included (1988年落户的…，当年
    销售额仅870万元)."""
    years = THAT_YEAR.findall(doc.norm, sentence.start, start)
    return years[-1] if years else None


def _announced_year(doc: Document, sentence: Sentence) -> str | None:
    """The year a target is set for when its own sentence names none: the year of the sentence or
    heading that announces it (会议对2025年工作作出部署。主要预期目标是：…)."""
    index = bisect_left(doc.period_starts, sentence.start) - 1
    first = doc.line(sentence.start)[0]
    floor = norm_floor = doc.norm.rfind("\n", 0, max(first - 1, 0)) + 1 if first else 0
    while index >= 0 and doc.period_starts[index] >= min(norm_floor, floor):
        period = doc.periods[index][1]
        if len(period) == 4:
            return period
        index -= 1
    return None


def _metric(doc, figure, kind, sentence, clause, in_clause, previous) -> str | None:
    """What the figure measures (see `metrics` for what refines the words before it)."""
    norm, start, end, unit = doc.norm, figure.start, figure.end, figure.unit
    label = meaning.metric_of(norm, clause, start, end, unit, in_clause)
    better = None
    if kind == "rank":
        better = metrics.rank_label(norm, sentence.start, start, doc.title_end)
    elif kind == "share" or "占" in norm[clause:start]:
        better = metrics.share_label(norm, clause, start)
    if better is None:
        better = metrics.listed(norm, clause, start, doc.figure_starts)
    if better is None and metrics.RESPECTIVELY.search(norm, clause, start):
        items = metrics.list_items(norm, sentence.start, clause)
        found = metrics.RESPECTIVELY.search(norm, clause, start)
        if items and found:
            order = sum(1 for s in doc.figure_starts if found.end() <= s < start)
            better = items[min(order, len(items) - 1)]
    if better is None:
        better = metrics.sum_label(norm, end, unit)
    if better is None and metrics.is_noise(label):
        better = metrics.line_label(norm, doc.line(start)[0], start)
    label = better or label
    if metrics.is_noise(label) and previous is not None and _near(doc, previous, sentence, start):
        return previous.metric
    return None if metrics.is_noise(label) else label


def _near(doc: Document, previous: Fact, sentence: Sentence, start: int) -> bool:
    """The figure before is in the same sentence, or on the line just before (a post of lines)."""
    if previous.sentence is sentence.text:
        return True
    line_from = doc.line(start)[0]
    return line_from > 0 and doc.line(line_from - 1)[0] <= previous.start < line_from


def _fact(doc: Document, figure: Figure, previous: Fact | None) -> Fact:
    norm = doc.norm
    start, end, value, unit, _family, approx, verb, high, _rank = figure
    sentence = doc._last_sentence  # figures come in order: usually the one before's sentence
    if sentence is None or not sentence.start <= start < sentence.end:
        sentence = doc.sentence(start)
    clause = doc.clause_start(sentence, start)
    # The last period phrase before the figure in its sentence (到2027年 also makes a target).
    index = bisect_left(doc.period_starts, start) - 1
    if index >= 0 and doc.period_starts[index] >= sentence.start:
        _, period, target, _end = doc.periods[index]
    else:
        period, target = None, False
    if not target:
        target = _target_in_force(doc, sentence, clause, start)
    kind = _kind(figure, norm, clause, target)
    section = None
    if doc.target_sections:  # usually none
        for sec in doc.target_sections:
            if sec[0] <= start < sec[1]:
                section = sec
    if section is not None and kind != "rank":
        kind, period = "target", period or section[2]
    elif kind not in ("target", "rank") and meaning.is_stock(
        norm,
        sentence.start,
        clause,
        start,
        end,
        unit,
        doc.period_starts[
            bisect_left(doc.period_starts, sentence.start) : bisect_left(doc.period_starts, start)
        ],
    ):
        period = None  # what stands has no period, whatever period is in force
    elif period is None and kind != "target" and "当年" in norm[clause:start]:
        period = _that_year(doc, sentence, start)
    elif period is None and kind != "target":
        # The same for every figure of the sentence (a sentence lies within one line).
        inherited = doc.inherited
        if sentence.start in inherited:
            period = inherited[sentence.start]
        else:
            period = inherited[sentence.start] = _period_in_force(doc, sentence, start)
    elif period is None:
        period = _announced_year(doc, sentence)

    if approx is None and kind == "share":
        for cue, meant in SHARE_APPROX.items():  # 约占全市的三分之一
            if cue in norm[clause:start]:
                approx = meant
                break
    if verb and verb.startswith(FALLING) and kind in ("change", "target"):
        value, high = -value, (-high if high is not None else None)
    # Names: the last one in the clause shapes the metric; the holder is worked out in `holders`.
    index = bisect_right(doc.name_ends, start) - 1
    named = doc.names[index] if index >= 0 else None
    in_clause = named if named is not None and named[0] >= clause else None
    metric = _metric(doc, figure, kind, sentence, clause, in_clause, previous)
    first = bisect_right(doc.breaks, sentence.start)
    clause_starts = [sentence.start, *doc.breaks[first : bisect_right(doc.breaks, start)]]
    subject, subject_kind = doc.holders.holder(
        clause_starts=clause_starts,
        paragraph_from=doc.line(start)[0],
        start=start,
        end=end,
        figure_starts=doc.figure_starts,
    )
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
            subject,
            subject_kind if subject is not None else None,
            period,
            sentence.text,
        ),
    )


def extract(text: str, *, published=None) -> list[Fact]:
    """Every figure in `text` as a Fact (see the fact contract in DESIGN.md).

    `published` (a date, datetime or "YYYY-MM-DD") resolves relative periods such as 今年上半年;
    without it they are left None. Include the title as the first line so that facts whose
    sentence names no park can carry the subject from it.
    """
    doc = Document(text, _as_date(published))
    found = list(figures(doc))
    doc.figure_starts = [figure.start for figure in found]
    facts, previous = [], None
    for figure in found:
        previous = _fact(doc, figure, previous)
        facts.append(previous)
    return facts
