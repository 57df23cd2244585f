from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "yuanqu.publishing"
    verbose_name = "发布"
