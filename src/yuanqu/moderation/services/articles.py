"""The moderation state machine of an article. Every transition is one of these functions: it
checks the article is in a state the transition starts from, changes the state, writes one audit
entry and tells the author after commit.

    draft/rejected ──submit──> pending ──approve──> published
                       └──(trusted, no sensitive word, no pre-moderation)──> published
    pending ──reject──> rejected          published ──hide──> hidden ──restore──> published
    published/hidden/pending ──take_down──> taken_down ──restore──> published
    any but taken_down ──withdraw (author)──> withdrawn
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yuanqu.accounts.services import notify
from yuanqu.news.models import Article

from ..models import Policy
from .audit import audit_log
from .words import sensitive_hits

Status = Article.Status
FROM = {
    "submit": {Status.DRAFT, Status.REJECTED, Status.PENDING, Status.PUBLISHED},
    "approve": {Status.PENDING, Status.REJECTED},  # a rejection overturned on appeal
    "reject": {Status.PENDING},
    "hide": {Status.PUBLISHED},
    "take_down": {Status.PUBLISHED, Status.HIDDEN, Status.PENDING},
    "restore": {Status.HIDDEN, Status.TAKEN_DOWN},
    "withdraw": {Status.DRAFT, Status.PENDING, Status.PUBLISHED, Status.REJECTED, Status.HIDDEN},
    "review": {Status.PUBLISHED},
}
OUTCOMES = {
    "approve": gettext_lazy("Your article was approved and is published."),
    "reject": gettext_lazy("Your article was not approved."),
    "hide": gettext_lazy("Your article is hidden while it is reviewed."),
    "take_down": gettext_lazy("Your article was taken down."),
    "restore": gettext_lazy("Your article is published again."),
}


class TransitionError(ValueError):
    """The article is not in a state this action starts from, or the action lacks a reason."""


def _state(article: Article) -> dict:
    return {"status": article.status, "reviewed": bool(article.reviewed_at)}


def _move(article, *, action, to, actor, reason, now, ip=None, extra=None, label=""):
    if article.status not in FROM[action]:
        raise TransitionError(
            _("This article is %(state)s; it cannot be changed that way.")
            % {"state": article.get_status_display()}
        )
    before = _state(article)
    article.status = to
    if to == Status.PUBLISHED and article.published_at is None:
        article.published_at = now
    article.save()  # a full save: the parks app reads a newly published article after commit
    entry = audit_log(
        event=f"moderation.article.{action}",
        target=article, article=article, actor=actor, actor_label=label, reason=reason,
        before=before, after={**_state(article), **(extra or {})}, ip=ip, now=now,
    )  # fmt: skip
    if action in OUTCOMES and article.submitted_by_id and article.submitted_by != actor:
        url = reverse("accounts:home")
        body = str(OUTCOMES[action]) + (f"\n{_('Reason')}：{reason}" if reason else "")
        notify(user=article.submitted_by, subject=f"{OUTCOMES[action]}《{article.title}》",
               body=body, url=url, now=now)  # fmt: skip
    return entry


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("Give a reason: the author is told it."))
    return reason


@transaction.atomic
def article_submit(*, article: Article, actor, now, ip=None) -> Article:
    """Submit (or resubmit after an edit): published at once for a trusted publisher when no
    sensitive word is found and the operator has not put everything into pre-moderation;
    otherwise pending review."""
    hits = sensitive_hits(f"{article.title}\n{article.summary}\n{article.text}")
    trusted = actor.has_perm("news.publish_directly")
    direct = trusted and not hits and not Policy.current().premoderate_all
    to = Status.PUBLISHED if direct else Status.PENDING
    if article.status == Status.PUBLISHED and not direct:
        to = Status.PENDING  # an edit of a published article is reviewed before it shows again
    article.reviewed_at = None
    _move(article, action="submit", to=to, actor=actor, reason="", now=now, ip=ip,
          extra={"sensitive_words": hits, "trusted": trusted})  # fmt: skip
    return article


@transaction.atomic
def article_approve(*, article, actor, now, reason: str = "") -> Article:
    article.reviewed_at = now
    _move(article, action="approve", to=Status.PUBLISHED, actor=actor, reason=reason, now=now)
    return article


@transaction.atomic
def article_review(*, article, actor, now, reason: str = "") -> Article:
    """Post-moderation: a moderator has read a directly published article and keeps it."""
    if article.status not in FROM["review"]:
        raise TransitionError(_("Only a published article can be marked as reviewed."))
    before = _state(article)
    article.reviewed_at = now
    article.save(update_fields=["reviewed_at"])
    audit_log(event="moderation.article.reviewed", target=article, article=article, actor=actor,
              reason=reason, before=before, after=_state(article), now=now)  # fmt: skip
    return article


@transaction.atomic
def article_reject(*, article, actor, now, reason: str) -> Article:
    article.reviewed_at = now
    _move(article, action="reject", to=Status.REJECTED, actor=actor, reason=_reason(reason),
          now=now)  # fmt: skip
    return article


@transaction.atomic
def article_hide(*, article, actor, now, reason: str) -> Article:
    _move(article, action="hide", to=Status.HIDDEN, actor=actor, reason=_reason(reason), now=now)
    return article


@transaction.atomic
def article_take_down(*, article, actor, now, reason: str, label: str = ""):
    """Take down at once; returns the audit entry (an appeal or a counter-notice refers to it)."""
    return _move(article, action="take_down", to=Status.TAKEN_DOWN, actor=actor,
                 reason=_reason(reason), now=now, label=label)  # fmt: skip


@transaction.atomic
def article_restore(*, article, actor, now, reason: str, label: str = "") -> Article:
    _move(article, action="restore", to=Status.PUBLISHED, actor=actor, reason=_reason(reason),
          now=now, label=label)  # fmt: skip
    return article


@transaction.atomic
def article_withdraw(*, article, actor, now, reason: str = "") -> Article:
    """The author takes the article back. Nothing is deleted: the revisions stay, and a
    moderator can still see it."""
    if article.submitted_by_id != getattr(actor, "pk", None):
        raise TransitionError(_("Only its author can withdraw an article."))
    _move(article, action="withdraw", to=Status.WITHDRAWN, actor=actor, reason=reason, now=now)
    return article
