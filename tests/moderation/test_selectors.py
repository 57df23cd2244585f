"""The moderators' queue as they read it."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import PublishedArticleFactory
from yuanqu.moderation import selectors, services
from yuanqu.moderation.models import Category

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_case_shows_all_its_reports_with_or_without_a_category_filter():
    """Filtering the queue by a category picks the cases, not the reports counted: a case with
    three reports, two of them advertising, reads "3 reports" either way, once."""
    article = PublishedArticleFactory()
    for minutes, category in ((0, Category.ADVERTISING), (1, Category.ADVERTISING), (2, "rumour")):
        services.report_create(
            article=article, category=category, details="…", now=NOW + timedelta(minutes=minutes)
        )
    PublishedArticleFactory()  # and an article nobody reported
    unfiltered = selectors.open_cases(NOW)
    advertising = selectors.open_cases(NOW, Category.ADVERTISING)
    rumour = selectors.open_cases(NOW, Category.RUMOUR)
    for rows in (unfiltered, advertising, rumour):
        assert [(row.article, row.reports_count, row.first_at) for row in rows] == [
            (article, 3, NOW)
        ]
        assert rows[0].categories == [Category.ADVERTISING, Category.RUMOUR]
    assert selectors.open_cases(NOW, Category.PRIVACY) == []
