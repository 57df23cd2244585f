"""The knowledge base as readers see it: the directory, a park, comparisons, enterprises and
industries. Everything shown comes from articles readers may see."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from yuanqu.news.selectors import page_of
from yuanqu.regions.models import Region
from yuanqu.regions.selectors import province_list

from .. import charts, selectors
from ..models import Enterprise, Industry, Park

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
    industries = selectors.industry_choices()
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
            "industries": industries,
            "indicator_sorts": selectors.sort_choices(),
            "industry_known": params.get("industry", "") in dict(industries),
            "selected": {
                key: params.get(key, "")
                for key in ("region", "level", "kind", "industry", "q", "sort")
            },
            "page_query": query.urlencode(),
            "current_province": region,
        },
    )


def _charted(cards) -> list:
    """The cards with figures for more than one period, each given its chart."""
    charted = [card for card in cards if len(card.points) > 1]
    for card in charted:
        card.chart = charts.series_chart(card.chart_series(), card.indicator.unit)
    return charted


def park_detail(request, slug: str):
    park = get_object_or_404(Park.objects.select_related("province", "city"), slug=slug)
    cards = selectors.park_indicator_cards(park)
    platforms, platform_counts = selectors.park_platforms(park)
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
            "cards": cards,
            "charted": _charted(cards),
            "other_facts": selectors.park_other_facts(park),
            "memberships": selectors.park_memberships(park),
            "platforms": platforms,
            "platform_counts": platform_counts,
            "projects": selectors.park_projects(park),
            "current_province": park.province,
        },
    )


def park_compare(request):
    """Two to five parks side by side: `?p=<slug>&p=<slug>…`. `add` (a name typed in the form)
    adds the park it finds best and redirects to the canonical address."""
    slugs = request.GET.getlist("p")[: selectors.MAX_COMPARED + 5]
    added = request.GET.get("add", "").strip()[:50]
    not_found = ""
    if added:
        found = selectors.directory(query=added).first()
        if found is not None:
            url = reverse("parks:park_compare")
            return redirect(f"{url}?{urlencode({'p': [*slugs, found.slug]}, doseq=True)}")
        not_found = added
    parks, unknown = selectors.parks_by_slugs(slugs)
    rows = selectors.compared_indicators(parks) if len(parks) >= 2 else []
    for row in rows:
        row.chart = charts.bars_chart(
            [
                (park.name, fact.shown_value)
                for park, fact in zip(parks, row.figures(), strict=True)
                if fact is not None
            ],
            row.indicator.unit,
        )
    return render(
        request,
        "parks/park_compare.html",
        {
            "parks": parks,
            "columns": [
                (park, urlencode({"p": [p.slug for p in parks if p != park]}, doseq=True))
                for park in parks
            ],
            "rows": rows,
            "unknown": unknown,
            "not_found": not_found,
            "full": len(parks) >= selectors.MAX_COMPARED,
            "slugs": [park.slug for park in parks],
        },
    )


ENTERPRISES_PER_PAGE = 40


def enterprise_directory(request):
    """Enterprises named in the news, most reported first; `?q=` searches names."""
    query = request.GET.get("q", "")[:50]
    page = page_of(
        selectors.enterprise_directory(query), request.GET.get("page"), ENTERPRISES_PER_PAGE
    )
    return render(
        request,
        "parks/enterprise_list.html",
        {"page": page, "q": query, "page_query": urlencode({"q": query}) if query else ""},
    )


def enterprise_detail(request, slug: str):
    """An enterprise: its recognitions and parks, each with its source sentence, and its news."""
    enterprise = get_object_or_404(Enterprise.objects.shown(), slug=slug)
    memberships, recognitions = selectors.enterprise_rows(enterprise)
    news = page_of(
        selectors.enterprise_news(enterprise),
        request.GET.get("page"),
        settings.YUANQU_NEWS_PER_PAGE,
    )
    return render(
        request,
        "parks/enterprise_detail.html",
        {
            "enterprise": enterprise,
            "memberships": memberships,
            "recognitions": recognitions,
            "page": news,
        },
    )


def industry_detail(request, code: str):
    """An industry: the news that names it and the parks that lead in it."""
    industry = get_object_or_404(Industry.objects.select_related("parent"), code=code)
    news = page_of(
        selectors.industry_news(industry), request.GET.get("page"), settings.YUANQU_NEWS_PER_PAGE
    )
    parks = selectors.directory(industry=code).filter(level=Park.Level.NATIONAL)[:30]
    return render(
        request,
        "parks/industry_detail.html",
        {
            "industry": industry,
            "children": industry.children.all(),
            "page": news,
            "parks": parks,
        },
    )
