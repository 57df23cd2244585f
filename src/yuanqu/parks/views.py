from django.conf import settings
from django.shortcuts import get_object_or_404, render

from yuanqu.news.selectors import page_of
from yuanqu.regions.models import Region
from yuanqu.regions.selectors import province_list

from . import selectors
from .models import Park

PARKS_PER_PAGE = 30


def park_directory(request):
    """The registry: filter by region, level, kind and industry, search names, sort."""
    params = request.GET
    region = Region.objects.provinces().filter(slug=params.get("region", "")).first()
    parks = selectors.directory(
        region=region,
        level=params.get("level", ""),
        kind=params.get("kind", ""),
        industry=params.get("industry", "")[:20],
        query=params.get("q", "")[:50],
        sort=params.get("sort", ""),
    )
    page = page_of(parks, params.get("page"), PARKS_PER_PAGE)
    query = params.copy()
    query.pop("page", None)
    return render(
        request,
        "parks/park_list.html",
        {
            "page": page,
            "provinces": province_list(),
            "levels": Park.Level.choices,
            "kinds": Park.Kind.choices,
            "selected": {
                key: params.get(key, "")
                for key in ("region", "level", "kind", "industry", "q", "sort")
            },
            "page_query": query.urlencode(),
            "current_province": region,
        },
    )


def park_detail(request, slug: str):
    park = get_object_or_404(Park.objects.select_related("province", "city"), slug=slug)
    news = page_of(
        selectors.park_news(park), request.GET.get("page"), settings.YUANQU_NEWS_PER_PAGE
    )
    return render(
        request,
        "parks/park_detail.html",
        {
            "park": park,
            "page": news,
            "history": park.history.all(),
            "cards": selectors.park_indicator_cards(park),
            "other_facts": selectors.park_other_facts(park),
            "current_province": park.province,
        },
    )
