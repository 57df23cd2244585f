"""One rule for everything derived from an article: it shows exactly while the article does.
Taking an article down removes its figures, memberships, recognitions, platforms, projects, the
enterprises only it names, its search entries, feeds and sitemap lines from every page; restoring
it brings them all back."""

import pytest
from django.utils import timezone

from tests.html import text_of
from yuanqu.news import services as articles
from yuanqu.news.models import Article
from yuanqu.news.selectors import channel_articles
from yuanqu.parks.models import (
    NEWS_SOURCE,
    Enterprise,
    Membership,
    ParkFact,
    Platform,
    Project,
    Recognition,
)

pytestmark = pytest.mark.django_db
FEED_ITEMS = 30  # a feed's newest articles


def pages_showing(article: Article) -> dict[str, list[str]]:
    """Every page that shows something read from the article, with what it shows of it: the
    pages are found from the knowledge base, not listed by hand."""
    shown: dict[str, list[str]] = {}

    def show(url: str, text: str) -> None:
        shown.setdefault(url, []).append(text)

    for fact in ParkFact.objects.shown().filter(article=article, park__isnull=False):
        if fact.indicator:
            show(fact.park.get_absolute_url(), fact.get_absolute_url())  # its source link
    for row in Membership.objects.shown().filter(article=article).select_related("park"):
        show(row.park.get_absolute_url(), row.enterprise.name)
        show(row.enterprise.get_absolute_url(), row.park.name)
    for row in Recognition.objects.shown().filter(article=article).select_related("enterprise"):
        show(row.enterprise.get_absolute_url(), row.get_absolute_url())
    for row in Platform.objects.shown().filter(article=article, park__isnull=False):
        show(row.park.get_absolute_url(), row.name)
    for row in Project.objects.shown().filter(article=article, park__isnull=False):
        show(row.park.get_absolute_url(), row.get_absolute_url())
    for link in article.industry_links.filter(removed=False).select_related("industry"):
        show(link.industry.get_absolute_url(), article.title)
    for link in article.park_links.filter(removed=False).select_related("park"):
        show(link.park.get_absolute_url(), article.title)
    for region in article.regions.all():
        province = region.parent or region
        if article in channel_articles(province)[:FEED_ITEMS]:
            show(f"/{province.slug}/feed/", article.get_absolute_url())
    for enterprise in Enterprise.objects.filter(mentions__article=article, source=NEWS_SOURCE):
        show("/enterprises/", enterprise.name)
        show(f"/search/?q={enterprise.name}&kind=enterprise", enterprise.get_absolute_url())
    show(f"/search/?q={article.title}", article.get_absolute_url())
    show("/sitemap-articles.xml", article.get_absolute_url())
    if article in channel_articles(None)[:FEED_ITEMS]:
        show("/feed/", article.get_absolute_url())
    return shown


def content(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    return response.content.decode() + text_of(response)


def test_taking_an_article_down_removes_what_it_gave_everywhere_and_restoring_brings_it_back(
    demo_corpus, client, django_capture_on_commit_callbacks
):
    article = Article.objects.get(import_key="2024-09-30-kunshan-user-company")
    shown = pages_showing(article)
    kinds = {url.split("/")[1] for url in shown}
    assert {"parks", "enterprises", "industries", "search", "js", "sitemap-articles.xml"} <= kinds
    for url, texts in shown.items():
        page = content(client, url)
        assert all(text in page for text in texts), url  # the premise: it shows now
    with django_capture_on_commit_callbacks(execute=True):
        articles.article_take_down(
            article=article, actor=None, now=timezone.now(), reason="侵权", label="测试"
        )
    assert client.get(article.get_absolute_url()).status_code == 410
    for url, texts in shown.items():
        page = content(client, url)
        assert not any(text in page for text in texts), url
    only_here = Enterprise.objects.filter(mentions__article=article, source=NEWS_SOURCE).first()
    if only_here is not None:  # an enterprise no published article names has no page
        assert client.get(only_here.get_absolute_url()).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        articles.article_restore(
            article=article, actor=None, now=timezone.now(), reason="反通知", label="测试"
        )
    for url, texts in shown.items():
        page = content(client, url)
        assert all(text in page for text in texts), url
