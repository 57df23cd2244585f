"""The annual governance report: what was reported, decided, taken down, appealed, sanctioned."""

import statistics
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from yuanqu.accounts.models import Sanction
from yuanqu.audit.models import AuditEntry

from .models import Appeal, Case, Category, Notice, Report

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _hours(cases) -> dict:
    hours = sorted((c.closed_at - c.opened_at).total_seconds() / 3600 for c in cases)
    if not hours:
        return {"closed": 0, "median_hours": None, "p90_hours": None, "overdue": 0}
    p90 = hours[min(len(hours) - 1, int(len(hours) * 0.9))]
    overdue = sum(1 for c in cases if c.closed_at > c.deadline_at)
    return {
        "closed": len(hours),
        "median_hours": round(statistics.median(hours), 1),
        "p90_hours": round(p90, 1),
        "overdue": overdue,
    }


def governance_report(year: int) -> dict:
    """Counts for the calendar year (Beijing time)."""
    start = datetime(year, 1, 1, tzinfo=SHANGHAI)
    end = datetime(year + 1, 1, 1, tzinfo=SHANGHAI)
    within = {"created_at__gte": start, "created_at__lt": end}
    reports = Report.objects.filter(**within)
    cases = list(Case.objects.filter(opened_at__gte=start, opened_at__lt=end))
    events = Counter(AuditEntry.objects.filter(**within).values_list("event", flat=True))
    takedowns = AuditEntry.objects.filter(event="moderation.article.take_down", **within)
    notices = Notice.objects.filter(**within)
    appeals = Appeal.objects.filter(**within)
    sanctions = Sanction.objects.filter(**within)
    by_category = Counter(reports.values_list("category", flat=True))
    return {
        "year": year,
        "reports": {
            "total": reports.count(),
            "by_category": {label: by_category.get(value, 0) for value, label in Category.choices},
        },
        "cases": {
            "opened": len(cases),
            "upheld": sum(1 for c in cases if c.outcome == Case.Outcome.UPHELD),
            "dismissed": sum(1 for c in cases if c.outcome == Case.Outcome.DISMISSED),
            "open": sum(1 for c in cases if c.state == Case.State.OPEN),
            **_hours([c for c in cases if c.closed_at]),
        },
        "submissions": {
            "submitted": events["moderation.article.submit"],
            "approved": events["moderation.article.approve"],
            "rejected": events["moderation.article.reject"],
        },
        "takedowns": {
            "total": takedowns.count(),
            "after_notices": takedowns.filter(actor__isnull=True).count(),
            "by_moderators": takedowns.filter(actor__isnull=False).count(),
            "restored": events["moderation.article.restore"],
        },
        "notices": {
            "received": notices.count(),
            "accepted": notices.filter(state=Notice.State.ACCEPTED).count(),
            "countered": notices.filter(state=Notice.State.COUNTERED).count(),
            "refused": notices.filter(state=Notice.State.REFUSED).count(),
            "published": notices.filter(public=True).count(),
        },
        "appeals": {
            "filed": appeals.count(),
            "upheld": appeals.filter(state=Appeal.State.UPHELD).count(),
            "overturned": appeals.filter(state=Appeal.State.OVERTURNED).count(),
            "open": appeals.filter(state=Appeal.State.OPEN).count(),
        },
        "accounts": {
            "warned": sanctions.filter(kind=Sanction.Kind.WARNING)
            .values("user")
            .distinct()
            .count(),
            "suspended": sanctions.filter(kind=Sanction.Kind.SUSPENSION)
            .values("user")
            .distinct()
            .count(),
        },
    }
