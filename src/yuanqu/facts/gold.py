"""Gold sets: articles annotated by hand with every fact, and how `extract` scores on them.

A gold file is a header of `name: value` lines (`published: 2024-08-29` is required), a blank line,
then the article with every fact marked where it stands:

    全区实现产值[[1549.2亿元|1549.2e8|元|-|amount|2024-H1|常州国家高新区/常州高新区|park|产值]]

The fields are text|value|unit|approx|kind|period, then, for a fully annotated fact,
subject|subject_kind|metric: `-` is null, a range is `low..high`, and the subject and the metric
may list alternatives with `/` (the names and aliases of the holder; the key nouns of what is
measured).

Run `python -m yuanqu.facts.gold DIR...` for every mismatch and the measures:

- value and unit: precision, recall and F1 of facts that overlap a gold fact and agree on value,
  range, unit, approx, kind and period (strict: the F1 the test suite holds);
- meaning, over the gold facts a prediction matches in span and value: period and kind correct;
  subject strict (a name or alias of the holder, exactly), subject lenient (one of them inside the
  prediction: extra words around the name allowed); metric (the prediction holds a key noun).
"""

import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .extract import extract
from .model import Fact

MARK = re.compile(r"\[\[([^|\]]+)(?:\|[^|\]]*){5}(?:\|[^|\]]*){0,3}\]\]")
FIELDS = ("value", "range_to", "unit", "approx", "kind", "period")
SUBJECT_KINDS = {
    "park",
    "enterprise",
    "region",
    "industry",
    "platform",
    "project",
    "group",
    "other",
}


@dataclass
class GoldFact:
    text: str
    start: int
    end: int
    value: Decimal
    range_to: Decimal | None
    unit: str | None
    approx: str | None
    kind: str
    period: str | None
    subject: tuple[str, ...] | None = None  # None: not annotated; ("",): no holder
    subject_kind: str | None = None
    metric: tuple[str, ...] | None = None  # None: not annotated, or nothing to measure


@dataclass
class GoldArticle:
    name: str
    published: str
    text: str
    facts: list[GoldFact]


@dataclass
class Measure:
    right: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.right, self.total = self.right + right, self.total + 1

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    values: int = 0  # agreeing on value, range, unit and approx (meaning aside)
    mismatches: list[str] = field(default_factory=list)
    period: Measure = field(default_factory=Measure)
    kind: Measure = field(default_factory=Measure)
    subject: Measure = field(default_factory=Measure)
    subject_lenient: Measure = field(default_factory=Measure)
    metric: Measure = field(default_factory=Measure)
    meaning: list[str] = field(default_factory=list)  # the meaning mismatches

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_f1(self) -> float:
        """F1 of value and unit alone: what the numbers read, whatever they are said to mean."""
        p = self.values / self.predicted if self.predicted else 1.0
        r = self.values / self.gold if self.gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _null(text: str) -> str | None:
    return None if text == "-" else text


def _alternatives(text: str) -> tuple[str, ...]:
    return ("",) if text == "-" else tuple(part.strip() for part in text.split("/") if part)


def parse(path: Path) -> GoldArticle:
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    pieces, facts, offset, last = [], [], 0, 0
    for mark in MARK.finditer(body):
        pieces.append(body[last : mark.start()])
        offset += mark.start() - last
        text, value, unit, approx, kind, period, *meaning = mark[0][2:-2].split("|")
        low, _, high = value.partition("..")
        subject, subject_kind, metric = [*meaning, None, None, None][:3]
        facts.append(
            GoldFact(
                text,
                offset,
                offset + len(text),
                Decimal(low),
                Decimal(high) if high else None,
                _null(unit),
                _null(approx),
                kind,
                _null(period),
                _alternatives(subject) if subject is not None else None,
                _null(subject_kind) if subject_kind is not None else None,
                _alternatives(metric) if metric not in (None, "-") else None,
            )
        )
        pieces.append(text)
        offset += len(text)
        last = mark.end()
    pieces.append(body[last:])
    return GoldArticle(path.stem, meta["published"], "".join(pieces), facts)


