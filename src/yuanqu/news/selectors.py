"""Reads of articles shared by pages, feeds and sitemaps."""

from collections.abc import Sequence

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from yuanqu.params import ascii_int
from yuanqu.regions.models import Region

from .models import Article


def channel_articles(region: Region | None) -> QuerySet[Article]:
    """Published articles of a region channel (None: 全国), newest first, without bodies."""
    return (
        Article.objects.published()
        .in_region(region)
        .newest()
        .defer("body")
        .prefetch_related("regions")
    )


def removed_article(pk: int) -> Article | None:
    """A taken-down or hidden article (its page answers 410), else None."""
    return (
        Article.objects.filter(pk=pk, status__in=[Article.Status.TAKEN_DOWN, Article.Status.HIDDEN])
        .only("id", "title", "status")
        .first()
    )


def published_article(pk: int) -> Article:
    return get_object_or_404(Article.objects.published().prefetch_related("regions__parent"), pk=pk)


def page_of(
    items: QuerySet[models.Model] | Sequence[models.Model], number: str | None, per_page: int
) -> Page:
    """One page of items; an unknown page number is a 404, not a silent jump to page 1."""
    paginator = Paginator(items, per_page)
    page = ascii_int(number, maximum=10**6, minimum=1) if number else 1
    if page is None:
        raise Http404("no such page")
    try:
        return paginator.page(page)
    except (EmptyPage, PageNotAnInteger):
        raise Http404("no such page") from None
