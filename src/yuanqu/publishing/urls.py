from django.urls import path

from . import views

app_name = "publishing"

urlpatterns = [
    path("accounts/", views.dashboard, name="dashboard"),
    path("submit/", views.submit, name="submit"),
    path("submit/<int:pk>/", views.submit, name="edit"),
    path("submit/<int:pk>/preview/", views.preview, name="preview"),
    path("submit/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
