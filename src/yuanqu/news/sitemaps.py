"""Sitemaps of what readers may see, as an index of sections (articles, channels), each
paginated, each cached until what is published changes."""

from functools import partial, wraps

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.http import Http404

from yuanqu.regions.models import Region

from .caching import published_version
from .models import Article


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000  # a page of the section: a few hundred KB, not one answer of megabytes

    def items(self):
        return Article.objects.published().order_by("-published_at", "-id").only("id", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ChannelSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Region.objects.provinces()


SITEMAPS = {"articles": ArticleSitemap, "channels": ChannelSitemap}
SITEMAP_SECONDS = 6 * 3600


def _cached(view):
    """The sitemap, built once per version of what is published: publishing or taking down an
    article starts a new version (`caching.published_version`), so a cached sitemap never lists
    an article readers cannot open."""

    @wraps(view)
    def cached(request, *args, **kwargs):
        section = kwargs.get("section", "")
        if section and section not in SITEMAPS:
            raise Http404
        page = request.GET.get("p", "1")  # the only parameter a sitemap reads
        if not (page.isascii() and page.isdigit() and len(page) <= 6):
            return view(request, *args, **kwargs)  # Django's own answer (404), never cached
        key = f"sitemap:{published_version()}:{section}:{int(page)}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            response.render()
            cache.set(key, response, SITEMAP_SECONDS)
        return response

    return cached


index = _cached(partial(sitemap_views.index, sitemaps=SITEMAPS, sitemap_url_name="sitemap"))
section = _cached(partial(sitemap_views.sitemap, sitemaps=SITEMAPS))
