"""Editors' corrections of what was read from the news: an article's park links, and the
memberships, recognitions, platforms and projects found in it. Each writes an audit entry (who,
when, why, before and after); reading the article again keeps the decision."""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction

from yuanqu.audit.services import audit_log
from yuanqu.news.models import Article

from ..models import ArticlePark, Park
from ..models.entities import Sourced

EVENT = "parks.{}.{}"


class EditError(ValueError):
    """An edit that cannot be made; the message says why."""


def _log(
    row: Sourced | ArticlePark,
    *,
    action: str,
    actor: User | None,
    now: datetime,
    reason: str,
    before: dict,
    after: dict,
) -> None:
    audit_log(
        event=EVENT.format(row._meta.model_name, action),
        target=row,
        article=row.article,
        actor=actor,
        reason=reason[:500],
        before=before,
        after=after,
        now=now,
    )


@transaction.atomic
def row_remove(*, row: Sourced, actor: User | None, now: datetime, reason: str = "") -> Sourced:
    """Hide a membership, recognition, platform or project that was read wrongly; re-reading
    the article will not bring it back."""
    return _set_removed(row, removed=True, actor=actor, now=now, reason=reason)


@transaction.atomic
def row_restore(*, row: Sourced, actor: User | None, now: datetime, reason: str = "") -> Sourced:
    return _set_removed(row, removed=False, actor=actor, now=now, reason=reason)


def _set_removed(
    row: Sourced, *, removed: bool, actor: User | None, now: datetime, reason: str
) -> Sourced:
    before = {"removed": row.removed}
    row.removed = removed
    row.save(update_fields=["removed"])
    _log(
        row,
        action="removed" if removed else "restored",
        actor=actor,
        now=now,
        reason=reason,
        before=before,
        after={"removed": removed, "item": str(row)},
    )
    return row


@transaction.atomic
def article_park_add(
    *, article: Article, park: Park, actor: User | None, now: datetime, reason: str = ""
) -> ArticlePark:
    """Link the article to a park its text does not name in a form the registry knows."""
    link = ArticlePark.objects.filter(article=article, park=park).first()
    before = {"linked": bool(link and not link.removed)}
    link, _created = ArticlePark.objects.update_or_create(
        article=article, park=park, defaults={"origin": ArticlePark.Origin.EDITOR, "removed": False}
    )
    _log(
        link,
        action="added",
        actor=actor,
        now=now,
        reason=reason,
        before=before,
        after={"linked": True, "park": park.name},
    )
    return link


@transaction.atomic
def article_park_remove(
    *, link: ArticlePark, actor: User | None, now: datetime, reason: str = ""
) -> ArticlePark:
    """Unlink a park the text names by mistake (a company called 高新区路店); linking again
    keeps it unlinked."""
    return _set_link(link, removed=True, actor=actor, now=now, reason=reason)


@transaction.atomic
def article_park_restore(
    *, link: ArticlePark, actor: User | None, now: datetime, reason: str = ""
) -> ArticlePark:
    return _set_link(link, removed=False, actor=actor, now=now, reason=reason)


def _set_link(
    link: ArticlePark, *, removed: bool, actor: User | None, now: datetime, reason: str
) -> ArticlePark:
    before = {"linked": not link.removed}
    link.removed = removed
    link.save(update_fields=["removed"])
    _log(
        link,
        action="removed" if removed else "restored",
        actor=actor,
        now=now,
        reason=reason,
        before=before,
        after={"linked": not removed, "park": link.park.name},
    )
    return link
