"""Reads for the publisher's dashboard."""

from django.contrib.auth.models import User

from yuanqu.audit.models import AuditEntry
from yuanqu.news.models import Article
from yuanqu.news.services import can
from yuanqu.news.services.lifecycle import EVENT

from .services import can_edit

# The moderators' decisions an author may appeal.
APPEALABLE = [EVENT.format(action) for action in ("reject", "take_down", "hide")]


def own_articles(user: User) -> list[Article]:
    """The user's articles, last changed first, each with what its author may do with it now."""
    rows = list(user.submitted_articles.order_by("-updated_at", "-id"))
    visible = Article.objects.published().filter(pk__in=[row.pk for row in rows])
    readable = set(visible.values_list("pk", flat=True))
    for row in rows:
        row.editable, row.withdrawable = can_edit(row), can(row, "withdraw")
        row.readable = row.pk in readable
    return rows


def decisions_on_own_articles(user: User, limit: int = 50) -> list[AuditEntry]:
    """What moderators decided on the user's articles, newest first, with any appeal."""
    return list(
        AuditEntry.objects.filter(
            article__submitted_by=user, actor__isnull=False, event__in=APPEALABLE
        )
        .exclude(actor=user)
        .select_related("article", "appeal", "actor")[:limit]
    )
