from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "yuanqu.moderation"
    verbose_name = "内容治理"

    def ready(self):
        from yuanqu.audit import labels

        from .models import Appeal, Case, Category, Notice
        from .services import articles  # noqa: F401  (tells authors of decisions)

        labels.register(
            events={
                "moderation.report.created": _("report received"),
                "moderation.report.upheld": _("report upheld"),
                "moderation.report.dismissed": _("report dismissed"),
                "moderation.notice.received": _("rights holder's notice received"),
                "moderation.notice.countered": _("counter-notice filed"),
                "moderation.notice.queued": _("notice queued for a moderator"),
                "moderation.notice.accepted": _("notice accepted: item taken down"),
                "moderation.notice.refused": _("notice refused"),
                "moderation.appeal.created": _("appeal filed"),
                "moderation.appeal.upheld": _("appeal: decision kept"),
                "moderation.appeal.overturned": _("appeal: decision overturned"),
                "moderation.user.warned": _("user warned"),
                "moderation.user.suspended": _("user suspended"),
                "moderation.word.added": _("sensitive word added"),
                "moderation.word.removed": _("sensitive word removed"),
                "moderation.policy.changed": _("policy changed"),
            },
            targets={
                "report": _("report"),
                "case": _("case"),
                "notice": _("notice"),
                "appeal": _("appeal"),
                "user": _("user"),
                "sensitiveword": _("sensitive word"),
                "policy": _("policy"),
            },
            fields={
                "sensitive_words": _("sensitive words found"),
                "trusted": _("trusted publisher"),
                "ticket": _("ticket"),
                "state": _("state"),
                "category": _("category"),
                "outcome": _("outcome"),
                "action": _("action"),
                "days": _("days"),
                "until": _("until"),
                "word": _("word"),
                "premoderate_all": _("review everything before publication"),
            },
            values={
                "category": dict(Category.choices),
                "state": {
                    **dict(Notice.State.choices),
                    **dict(Case.State.choices),
                    **dict(Appeal.State.choices),
                },
                "outcome": dict(Case.Outcome.choices),
                "action": {"take_down": _("taken down"), "hide": _("hidden pending review")},
            },
            groups={
                "report": ("moderation.report.", _("reports")),
                "notice": ("moderation.notice.", _("rights holders' notices")),
                "appeal": ("moderation.appeal.", _("appeals")),
                "user": ("moderation.user.", _("sanctions")),
                "word": ("moderation.word.", _("sensitive words")),
                "policy": ("moderation.policy.", _("policy")),
            },
            hidden=("case",),
        )
