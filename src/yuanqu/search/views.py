from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode

from yuanqu.params import ascii_int
from yuanqu.parks.models import Industry, Park
from yuanqu.regions.models import Region

from . import selectors

PER_PAGE = 20
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _day(value: str, end: bool = False) -> datetime | None:
    try:
        day = datetime.strptime(value.strip(), "%Y-%m-%d").date()
    except ValueError:
        return None
    moment = datetime.combine(day, time.max if end else time.min).replace(tzinfo=SHANGHAI)
    return moment


def _page(value: str) -> int:
    """The page asked for; anything but a number from 1 to 9999 is the first page."""
    return ascii_int(value, maximum=9999, minimum=1, default=1)


def _param(params, name: str, limit: int) -> str:
    """A filter's value as a database can compare it: no longer than the column, and without
    NUL, which PostgreSQL refuses in text."""
    return params.get(name, "").replace("\x00", "")[:limit]


def _filters(params) -> tuple[selectors.Filters, dict]:
    """The filters the request asks for; values that name nothing are ignored, never an error."""
    city = Region.objects.filter(code=_param(params, "city", 6), level="prefecture").first()
    province = Region.objects.filter(slug=_param(params, "region", 2), level="province").first()
    park = Park.objects.filter(slug=_param(params, "park", 20)).first()
    industry = Industry.objects.filter(code=_param(params, "industry", 30)).first()
    filters = selectors.Filters(
        region=city or province,
        park=park,
        industry=industry.code if industry else "",
        source=_param(params, "source", 100).strip(),
        date_from=_day(params.get("from", "")),
        date_to=_day(params.get("to", ""), end=True),
    )
    return filters, {"province": province, "city": city, "park": park, "industry": industry}


def search(request):
    """Search articles, parks and enterprises; the region the reader came from applies until
    they widen it to 全国."""
    params = request.GET
    query = params.get("q", "")[:200]
    kind = params.get("kind", "article")
    if kind not in selectors.KINDS:
        kind = "article"
    filters, chosen = _filters(params)
    page_number = _page(params.get("page", ""))
    results = selectors.search(
        query,
        kind=kind,
        filters=filters,
        newest_first=params.get("sort") == "date",
        page=page_number,
        per_page=PER_PAGE,
    )
    pages = Paginator(range(min(results.total, selectors.COUNT_CAP)), PER_PAGE)
    if results.total and page_number > pages.num_pages:
        raise Http404
    keep = {
        key: params.get(key)
        for key in ("q", "region", "city", "park", "industry", "source", "from", "to", "sort")
        if params.get(key)
    }
    return render(
        request,
        "search/search.html",
        {
            "q": query,
            "kind": kind,
            "results": results,
            "page": pages.get_page(page_number),
            "chosen": chosen,
            "params": params,
            "industries": Industry.objects.all(),
            "provinces": Region.objects.filter(level="province"),
            "kind_query": {k: urlencode({**keep, "kind": k}) for k in selectors.KINDS},
            "page_query": urlencode({**keep, "kind": kind}),
            "national_query": urlencode(
                {k: v for k, v in {**keep, "kind": kind}.items() if k not in ("region", "city")}
            ),
            "current_province": chosen["province"]
            or (chosen["city"].parent if chosen["city"] else None),
        },
    )
