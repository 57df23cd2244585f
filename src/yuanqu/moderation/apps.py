from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "yuanqu.moderation"
    verbose_name = "内容治理"
