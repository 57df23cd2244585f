from django.urls import path, re_path

from . import views
from .feeds import ChannelFeed

app_name = "news"

urlpatterns = [
    path("", views.channel, name="home"),
    path("feed/", ChannelFeed(), name="feed"),
    path("news/<id:pk>/", views.article_detail, name="article_detail"),
    path("media/<path:path>", views.media, name="media"),
    # Region channels come last: a two-letter province slug, then a six-digit city code.
    re_path(r"^(?P<province>[a-z]{2})/$", views.channel, name="channel"),
    re_path(r"^(?P<province>[a-z]{2})/feed/$", ChannelFeed(), name="channel_feed"),
    re_path(r"^(?P<province>[a-z]{2})/(?P<city>\d{6})/$", views.channel, name="city_channel"),
]
