from django.urls import path

from . import views

app_name = "parks"

urlpatterns = [
    path("parks/", views.park_directory, name="park_list"),
    path("parks/compare/", views.park_compare, name="park_compare"),
    path("parks/<slug:slug>/", views.park_detail, name="park_detail"),
    path("enterprises/", views.enterprise_directory, name="enterprise_list"),
    path("enterprises/<slug:slug>/", views.enterprise_detail, name="enterprise_detail"),
]
