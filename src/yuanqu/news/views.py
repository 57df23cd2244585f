from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from yuanqu.params import ascii_int
from yuanqu.regions.selectors import city_in, province_by_slug

from . import body, selectors
from .models import Image


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
    first, last = ascii_int(start, maximum=10**7), ascii_int(end, maximum=10**7)
    if first is not None and last is not None and first < last:
        return first, last
    return None


def with_image_urls(blocks: list[dict]) -> list[dict]:
    """Uploaded pictures get their address (one query for all of them)."""
    ids = [block["upload"] for block in blocks if block.get("upload")]
    if not ids:
        return blocks
    urls = {image.pk: image.get_absolute_url() for image in Image.objects.filter(pk__in=ids)}
    return [
        {**block, "url": urls.get(block.get("upload"), "")} if block.get("upload") else block
        for block in blocks
    ]


def article_detail(request, pk: int):
    """The article; `?hl=start-end` (a figure's span, linked from a park's page) marks the
    figure and its sentence. A taken-down or hidden article answers 410 with a short
    explanation and never its content."""
    removed = selectors.removed_article(pk)
    if removed is not None:
        # A 410 may be cached by browsers and proxies; a takedown can be reversed.
        response = render(request, "news/article_removed.html", {"article": removed}, status=410)
        add_never_cache_headers(response)
        return response
    article = selectors.published_article(pk)
    span = _span(request.GET.get("hl", ""))
    blocks = with_image_urls(article.body)
    blocks = body.highlighted(article.title, blocks, *span) if span else blocks
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


UPLOAD_TYPES = {".jpg": "image/jpeg", ".png": "image/png"}


def media(request, path: str):
    """Uploaded pictures, and only those: served with their own image type, never sniffed as
    anything else and never as a page (evidence and proof files are not served here)."""
    if (
        not path.startswith("uploads/")
        or ".." in path
        or "\\" in path
        or len(path) > 200  # the longest name an upload gets; the filesystem is never asked
        or any(len(part) > 100 for part in path.split("/"))
    ):
        raise Http404
    content_type = UPLOAD_TYPES.get(Path(path).suffix.lower())
    full = (Path(settings.MEDIA_ROOT) / path).resolve()
    if (
        content_type is None
        or not full.is_file()
        or Path(settings.MEDIA_ROOT).resolve() not in full.parents
    ):
        raise Http404
    response = FileResponse(full.open("rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
