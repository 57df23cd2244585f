from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("report/", views.report_info, name="report"),
]
