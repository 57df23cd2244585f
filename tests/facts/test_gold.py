"""Hand-annotated articles: every figure with its value, unit, approx, kind and period."""

from pathlib import Path

import pytest

from yuanqu.facts.gold import MARK, load, score

HERE = Path(__file__).resolve().parent
SETS = {"gold": HERE / "gold", "heldout": HERE / "heldout"}


@pytest.mark.parametrize("name", SETS)
def test_f1_on_required_facts_is_at_least_095(name):
    result = score(load([SETS[name]]))
    report = "\n".join(result.mismatches)
    print(f"{name}: P {result.precision:.3f} R {result.recall:.3f} F1 {result.f1:.3f}\n{report}")
    assert result.f1 >= 0.95, report


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
