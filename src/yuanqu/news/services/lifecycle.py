"""The state machine of an article: the one write path for `Article.status`.

Every change of status — a publisher's submit or withdrawal, a moderator's decision, an import,
an operator's action in the admin — is one of the functions here. Each checks that the article
is in a state the transition starts from, changes it, writes one audit entry and sends the
domain signals (`yuanqu.news.signals`) that the knowledge base, search and notifications
listen to. No other code assigns `status`.

    draft/rejected ──submit──> pending ──approve──> published
          └──submit (trusted, nothing to review)──> published
    draft ──publish (an import, an operator)──> published (at its time: a later one schedules it)
    pending ──reject──> rejected          published ──hide──> hidden ──restore──> published
    published/hidden/pending ──take_down──> taken_down ──restore──> published
    any but taken_down ──withdraw (its author)──> withdrawn

A published article whose time has not come is scheduled: it is read and indexed when it is
published, and every reader's query (`Article.objects.published()`) shows it from its time on.
"""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from yuanqu.audit.models import AuditEntry
from yuanqu.audit.services import audit_log

from .. import signals
from ..models import Article

Status = Article.Status
# action: (the states it starts from, the states it may lead to)
TRANSITIONS: dict[str, tuple[set[str], set[str]]] = {
    "submit": (
        {Status.DRAFT, Status.REJECTED, Status.PENDING, Status.PUBLISHED},
        {Status.PENDING, Status.PUBLISHED},
    ),
    "publish": ({Status.DRAFT}, {Status.PUBLISHED}),
    "approve": ({Status.PENDING, Status.REJECTED}, {Status.PUBLISHED}),  # REJECTED: on appeal
    "reject": ({Status.PENDING}, {Status.REJECTED}),
    "hide": ({Status.PUBLISHED}, {Status.HIDDEN}),
    "take_down": ({Status.PUBLISHED, Status.HIDDEN, Status.PENDING}, {Status.TAKEN_DOWN}),
    "restore": ({Status.HIDDEN, Status.TAKEN_DOWN}, {Status.PUBLISHED}),
    "withdraw": (
        {Status.DRAFT, Status.PENDING, Status.PUBLISHED, Status.REJECTED, Status.HIDDEN},
        {Status.WITHDRAWN},
    ),
}
EVENT = "moderation.article.{}"
# Statuses a moderator or the author set: nothing but a transition from them changes them
# (an import or a harvest of the same item never does).
DECIDED = {Status.TAKEN_DOWN, Status.HIDDEN, Status.WITHDRAWN, Status.REJECTED, Status.PENDING}


class TransitionError(ValueError):
    """The article is not in a state this action starts from, or the action lacks a reason."""


def can(article: Article, action: str) -> bool:
    return article.status in TRANSITIONS[action][0]


def _state(article: Article) -> dict:
    return {"status": article.status, "reviewed": bool(article.reviewed_at)}


REASON_MAX = 1000  # characters: a reason is read by the author, on a phone


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("Give a reason: the author is told it."))
    return reason


def _move(
    article: Article,
    *,
    action: str,
    to: str,
    actor: User | None,
    now: datetime,
    reason: str = "",
    label: str = "",
    ip: str | None = None,
    extra: dict | None = None,
) -> AuditEntry:
    starts, ends = TRANSITIONS[action]
    if len(reason) > REASON_MAX:
        raise TransitionError(_("Keep the reason within %(n)d characters.") % {"n": REASON_MAX})
    if article.status not in starts or to not in ends:
        raise TransitionError(
            _("This article is %(state)s; it cannot be changed that way.")
            % {"state": article.get_status_display()}
        )
    was_public = article.status == Status.PUBLISHED
    before = _state(article)
    article.status = to
    if to == Status.PUBLISHED and article.published_at is None:
        article.published_at = now
    article.save()
    entry = audit_log(
        event=EVENT.format(action),
        target=article,
        article=article,
        actor=actor,
        actor_label=label,
        reason=reason,
        before=before,
        after={**_state(article), **(extra or {})},
        ip=ip,
        now=now,
    )
    signals.article_status_changed.send(
        sender=Article, article=article, action=action, entry=entry, actor=actor, reason=reason
    )
    if to == Status.PUBLISHED:
        signals.article_published.send(sender=Article, article=article)
    elif was_public:
        signals.article_unpublished.send(sender=Article, article=article)
    return entry


