"""Linking an article to the parks and industries it names, and tagging it with the regions of
its parks. Automatic links follow the text; an editor's link stays, and a link an editor removed
stays removed (see `rows.rows_sync`)."""

from django.db import models, transaction

from yuanqu.news.models import Article

from ..models import ArticleIndustry, ArticlePark
from .matchers import IndustryMatcher, ParkMatcher, industry_matcher, park_matcher
from .rows import by_editor, rows_sync


def article_text(article: Article) -> str:
    """What is read of an article: its title, then its body, one block a line."""
    return article.title + "\n" + article.text


def _links(
    model: type[models.Model], *, article: Article, target: str, found: dict[int, int]
) -> dict:
    wanted = {pk: {f"{target}_id": pk, "mentions": n} for pk, n in found.items()}
    return rows_sync(
        model,
        article=article,
        wanted=wanted,
        key=lambda link: getattr(link, f"{target}_id"),
        decided=by_editor,
        refresh=("mentions",),
    )


@transaction.atomic
def article_link_parks(
    *, article: Article, matcher: ParkMatcher | None = None, text: str | None = None
) -> list[int]:
    """Link the article to the parks its title and text name; returns the linked park ids."""
    found = (matcher or park_matcher()).find(text or article_text(article))
    links = _links(ArticlePark, article=article, target="park", found=found)
    return sorted(pk for pk in found if not (links.get(pk) and links[pk].removed))


@transaction.atomic
def article_add_park_regions(*, article: Article) -> list[int]:
    """Tag the article with the region (city, else province) of each park it is linked to, so
    that it shows in those channels too. Tags are only added, never taken away: an editor's
    tagging stays as it is. Returns the region ids added."""
    wanted = {
        city or province
        for city, province in ArticlePark.objects.filter(
            article=article, removed=False
        ).values_list("park__city_id", "park__province_id")
    }
    present = set(article.regions.values_list("pk", flat=True))
    added = sorted(wanted - present)
    if added:
        article.regions.add(*added)
    return added


@transaction.atomic
def article_link_industries(
    *, article: Article, matcher: IndustryMatcher | None = None, text: str | None = None
) -> list[int]:
    """Link the article to the industries it names; returns their ids."""
    found = (matcher or industry_matcher()).find(text or article_text(article))
    _links(ArticleIndustry, article=article, target="industry", found=found)
    return sorted(found)


def linked_parks(article: Article) -> list[int]:
    """The parks the article is linked to, the most mentioned first."""
    return list(
        ArticlePark.objects.filter(article=article, removed=False)
        .order_by("-mentions", "id")
        .values_list("park_id", flat=True)
    )
