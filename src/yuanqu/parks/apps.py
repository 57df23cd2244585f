from django.apps import AppConfig


class ParksConfig(AppConfig):
    name = "yuanqu.parks"
    verbose_name = "园区"

    def ready(self):
        from . import signals  # noqa: F401  (connects the article listeners)
