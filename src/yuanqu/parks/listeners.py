"""The knowledge base follows the news: a published article is read after its write commits.
What an unpublished article gave stays stored (an editor's decisions on it included) but is
shown nowhere: every read goes through `Article.objects.published()`."""

from django.db import transaction
from django.dispatch import receiver

from yuanqu.news.models import Article
from yuanqu.news.signals import article_published, article_seen

from .models import ArticleReading


@receiver(article_published, dispatch_uid="parks.read_article")
def read_article(sender, *, article: Article, **kwargs) -> None:
    article_id = article.pk
    transaction.on_commit(lambda: _read(article_id), robust=True)


@receiver(article_seen, dispatch_uid="parks.repair_reading")
def repair_reading(sender, *, article: Article, **kwargs) -> None:
    """A published article that was never read, or changed since it was (a crash between the
    write and its reading): read it now."""
    if article.status != Article.Status.PUBLISHED:
        return
    reading = ArticleReading.objects.filter(article=article).first()
    if reading is None or reading.read_at < article.updated_at:
        read_article(sender, article=article)


def _read(article_id: int) -> None:
    from .services import article_read

    article = Article.objects.filter(pk=article_id, status=Article.Status.PUBLISHED).first()
    if article is not None:
        article_read(article=article)
