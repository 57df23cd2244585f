from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "yuanqu.news"
    verbose_name = "资讯"
