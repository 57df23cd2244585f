from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "yuanqu.news"
    verbose_name = "资讯"

    def ready(self):
        from yuanqu.audit import labels

        from . import caching  # noqa: F401  (a new version of what is published on each change)
        from .models import Article

        labels.register(
            events={
                "moderation.article.submit": _("submitted"),
                "moderation.article.publish": _("published"),
                "moderation.article.approve": _("approved"),
                "moderation.article.reviewed": _("reviewed after publication"),
                "moderation.article.reject": _("rejected"),
                "moderation.article.hide": _("hidden pending review"),
                "moderation.article.take_down": _("taken down"),
                "moderation.article.restore": _("restored"),
                "moderation.article.withdraw": _("withdrawn by its author"),
            },
            targets={"article": _("article")},
            groups={"article": ("moderation.article.", _("articles"))},
            fields={"status": _("status"), "reviewed": _("read by a moderator")},
            values={"status": dict(Article.Status.choices)},
        )
