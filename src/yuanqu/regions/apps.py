from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "yuanqu.regions"
    verbose_name = "地区"
