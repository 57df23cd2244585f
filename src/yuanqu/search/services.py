"""Keeping the search index in step: documents for articles, parks and enterprises, written
through the configured backend. An article is in the index while it is published (a scheduled
one is found from its time on, see `backends.base.key_range`) and gone as soon as it is
withdrawn, taken down or hidden."""

from collections.abc import Iterator
from typing import TypeVar

from django.db import models, transaction
from django.db.models import Max, QuerySet
from tqdm import tqdm

from yuanqu.news.models import Article
from yuanqu.parks.models import ArticleIndustry, ArticlePark, Enterprise, Industry, Membership, Park

from . import analysis
from .backends import get_backend
from .documents import (
    article_key,
    enterprise_key,
    industry_tag,
    kind_tag,
    level_tag,
    park_key,
    park_tag,
    region_tag,
    region_tags,
    source_tag,
)
from .models import SearchDocument

BODY_KEPT = 200_000  # characters of a body kept: snippets, and long phrases confirmed in it
M = TypeVar("M", bound=models.Model)


def _analysed(title: str, body: str) -> dict:
    # The body indexed is the body kept, so that what the index finds can be confirmed in it.
    title, body = analysis.normalise(title), analysis.normalise(body)[:BODY_KEPT]
    return {
        "title_words": " ".join(analysis.words(title)),
        "title_grams": " ".join(analysis.grams(title)),
        "body_words": " ".join(analysis.words(body)),
        "body_grams": " ".join(analysis.grams(body)),
        "body": body,
    }


def article_sort_key(article: Article) -> int:
    return article_key(article.published_at, article.pk)


def article_fields(article: Article) -> dict:
    parks = ArticlePark.objects.filter(article=article, removed=False)
    industries = ArticleIndustry.objects.filter(article=article, removed=False)
    tags = [kind_tag("article")]
    for region in article.regions.select_related("parent"):
        tags += region_tags(region)
    tags += [park_tag(pk) for pk in parks.values_list("park_id", flat=True)]
    tags += [industry_tag(code) for code in industries.values_list("industry__code", flat=True)]
    if article.source_name:
        tags.append(source_tag(article.source_name))
    return {
        "sort_key": article_sort_key(article),
        "title": article.title[:200],
        "aliases": f"\n{analysis.normalise(article.title)}\n",  # long phrases are confirmed in it
        "url": article.get_absolute_url(),
        "published_at": article.published_at,
        "source_name": article.source_name[:100],
        "tags": " ".join(dict.fromkeys(tags)),
        **_analysed(article.title, f"{article.summary}\n{article.text}\n{article.source_name}"),
    }


def park_fields(park: Park) -> dict:
    names = [park.name, *park.aliases]
    tags = [kind_tag("park"), region_tag(park.province), park_tag(park.pk), level_tag(park.level)]
    if park.city_id:
        tags.append(region_tag(park.city))
    return {
        "sort_key": park_key(park.pk),
        "title": park.name,
        "aliases": "\n" + "\n".join(analysis.normalise(name) for name in names) + "\n",
        "url": park.get_absolute_url(),
        "published_at": None,
        "source_name": "",
        "tags": " ".join(tags),
        **_analysed(park.name, "、".join([*park.aliases, park.industries])),
    }


def enterprise_fields(enterprise: Enterprise) -> dict:
    names = [enterprise.name, *enterprise.aliases]
    parks = list(
        Membership.objects.shown().filter(enterprise=enterprise).select_related("park__province")
    )
    tags = [
        kind_tag("enterprise"),
        *{park_tag(m.park_id) for m in parks},
        *{region_tag(m.park.province) for m in parks},
    ]
    return {
        "sort_key": enterprise_key(enterprise.pk),
        "title": enterprise.name,
        "aliases": "\n" + "\n".join(analysis.normalise(name) for name in names) + "\n",
        "url": enterprise.get_absolute_url(),
        "published_at": None,
        "source_name": "",
        "tags": " ".join(sorted(tags)),
        **_analysed(enterprise.name, "、".join(enterprise.aliases)),
    }


@transaction.atomic
def document_save(*, kind: str, object_id: int, fields: dict) -> SearchDocument:
    """Create or replace the document, and its entry in the index."""
    backend = get_backend()
    old = SearchDocument.objects.filter(kind=kind, object_id=object_id).first()
    if old is not None:
        backend.remove(old)
        old.delete()
    document = SearchDocument.objects.create(kind=kind, object_id=object_id, **fields)
    backend.add(document)
    return document


