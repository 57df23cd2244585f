"""Reads of the park registry for the directory and the park page."""

from django.db.models import Case, Count, IntegerField, Q, Value, When

from yuanqu.news.models import Article

from .models import Park

SORTS = {
    "name": ("name", "id"),
    "approved": ("-approved", "id"),
    "area": ("-area_ha", "id"),
    "news": ("-news", "name", "id"),
}


def directory(
    *,
    region=None,
    level: str = "",
    kind: str = "",
    industry: str = "",
    query: str = "",
    sort: str = "",
):
    """Parks filtered as the directory's form asks; a name that matches the query exactly (or
    starts with it) comes first."""
    parks = Park.objects.in_region(region).select_related("province", "city")
    if level in Park.Level.values:
        parks = parks.filter(level=level)
    if kind in Park.Kind.values:
        parks = parks.filter(kind=kind)
    if industry.strip():
        parks = parks.filter(industries__contains=industry.strip())
    parks = parks.matching(query).annotate(
        news=Count("article_links", filter=Q(article_links__removed=False), distinct=True)
    )
    order = SORTS.get(sort, SORTS["name"] if not query.strip() else ("-news", "name", "id"))
    if query.strip() and sort not in SORTS:
        query = query.strip()
        parks = parks.annotate(
            rank=Case(
                When(Q(name=query) | Q(alias_text__contains=f"\n{query}\n"), then=Value(2)),
                When(name__startswith=query, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        order = ("-rank", "level", "-news", "name", "id")
    return parks.order_by(*order)


def park_news(park: Park):
    """The park's published news, newest first."""
    return (
        Article.objects.published()
        .filter(park_links__park=park, park_links__removed=False)
        .newest()
        .defer("body")
        .distinct()
    )
