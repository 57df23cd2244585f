"""Operators' and moderators' changes besides articles: sanctions on users, the sensitive words,
the pre-moderation switch. Each writes its audit entry."""

from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from yuanqu.accounts import services as accounts
from yuanqu.accounts.models import Sanction
from yuanqu.audit.services import audit_log

from ..models import Policy, SensitiveWord

REASON_MAX = 1000  # characters of a reason the user is told


class SanctionError(ValueError):
    """A sanction or an operator's change that cannot be made; the message says why."""


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise SanctionError(_("Give a reason: the user is told it."))
    if len(reason) > REASON_MAX:
        raise SanctionError(_("Keep the reason within %(n)d characters.") % {"n": REASON_MAX})
    return reason


@transaction.atomic
def user_warn(*, user: User, actor: User | None, reason: str, now: datetime) -> Sanction:
    reason = _reason(reason)
    sanction = accounts.user_warn(user=user, actor=actor, reason=reason, now=now)
    audit_log(event="moderation.user.warned", target=user, actor=actor, reason=reason, now=now)
    return sanction


@transaction.atomic
def user_suspend(
    *, user: User, actor: User | None, reason: str, days: int, now: datetime
) -> Sanction:
    reason = _reason(reason)
    days = max(1, min(365, days))
    sanction = accounts.user_suspend(
        user=user, actor=actor, reason=reason, until=now + timedelta(days=days), now=now
    )
    audit_log(
        event="moderation.user.suspended",
        target=user,
        actor=actor,
        reason=reason,
        after={"days": days, "until": sanction.until.isoformat()},
        now=now,
    )
    return sanction


@transaction.atomic
def word_add(*, word: str, note: str, actor: User | None, now: datetime) -> SensitiveWord:
    word = (word or "").strip()[:50]
    if not word:
        raise SanctionError(_("Type the word."))
    row, _created = SensitiveWord.objects.update_or_create(
        word=word, defaults={"active": True, "note": (note or "")[:100], "created_by": actor}
    )
    audit_log(event="moderation.word.added", target=row, actor=actor, after={"word": word}, now=now)
    return row


@transaction.atomic
def word_remove(*, row: SensitiveWord, actor: User | None, now: datetime) -> SensitiveWord:
    row.active = False
    row.save(update_fields=["active", "updated_at"])
    audit_log(
        event="moderation.word.removed", target=row, actor=actor, before={"word": row.word}, now=now
    )
    return row


@transaction.atomic
def policy_set(*, premoderate_all: bool, actor: User | None, now: datetime) -> Policy:
    policy = Policy.objects.select_for_update().first() or Policy.objects.create()
    before = {"premoderate_all": policy.premoderate_all}
    policy.premoderate_all, policy.updated_by = premoderate_all, actor
    policy.save()
    audit_log(
        event="moderation.policy.changed",
        target=policy,
        actor=actor,
        before=before,
        after={"premoderate_all": premoderate_all},
        now=now,
    )
    return policy
