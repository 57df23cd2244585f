from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from yuanqu.news.sitemaps import ArticleSitemap, ChannelSitemap

from . import views

sitemaps = {"articles": ArticleSitemap, "channels": ChannelSitemap}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("about/", views.about, name="about"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("", include("yuanqu.accounts.urls")),
    path("", include("yuanqu.search.urls")),
    path("", include("yuanqu.moderation.urls")),
    path("", include("yuanqu.publishing.urls")),
    path("", include("yuanqu.parks.urls")),
    path("", include("yuanqu.news.urls")),
]

handler400 = "yuanqu.views.bad_request"
handler403 = "yuanqu.views.permission_denied"
handler404 = "yuanqu.views.page_not_found"
handler500 = "yuanqu.views.server_error"
