from django.urls import path

from .views import editing, public

app_name = "parks"

urlpatterns = [
    path("parks/", public.park_directory, name="park_list"),
    path("parks/compare/", public.park_compare, name="park_compare"),
    path("parks/<slug:slug>/", public.park_detail, name="park_detail"),
    path("parks/facts/<id:pk>/review/", editing.fact_review, name="fact_review"),
    path("parks/articles/<id:pk>/parks/", editing.article_parks, name="article_parks"),
    path("parks/rows/<slug:kind>/<id:pk>/", editing.row_decide, name="row_decide"),
    path("industries/<slug:code>/", public.industry_detail, name="industry_detail"),
    path("enterprises/", public.enterprise_directory, name="enterprise_list"),
    path("enterprises/<slug:slug>/", public.enterprise_detail, name="enterprise_detail"),
]
