from django.apps import AppConfig


class YuanquConfig(AppConfig):
    """The project package as an app: site-wide templates, static files, locale and commands."""

    name = "yuanqu"
    verbose_name = "yuanqu"
