"""Keeping the index in step, after commit: an article once the knowledge base has read it
(its park and industry tags are then known), out as soon as it is no longer published; a park
or an enterprise when it changes."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from yuanqu.news.models import Article
from yuanqu.news.signals import article_seen, article_unpublished
from yuanqu.parks.models import Enterprise, Park
from yuanqu.parks.signals import article_read


def _later(task):
    transaction.on_commit(task, robust=True)


@receiver(article_read, dispatch_uid="search.article_read")
def article_read_by_parks(sender, *, article: Article, **kwargs):
    article_id = article.pk
    _later(lambda: _index_article(article_id))


@receiver(article_unpublished, dispatch_uid="search.article_unpublished")
def article_gone(sender, *, article: Article, **kwargs):
    article_id = article.pk
    _later(lambda: _index_article(article_id))


@receiver(article_seen, dispatch_uid="search.article_seen")
def article_seen_again(sender, *, article: Article, **kwargs):
    """An import found the article as it was: index it if a crash left it out."""
    from .models import SearchDocument

    listed = SearchDocument.objects.filter(kind="article", object_id=article.pk).exists()
    if listed != (article.status == Article.Status.PUBLISHED):
        article_gone(sender, article=article)


def _index_article(article_id: int) -> None:
    from .services import article_enterprises_index, article_index, document_delete

    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        document_delete(kind="article", object_id=article_id)
    else:
        article_index(article=article)
    article_enterprises_index(article_id=article_id)


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
