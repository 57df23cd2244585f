from datetime import UTC, datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import PublishedArticleFactory
from yuanqu.audit.models import AuditEntry
from yuanqu.news import services as articles
from yuanqu.parks.models import Park, ParkFact
from yuanqu.parks.selectors import park_indicator_cards, park_other_facts
from yuanqu.parks.services import FactDecisionError, fact_correct, fact_reject
from yuanqu.parks.templatetags.figures import figure, period_label

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


@pytest.fixture
def demo(demo_corpus):
    return Park.objects.get(name="常州高新技术产业开发区")


def cards(park) -> dict:
    return {card.indicator.code: card for card in park_indicator_cards(park)}


def test_publishing_stores_the_articles_figures_on_the_park_with_their_sentence(demo):
    found = cards(demo)
    assert found["leading_output"].latest.shown_value == Decimal("154920000000")
    assert found["leading_output"].latest.period == "2024-H1"
    assert found["hitech_enterprises"].latest.shown_value == 1371
    assert found["output_share_hitech"].latest.shown_value == Decimal("68.8")
    assert found["good_air_days"].latest.shown_value == Decimal("76.3")
    fact = found["hitech_output"].latest
    assert fact.sentence[fact.start - fact.start :].count("2575亿元") == 1
    article_text = fact.article.title + "\n" + fact.article.text
    assert article_text[fact.start : fact.end] == fact.text == "2575亿元"
    assert "545.6亿元" in [f.text for f in park_other_facts(demo)]  # unmatched facts are kept


def test_editor_decisions_survive_reextraction(demo):
    fact = cards(demo)["hitech_enterprises"].latest
    fact_correct(fact=fact, actor=None, now=NOW, value=1372, reason="checked against the bulletin")
    wrong = cards(demo)["area_planned"].latest
    fact_reject(
        fact=wrong, actor=None, now=NOW, reason="planned area of the new town, not the park"
    )
    call_command("reextract", no_progress=True, stdout=StringIO())
    found = cards(demo)
    assert found["hitech_enterprises"].latest.shown_value == 1372
    assert found["hitech_enterprises"].latest.value == 1371  # the engine's reading stays beside it
    assert "area_planned" not in found
    change = AuditEntry.objects.get(target_type="parkfact", target_id=fact.pk)
    assert (change.event, change.before["value"], change.after["value"]) == (
        "parks.fact.corrected",
        "1371家",
        "1372家",
    )
    with pytest.raises(FactDecisionError):
        fact_correct(fact=fact, actor=None, now=NOW)


def test_a_decided_fact_no_longer_in_the_text_is_kept_as_stale(
    demo, django_capture_on_commit_callbacks
):
    fact = cards(demo)["hitech_enterprises"].latest
    fact_correct(fact=fact, actor=None, now=NOW, value=1372)
    article = fact.article
    article.body = [block for block in article.body if "1371" not in block.get("text", "")]
    with django_capture_on_commit_callbacks(execute=True):
        articles.article_update(article=article, fields={"body": article.body})
    assert ParkFact.objects.get(pk=fact.pk).stale


def test_conflicting_sources_for_one_period_are_shown_as_such(
    demo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        PublishedArticleFactory(
            title="常州国家高新区上半年运行",
            body=[
                {
                    "type": "paragraph",
                    "text": "今年上半年，常州国家高新区主导产业实现产值1550亿元。",
                }
            ],
            published_at=datetime(2024, 9, 1, 2, 0, tzinfo=UTC),
        )
    card = cards(demo)["leading_output"]
    assert card.sources == 2 and card.conflicts == ["2024-H1"]


def test_the_park_page_shows_each_figure_with_its_period_and_source(client, demo):
    page = client.get(demo.get_absolute_url()).content.decode()
    for text in ("1549.2亿元", "2024年上半年", "1371家", "68.8%", "76.3%", "截至 2024/08/29"):
        assert text in page, text
    assert page.count('href="/news/') >= 8


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (Decimal("154920000000"), "元", "1549.2亿元"),
        (Decimal("8700000"), "元", "870万元"),
        (Decimal("1371"), "家", "1371家"),
        (Decimal("68.8"), "%", "68.8%"),
        (Decimal("300"), "元", "300元"),
    ],
)
def test_figures_read_as_chinese_news_writes_them(value, unit, text):
    assert figure(value, unit) == text


@pytest.mark.parametrize(
    ("period", "text"),
    [
        ("2024", "2024年"),
        ("2024-H1", "2024年上半年"),
        ("2024-Q3", "2024年三季度"),
        ("2024-01..2024-09", "2024年1—9月"),
        ("2024-06", "2024年6月"),
        ("", ""),
    ],
)
def test_periods_read_as_chinese(period, text):
    assert period_label(period) == text


def test_admin_actions_record_the_editor(demo, admin_client, admin_user):
    fact = cards(demo)["hitech_enterprises"].latest
    response = admin_client.post(
        "/admin/parks/parkfact/", {"action": "confirm", "_selected_action": [fact.pk]}
    )
    assert response.status_code == 302
    change = AuditEntry.objects.get(target_type="parkfact", target_id=fact.pk)
    assert (change.actor, change.event) == (admin_user, "parks.fact.confirmed")


@pytest.mark.parametrize(
    ("period", "valid"),
    [
        ("2024", True),
        ("2024-H2", True),
        ("2024-Q4", True),
        ("2024-12", True),
        ("2024-01..2024-08", True),
        ("2024-13", False),
        ("2024-00", False),
        ("2024-Q5", False),
        ("2024-08..2024-01", False),
        ("2024-01..2025-08", False),
        ("0001", False),
        ("24-1", False),
    ],
)
def test_an_editor_can_only_save_a_period_that_exists(period, valid):
    from yuanqu.parks.periods import is_valid_period

    assert is_valid_period(period) is valid


def test_a_correction_to_a_month_that_does_not_exist_is_refused(demo):
    fact = cards(demo)["hitech_enterprises"].latest
    with pytest.raises(FactDecisionError, match="2024-H1"):
        fact_correct(fact=fact, actor=None, now=NOW, period="2024-13")
    assert ParkFact.objects.get(pk=fact.pk).corrected_period == ""
