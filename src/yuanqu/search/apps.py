from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "yuanqu.search"
    verbose_name = "搜索"

    def ready(self):
        from . import listeners  # noqa: F401  (keeps the index in step with what is published)
