"""Reads of the audit log."""

from django.db import models
from django.db.models import QuerySet

from .models import AuditEntry


def entries(*, event: str = "", article: models.Model | None = None) -> QuerySet[AuditEntry]:
    """Newest first; `event` keeps those whose dotted name starts with it, `article` (a news
    Article: news sits above the audit log) those on that article."""
    rows = AuditEntry.objects.select_related("actor", "article")
    if event:
        rows = rows.filter(event__startswith=event)
    if article is not None:
        rows = rows.filter(article=article)
    return rows


def history(*, target_type: str, target_id: int) -> list[AuditEntry]:
    """What was decided on one item, oldest first."""
    return list(
        AuditEntry.objects.filter(target_type=target_type, target_id=target_id)
        .select_related("actor")
        .order_by("created_at", "id")
    )
