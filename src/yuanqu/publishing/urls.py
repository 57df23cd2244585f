from django.urls import path

from . import views

app_name = "publishing"

urlpatterns = [
    path("accounts/", views.dashboard, name="dashboard"),
    path("submit/", views.submit, name="submit"),
    path("submit/<id:pk>/", views.submit, name="edit"),
    path("submit/<id:pk>/preview/", views.preview, name="preview"),
    path("submit/<id:pk>/withdraw/", views.withdraw, name="withdraw"),
]
