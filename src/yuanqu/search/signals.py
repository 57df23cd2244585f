"""Keeping the index in step, after commit: an article when its state changes, a park or an
enterprise when it changes."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from yuanqu.news.models import Article
from yuanqu.parks.models import Enterprise, Park


def _later(task):
    transaction.on_commit(task, robust=True)


@receiver(post_save, sender=Article, dispatch_uid="search.article")
def article_changed(sender, instance: Article, raw=False, **kwargs):
    if raw:
        return
    article_id = instance.pk

    def index():
        from .services import article_index

        article = Article.objects.filter(pk=article_id).first()
        if article is not None:
            article_index(article=article)

    _later(index)


@receiver(post_save, sender=Park, dispatch_uid="search.park")
def park_changed(sender, instance: Park, raw=False, created=False, **kwargs):
    """An edited park; new parks come in thousands from the catalogue and are indexed in bulk
    (`yuanqu init`, `yuanqu reindex`)."""
    if not raw and not created:
        park_id = instance.pk
        _later(lambda: _index_park(park_id))


@receiver(post_save, sender=Enterprise, dispatch_uid="search.enterprise")
def enterprise_changed(sender, instance: Enterprise, raw=False, **kwargs):
    if not raw:
        enterprise_id = instance.pk
        _later(lambda: _index_enterprise(enterprise_id))


def _index_park(park_id: int) -> None:
    from .services import park_index

    park = Park.objects.filter(pk=park_id).select_related("province", "city").first()
    if park is not None:
        park_index(park=park)


def _index_enterprise(enterprise_id: int) -> None:
    from .services import enterprise_index

    enterprise = Enterprise.objects.filter(pk=enterprise_id).first()
    if enterprise is not None:
        enterprise_index(enterprise=enterprise)
