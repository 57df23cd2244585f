from django.contrib.sitemaps import Sitemap

from yuanqu.regions.models import Region

from .models import Article


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10000

    def items(self):
        return Article.objects.published().order_by("-published_at", "-id").only("id", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ChannelSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Region.objects.provinces()
