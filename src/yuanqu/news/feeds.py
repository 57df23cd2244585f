from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from yuanqu.regions.selectors import province_by_slug

from .selectors import channel_articles


class ChannelFeed(Feed):
    """RSS of a region channel's newest articles (`/feed/`, `/js/feed/`)."""

    def get_object(self, request, province=None):
        return province_by_slug(province) if province else None

    def title(self, obj):
        return _("%(region)s park news") % {"region": obj.short_name if obj else _("National")}

    def link(self, obj):
        return obj.get_absolute_url() if obj else reverse("news:home")

    def description(self, obj):
        return self.title(obj)

    def items(self, obj):
        return channel_articles(obj)[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.source_name or None