@transaction.atomic
def document_delete(*, kind: str, object_id: int) -> bool:
    old = SearchDocument.objects.filter(kind=kind, object_id=object_id).first()
    if old is None:
        return False
    get_backend().remove(old)
    old.delete()
    return True


def article_index(*, article: Article) -> bool:
    """Index the article if it is published (readers find it from its time on), else take it
    out. Returns whether it is in."""
    visible = Article.objects.published(scheduled=True).filter(pk=article.pk).exists()
    if not visible:
        document_delete(kind="article", object_id=article.pk)
        return False
    document_save(kind="article", object_id=article.pk, fields=article_fields(article))
    return True


def park_index(*, park: Park) -> None:
    document_save(kind="park", object_id=park.pk, fields=park_fields(park))


def enterprise_index(*, enterprise: Enterprise) -> bool:
    """Index the enterprise if readers may see it (`Enterprise.objects.shown`), else take it
    out. Returns whether it is in."""
    if not Enterprise.objects.shown().filter(pk=enterprise.pk).exists():
        document_delete(kind="enterprise", object_id=enterprise.pk)
        return False
    document_save(kind="enterprise", object_id=enterprise.pk, fields=enterprise_fields(enterprise))
    return True


def article_enterprises_index(*, article_id: int) -> None:
    """The enterprises an article names, again: its publication or removal may show or hide
    them, and their parks."""
    for enterprise in Enterprise.objects.filter(mentions__article_id=article_id).distinct():
        enterprise_index(enterprise=enterprise)


_dictionary_version = None


def dictionary_load() -> int:
    """Teach the segmenter the knowledge base's names (parks, enterprises, industries), when
    they have changed since this process last looked; returns how many were new."""
    global _dictionary_version
    version = (
        Park.objects.aggregate(n=Max("updated_at"))["n"],
        Enterprise.objects.aggregate(n=Max("updated_at"))["n"],
        Industry.objects.count(),
    )
    if version == _dictionary_version:
        return 0
    _dictionary_version = version
    names: list[str] = []
    for model in (Park, Enterprise):
        for name, aliases in model.objects.values_list("name", "aliases"):
            names += [name, *aliases]
    for industry in Industry.objects.all():
        names += industry.words
    return analysis.add_words(names)


def _batches(queryset: QuerySet[M], size: int = 200) -> Iterator[list[M]]:
    batch = []
    for row in queryset.iterator(chunk_size=size):
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def registry_sync(*, progress: tqdm | None = None) -> int:
    """Index the parks and enterprises that are not in the index yet, in bulk; returns how many
    (all 2,564 parks the first time)."""
    dictionary_load()
    done, backend = 0, get_backend()
    for kind, shown, fields in (
        ("park", Park.objects.select_related("province", "city"), park_fields),
        ("enterprise", Enterprise.objects.shown(), enterprise_fields),
    ):
        indexed = SearchDocument.objects.filter(kind=kind).values_list("object_id", flat=True)
        rows = shown.exclude(pk__in=indexed).order_by("pk")
        for batch in _batches(rows, 500):
            with transaction.atomic():
                documents = SearchDocument.objects.bulk_create(
                    [SearchDocument(kind=kind, object_id=row.pk, **fields(row)) for row in batch]
                )
                backend.add_many(documents)
            done += len(batch)
            if progress:
                progress.update(len(batch))
    if done:
        backend.optimize()
    return done


def reindex(*, progress: tqdm | None = None) -> dict[str, int]:
    """Index everything again, a small transaction at a time, so that the site keeps serving
    and searching (every document is found, in its old or its new form, throughout); then drop
    documents whose article is no longer published or whose park or enterprise is gone."""
    dictionary_load()
    counts = {}
    sources = (
        ("article", Article.objects.published(scheduled=True).order_by("pk"), article_fields),
        ("park", Park.objects.select_related("province", "city").order_by("pk"), park_fields),
        ("enterprise", Enterprise.objects.shown().order_by("pk"), enterprise_fields),
    )
    for kind, rows, fields in sources:
        seen = set()
        for batch in _batches(rows):
            with transaction.atomic():
                for row in batch:
                    document_save(kind=kind, object_id=row.pk, fields=fields(row))
                    seen.add(row.pk)
            if progress:
                progress.update(len(batch))
        stale = SearchDocument.objects.filter(kind=kind).exclude(object_id__in=seen)
        for document in stale.iterator():
            document_delete(kind=kind, object_id=document.object_id)
        counts[kind] = len(seen)
    get_backend().optimize()
    return counts
