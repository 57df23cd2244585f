"""After a published article commits: link it to the parks it names, store its facts, and read
its enterprises, platforms and projects."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from yuanqu.news.models import Article


@receiver(post_save, sender=Article, dispatch_uid="parks.link_article")
def link_article_to_parks(sender, instance: Article, raw=False, **kwargs):
    if raw or instance.status != Article.Status.PUBLISHED:
        return
    article_id = instance.pk
    transaction.on_commit(lambda: _link(article_id))


def _link(article_id: int) -> None:
    from .entity_services import article_read

    article = Article.objects.filter(pk=article_id).first()
    if article is not None:
        article_read(article=article)
