"""Gold sets: articles annotated by hand with every fact, and how `extract` scores on them.

A gold file is a header of `name: value` lines (`published: 2024-08-29` is required), a blank line,
then the article with every fact marked where it stands:

    全区实现产值[[1549.2亿元|1549.2e8|元|-|amount|2024-H1]]，同比[[增长7.4%|7.4|%|-|change|2024-H1]]。

The fields are text|value|unit|approx|kind|period; `-` is null and a range is `low..high`.
Run `python -m yuanqu.facts.gold DIR...` for precision, recall, F1 and every mismatch.

Scoring is strict: a predicted fact is correct when it overlaps a gold fact and agrees on value,
range, unit, approx, kind and period. Precision = correct / predicted, recall = correct / gold.
"""

import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .extract import extract
from .model import Fact

MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)\|([^|\]]+)\|([^|\]]+)\|([^|\]]+)\|([^|\]]+)\]\]")
FIELDS = ("value", "range_to", "unit", "approx", "kind", "period")


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


@dataclass
class GoldArticle:
    name: str
    published: str
    text: str
    facts: list[GoldFact]


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    mismatches: list[str] = field(default_factory=list)

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


def _null(text: str) -> str | None:
    return None if text == "-" else text


def parse(path: Path) -> GoldArticle:
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    pieces, facts, offset, last = [], [], 0, 0
    for mark in MARK.finditer(body):
        pieces.append(body[last : mark.start()])
        offset += mark.start() - last
        text, value, unit, approx, kind, period = mark.groups()
        low, _, high = value.partition("..")
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
            wrong = _same(gold, pair)
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


def main(argv: list[str]) -> int:
    result = score(load([Path(arg) for arg in argv]))
    for line in result.mismatches:
        print(line)
    print(
        f"gold {result.gold}, predicted {result.predicted}, correct {result.correct}: "
        f"precision {result.precision:.3f}, recall {result.recall:.3f}, F1 {result.f1:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
