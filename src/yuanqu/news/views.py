from django.conf import settings
from django.shortcuts import render

from yuanqu.regions.selectors import city_in, province_by_slug

from . import body, selectors


def channel(request, province: str | None = None, city: str | None = None):
    """The home page of a region channel: 全国 at `/`, a province at `/js/`, a city below it."""
    province_region = province_by_slug(province) if province else None
    city_region = city_in(province_region, city) if city else None
    articles = selectors.channel_articles(city_region or province_region)
    page = selectors.page_of(articles, request.GET.get("page"), settings.YUANQU_NEWS_PER_PAGE)
    return render(
        request,
        "news/article_list.html",
        {
            "page": page,
            "current_province": province_region,
            "current_city": city_region,
            "cities": province_region.children.all() if province_region else [],
        },
    )


def _span(value: str) -> tuple[int, int] | None:
    """`812-818` from a link to a figure; anything else is ignored."""
    start, _, end = value.partition("-")
    if start.isdigit() and end.isdigit() and len(value) <= 16 and int(start) < int(end):
        return int(start), int(end)
    return None


def article_detail(request, pk: int):
    """The article; `?hl=start-end` (a figure's span, linked from a park's page) marks the
    figure and its sentence."""
    article = selectors.published_article(pk)
    span = _span(request.GET.get("hl", ""))
    blocks = body.highlighted(article.title, article.body, *span) if span else article.body
    regions = list(article.regions.all())
    # The park app links articles to parks (article.park_links); news does not import it.
    links = getattr(article, "park_links", None)
    parks = (
        [link.park for link in links.filter(removed=False).select_related("park")] if links else []
    )
    industry_links = getattr(article, "industry_links", None)
    industries = (
        [link.industry for link in industry_links.filter(removed=False).select_related("industry")]
        if industry_links
        else []
    )
    return render(
        request,
        "news/article_detail.html",
        {
            "article": article,
            "blocks": blocks,
            "regions": regions,
            "parks": parks,
            "industries": industries,
            "current_province": regions[0].province if regions else None,
        },
    )