@transaction.atomic
def article_submit(
    *,
    article: Article,
    actor: User | None,
    now: datetime,
    direct: bool,
    ip: str | None = None,
    extra: dict | None = None,
) -> Article:
    """Submit (or resubmit after an edit): published at once when `direct` (the publishing app
    decides: a trusted publisher, nothing to review), else pending review. An edit of a published
    article that is not direct is reviewed before it shows again."""
    article.reviewed_at = None
    to = Status.PUBLISHED if direct else Status.PENDING
    _move(article, action="submit", to=to, actor=actor, now=now, ip=ip, extra=extra)
    return article


@transaction.atomic
def article_publish(
    *, article: Article, now: datetime, actor: User | None = None, label: str = "", reason: str = ""
) -> Article:
    """Publish a draft that needs no review (an import, an operator's editorial article): at
    its publication time, which may be later (scheduled), else now."""
    _move(
        article,
        action="publish",
        to=Status.PUBLISHED,
        actor=actor,
        now=now,
        reason=reason,
        label=label,
    )
    return article


@transaction.atomic
def article_approve(
    *, article: Article, actor: User | None, now: datetime, reason: str = ""
) -> Article:
    article.reviewed_at = now
    _move(article, action="approve", to=Status.PUBLISHED, actor=actor, now=now, reason=reason)
    return article


@transaction.atomic
def article_review(
    *, article: Article, actor: User | None, now: datetime, reason: str = ""
) -> Article:
    """Post-moderation: a moderator has read a directly published article and keeps it. The
    status stays; the entry records the reading."""
    if article.status != Status.PUBLISHED:
        raise TransitionError(_("Only a published article can be marked as reviewed."))
    before = _state(article)
    article.reviewed_at = now
    article.save(update_fields=["reviewed_at", "updated_at"])
    audit_log(
        event="moderation.article.reviewed",
        target=article,
        article=article,
        actor=actor,
        reason=reason,
        before=before,
        after=_state(article),
        now=now,
    )
    return article


@transaction.atomic
def article_reject(*, article: Article, actor: User | None, now: datetime, reason: str) -> Article:
    article.reviewed_at = now
    _move(
        article, action="reject", to=Status.REJECTED, actor=actor, now=now, reason=_reason(reason)
    )
    return article


@transaction.atomic
def article_hide(*, article: Article, actor: User | None, now: datetime, reason: str) -> AuditEntry:
    return _move(
        article, action="hide", to=Status.HIDDEN, actor=actor, now=now, reason=_reason(reason)
    )


@transaction.atomic
def article_take_down(
    *, article: Article, actor: User | None, now: datetime, reason: str, label: str = ""
) -> AuditEntry:
    """Take down at once; returns the audit entry (an appeal or a counter-notice refers to it)."""
    return _move(
        article,
        action="take_down",
        to=Status.TAKEN_DOWN,
        actor=actor,
        now=now,
        reason=_reason(reason),
        label=label,
    )


@transaction.atomic
def article_restore(
    *, article: Article, actor: User | None, now: datetime, reason: str, label: str = ""
) -> Article:
    _move(
        article,
        action="restore",
        to=Status.PUBLISHED,
        actor=actor,
        now=now,
        reason=_reason(reason),
        label=label,
    )
    return article


@transaction.atomic
def article_withdraw(
    *, article: Article, actor: User | None, now: datetime, reason: str = ""
) -> Article:
    """The author takes the article back. Nothing is deleted: the revisions stay, and a
    moderator can still see it."""
    if article.submitted_by_id is None or article.submitted_by_id != getattr(actor, "pk", None):
        raise TransitionError(_("Only its author can withdraw an article."))
    _move(article, action="withdraw", to=Status.WITHDRAWN, actor=actor, now=now, reason=reason)
    return article


@transaction.atomic
def article_update(*, article: Article, fields: dict) -> Article:
    """Change an article's content, never its status (that is a transition): the article is
    saved and, if it is published, read again."""
    if "status" in fields:
        raise TransitionError("the status changes only by a transition")
    for name, value in fields.items():
        setattr(article, name, value)
    article.full_clean(exclude=["regions"])
    article.save()
    article_content_changed(article=article)
    return article


def article_content_changed(*, article: Article) -> None:
    """Content of a published article changed without a change of status (an import updating
    it): read it again. Call inside the write's transaction."""
    if article.status == Status.PUBLISHED:
        signals.article_published.send(sender=Article, article=article)
