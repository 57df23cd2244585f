"""Reading a published article into the knowledge base, once: the engine extracts its facts a
single time, and every step below uses that reading."""

from datetime import date
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from yuanqu.facts import extract
from yuanqu.news.models import Article

from .. import signals
from ..models import ArticleReading
from .entities import article_read_entities
from .facts import article_store_facts
from .linking import (
    article_add_park_regions,
    article_link_industries,
    article_link_parks,
    article_text,
    linked_parks,
)
from .matchers import ParkMatcher, park_matcher

SHANGHAI = ZoneInfo("Asia/Shanghai")


def published_day(article: Article) -> date | None:
    """The day of publication in Beijing, which dates the article's relative periods (今年)."""
    moment = article.published_at
    return moment.astimezone(SHANGHAI).date() if moment else None


@transaction.atomic
def article_read(*, article: Article, matcher: ParkMatcher | None = None) -> int:
    """Everything the knowledge base takes from a published article, in order: the parks and
    industries it names, its facts, then its enterprises, platforms and projects. Editors'
    links, removals and decisions are kept. Returns the number of facts read; sends
    `parks.signals.article_read` (search indexes the article with its links)."""
    matcher = matcher or park_matcher()
    text, published = article_text(article), published_day(article)
    facts = extract(text, published=published)
    article_link_parks(article=article, matcher=matcher, text=text)
    article_add_park_regions(article=article)
    article_link_industries(article=article, text=text)
    linked = linked_parks(article)
    article_store_facts(article=article, facts=facts, matcher=matcher, linked=linked)
    ArticleReading.objects.update_or_create(
        article=article, defaults={"read_at": timezone.now(), "facts": len(facts)}
    )
    article_read_entities(
        article=article, text=text, facts=facts, parks=matcher, linked=linked, published=published
    )
    signals.article_read.send(sender=type(article), article=article)
    return len(facts)
