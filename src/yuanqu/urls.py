from django.contrib import admin
from django.urls import include, path

from yuanqu import params  # noqa: F401  (registers the <id:…> converter the apps' URLs use)
from yuanqu.news import sitemaps

from . import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("about/", views.about, name="about"),
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path("sitemap-<section>.xml", sitemaps.section, name="sitemap"),
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
