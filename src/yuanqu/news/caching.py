"""A version of what is published: it changes whenever an article becomes public or stops
being public, so that anything cached under it (sitemaps, and pages on the scale path) is never
older than the last publication or takedown."""

from django.core.cache import cache
from django.db import transaction
from django.dispatch import receiver

from .signals import article_published, article_unpublished

KEY = "news:published-version"


def published_version() -> int:
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, 1, None)
        version = cache.get(KEY, 1)
    return version


def _bump() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # not set yet (a fresh cache)
        cache.add(KEY, 2, None)


@receiver(article_published, dispatch_uid="news.published_version.published")
@receiver(article_unpublished, dispatch_uid="news.published_version.unpublished")
def article_visibility_changed(sender, **kwargs) -> None:
    transaction.on_commit(_bump)