def _same(gold: GoldFact, fact: Fact) -> list[str]:
    """The fields on which a predicted fact disagrees with the gold one."""
    wrong = []
    for name in FIELDS:
        expected, got = getattr(gold, name), getattr(fact, name)
        if isinstance(expected, Decimal) and got is not None:
            if abs(expected - Decimal(str(got))) > abs(expected) * Decimal("1e-9"):
                wrong.append(name)
        elif expected != got:
            wrong.append(name)
    return wrong


def _value_agrees(gold: GoldFact, fact: Fact) -> bool:
    return "value" not in _same(gold, fact) and "range_to" not in _same(gold, fact)


def _meaning(total: Score, name: str, gold: GoldFact, fact: Fact) -> None:
    """The meaning measures of one fact whose span and value are right."""
    wrong = []
    total.period.add(fact.period == gold.period) or None
    if fact.period != gold.period:
        wrong.append(f"period {fact.period!r} != {gold.period!r}")
    total.kind.add(fact.kind == gold.kind)
    if fact.kind != gold.kind:
        wrong.append(f"kind {fact.kind!r} != {gold.kind!r}")
    if gold.subject is not None:
        said = (fact.subject or "").strip()
        strict = said in gold.subject
        total.subject.add(strict)
        total.subject_lenient.add(strict or any(name and name in said for name in gold.subject))
        if not strict:
            wrong.append(f"subject {fact.subject!r} != {'/'.join(gold.subject)!r}")
    if gold.metric is not None:
        label = fact.metric or ""
        right = any(noun in label for noun in gold.metric)
        total.metric.add(right)
        if not right:
            wrong.append(f"metric {fact.metric!r} lacks {'/'.join(gold.metric)!r}")
    if wrong:
        total.meaning.append(f"{name}: {gold.text}: " + "; ".join(wrong))


def score(articles: list[GoldArticle]) -> Score:
    total = Score()
    for article in articles:
        facts = extract(article.text, published=article.published)
        total.gold += len(article.facts)
        total.predicted += len(facts)
        unmatched = list(facts)
        for gold in article.facts:
            pair = next((f for f in unmatched if f.start < gold.end and gold.start < f.end), None)
            if pair is None:
                total.mismatches.append(f"{article.name}: missed {gold.text}")
                continue
            unmatched.remove(pair)
            if _value_agrees(gold, pair):
                _meaning(total, article.name, gold, pair)
            wrong = _same(gold, pair)
            if not set(wrong) & {"value", "range_to", "unit", "approx"}:
                total.values += 1
            if wrong:
                details = ", ".join(
                    f"{n} {getattr(pair, n)!r} != {getattr(gold, n)!r}" for n in wrong
                )
                total.mismatches.append(f"{article.name}: {gold.text}: {details}")
            else:
                total.correct += 1
        total.mismatches += [f"{article.name}: spurious {fact.text}" for fact in unmatched]
    return total


def load(paths: list[Path]) -> list[GoldArticle]:
    files = [p for path in paths for p in (sorted(path.glob("*.txt")) if path.is_dir() else [path])]
    return [parse(path) for path in files]


def report(result: Score) -> str:
    """The measures, one line each (the held-out targets in brackets)."""

    def line(label: str, measure: Measure, target: str) -> str:
        rate = f"{measure.rate:.3f}" if measure.total else "  n/a"
        return f"  {label:<34} {rate}  ({measure.right}/{measure.total}; target {target})"

    return "\n".join(
        [
            f"gold {result.gold}, predicted {result.predicted}, correct {result.correct}: "
            f"precision {result.precision:.3f}, recall {result.recall:.3f}, F1 {result.f1:.3f}",
            f"  {'value and unit F1':<34} {result.value_f1:.3f}",
            line("period correct", result.period, ">= 0.90"),
            line("subject names the holder", result.subject, ">= 0.80"),
            line("subject, extra words allowed", result.subject_lenient, ">= 0.90"),
            line("metric holds the key noun", result.metric, ">= 0.90"),
            line("kind correct", result.kind, ">= 0.98"),
        ]
    )


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    result = score(load([Path(arg) for arg in argv if not arg.startswith("--")]))
    if not quiet:
        for line in result.mismatches + result.meaning:
            print(line)
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
