"""Writing the audit log: every decision and state change writes exactly one entry."""

from datetime import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

from .models import AuditEntry


def audit_log(
    *,
    event: str,
    target: models.Model,
    now: datetime,
    actor: User | AnonymousUser | None = None,
    actor_label: str = "",
    article: models.Model | None = None,  # a news Article; news sits above the audit log
    reason: str = "",
    before: dict | None = None,
    after: dict | None = None,
    ip: str | None = None,
) -> AuditEntry:
    """One append-only row: the dotted event (moderation.article.take_down), who did it (a user,
    or a label such as 匿名举报人), what it was done to, why, and the state before and after."""
    return AuditEntry.objects.create(
        event=event,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=actor_label[:100],
        target_type=target._meta.model_name,
        target_id=target.pk,
        article=article,
        reason=reason,
        before=before or {},
        after=after or {},
        ip=ip,
        created_at=now,
    )
