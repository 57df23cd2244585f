from django.urls import path

from . import editor_views, views

app_name = "parks"

urlpatterns = [
    path("parks/", views.park_directory, name="park_list"),
    path("parks/compare/", views.park_compare, name="park_compare"),
    path("parks/<slug:slug>/", views.park_detail, name="park_detail"),
    path("parks/facts/<int:pk>/review/", editor_views.fact_review, name="fact_review"),
    path("parks/articles/<int:pk>/parks/", editor_views.article_parks, name="article_parks"),
    path("parks/rows/<slug:kind>/<int:pk>/", editor_views.row_decide, name="row_decide"),
    path("industries/<slug:code>/", views.industry_detail, name="industry_detail"),
    path("enterprises/", views.enterprise_directory, name="enterprise_list"),
    path("enterprises/<slug:slug>/", views.enterprise_detail, name="enterprise_detail"),
]
