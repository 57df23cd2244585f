"""`extract(text, published=...)`: every figure in a Chinese text as a typed Fact."""

from bisect import bisect_left, bisect_right
from datetime import date, datetime

from . import meaning
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


def _period_in_force(doc: Document, sentence: Sentence, start: int) -> str | None:
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
    first, end = doc.line(start)
    short = is_heading(norm[first:end])
    found = _last_period(doc, first, sentence.start)
    while found is None and first > 0:  # the lines before, nearest first
        end = first - 1
        first = norm.rfind("\n", 0, end) + 1
        found = _last_period(doc, first, end)
        if found is None and not short and is_heading(norm[first:end]):
            break  # the section starts here and names no period
    return found


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
        # The same for every figure of the sentence (a sentence lies within one line).
        inherited = doc.inherited
        if sentence.start in inherited:
            period = inherited[sentence.start]
        else:
            period = inherited[sentence.start] = _period_in_force(doc, sentence, start)
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


def extract(text: str, *, published=None) -> list[Fact]:
    """Every figure in `text` as a Fact (see the fact contract in DESIGN.md).

    `published` (a date, datetime or "YYYY-MM-DD") resolves relative periods such as 今年上半年;
    without it they are left None. Include the title as the first line so that facts whose
    sentence names no park can carry the subject from it.
    """
    doc = Document(text, _as_date(published))
    facts, previous = [], None
    for figure in figures(doc):
        previous = _fact(doc, figure, previous)
        facts.append(previous)
    return facts
