from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

EVENTS = {
    "moderation.article.submit": _("submitted"),
    "moderation.article.approve": _("approved"),
    "moderation.article.reviewed": _("reviewed after publication"),
    "moderation.article.reject": _("rejected"),
    "moderation.article.hide": _("hidden pending review"),
    "moderation.article.take_down": _("taken down"),
    "moderation.article.restore": _("restored"),
    "moderation.article.withdraw": _("withdrawn by its author"),
    "moderation.report.created": _("report received"),
    "moderation.report.upheld": _("report upheld"),
    "moderation.report.dismissed": _("report dismissed"),
    "moderation.notice.received": _("rights holder's notice received"),
    "moderation.notice.countered": _("counter-notice filed"),
    "moderation.appeal.created": _("appeal filed"),
    "moderation.appeal.upheld": _("appeal: decision kept"),
    "moderation.appeal.overturned": _("appeal: decision overturned"),
    "moderation.user.warned": _("user warned"),
    "moderation.user.suspended": _("user suspended"),
    "moderation.word.added": _("sensitive word added"),
    "moderation.word.removed": _("sensitive word removed"),
    "moderation.policy.changed": _("policy changed"),
}


@register.filter
def event_label(event: str) -> str:
    return EVENTS.get(event, event)
