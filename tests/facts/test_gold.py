"""Hand-annotated articles: every figure with its value, unit, approx, kind, period, subject,
subject kind and metric. The gold set (developed against) must meet the targets the held-out
real articles are scored against; the held-out set (written after) must not fall below floors
a little under them — a regression guard, not the measure."""

from pathlib import Path

import pytest

from yuanqu.facts.gold import MARK, load, report, score

HERE = Path(__file__).resolve().parent
SETS = {"gold": HERE / "gold", "heldout": HERE / "heldout"}


TARGETS = {  # period, subject, subject with extra words, metric, kind
    "gold": (0.90, 0.80, 0.90, 0.90, 0.98),
    "heldout": (0.90, 0.80, 0.85, 0.80, 0.95),
}


@pytest.mark.parametrize("name", SETS)
def test_values_units_and_meaning_meet_their_targets(name):
    result = score(load([SETS[name]]))
    print(report(result))
    details = "\n".join(result.mismatches + result.meaning)
    assert result.value_f1 >= 0.95, details
    measures = (result.period, result.subject, result.subject_lenient, result.metric, result.kind)
    for measure, floor in zip(measures, TARGETS[name], strict=True):
        assert measure.rate >= floor, f"{report(result)}\n{details}"


def test_the_gold_set_is_large_and_varied_enough():
    articles = load([SETS["gold"]])
    assert len(articles) >= 20
    kinds = {fact.kind for article in articles for fact in article.facts}
    assert kinds == {"amount", "change", "share", "target", "rank"}
    assert sum(len(article.facts) for article in articles) >= 200


@pytest.mark.parametrize(
    "path", sorted(SETS["gold"].glob("*.txt")) + sorted(SETS["heldout"].glob("*.txt"))
)
def test_annotations_are_well_formed(path):
    article = load([path])[0]
    assert article.published[:4].isdigit()
    for fact in article.facts:
        assert article.text[fact.start : fact.end] == fact.text
        assert fact.kind in {"amount", "change", "share", "target", "rank"}
        assert fact.approx in {None, "over", "under", "about"}
    assert "[[" not in article.text and "]]" not in article.text
    assert len(MARK.findall(path.read_text(encoding="utf-8"))) == len(article.facts)
