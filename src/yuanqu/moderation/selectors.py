"""Reads for moderators: the queue with its deadlines, an article's moderation record."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils import timezone

from yuanqu.audit.models import AuditEntry
from yuanqu.news.models import Article

from .models import Appeal, Case, Category, Notice, Report

HOURS = settings.YUANQU_DEADLINE_HOURS


def submissions(now: datetime) -> list[Article]:
    """Pending submissions, oldest first, each with its deadline."""
    rows = list(
        Article.objects.filter(status=Article.Status.PENDING)
        .select_related("submitted_by")
        .order_by("updated_at", "id")
    )
    for row in rows:
        row.deadline_at = row.updated_at + timedelta(hours=HOURS["submission"])
        row.overdue = row.deadline_at < now
    return rows


def unreviewed(now: datetime) -> list[Article]:
    """Published directly by trusted publishers and not yet read by a moderator."""
    return list(
        Article.objects.filter(
            status=Article.Status.PUBLISHED, origin=Article.Origin.USER, reviewed_at=None
        )
        .select_related("submitted_by")
        .order_by("published_at", "id")[:100]
    )


def open_cases(now: datetime, category: str = "") -> list[Case]:
    """Open cases, deadline first, each with all its reports counted and their categories; a
    category keeps the cases with a report of it (and still counts every report of theirs)."""
    cases = Case.objects.filter(state=Case.State.OPEN)
    if category:
        # A subquery, not a join on reports: a second join would multiply the count below.
        cases = cases.filter(Exists(Report.objects.filter(case=OuterRef("pk"), category=category)))
    cases = (
        cases.select_related("article")
        .annotate(reports_count=Count("reports"), first_at=Min("reports__created_at"))
        .order_by("deadline_at", "id")
    )
    rows = list(cases)
    for row in rows:
        row.overdue = row.deadline_at < now
        codes = sorted(set(row.reports.values_list("category", flat=True)))
        row.categories = [Category(code) for code in codes]  # shown by their labels
    return rows


def open_notices(now: datetime | None = None) -> list[Notice]:
    """Notices waiting for a moderator (deadline first), then items taken down on a notice and
    not yet answered by their uploader."""
    now = now or timezone.now()
    queued = list(
        Notice.objects.filter(state=Notice.State.QUEUED)
        .select_related("article")
        .order_by("deadline_at", "id")[:100]
    )
    for row in queued:
        row.overdue = row.deadline_at is not None and row.deadline_at < now
    taken = list(
        Notice.objects.filter(state=Notice.State.ACCEPTED, counter__isnull=True)
        .select_related("article")
        .order_by("-created_at", "-id")[:100]
    )
    for row in taken:
        row.overdue = False  # the uploader's to answer, not a moderator's
    return queued + taken


def notices_on_item(notice: Notice) -> list[Notice]:
    """Every other notice on the same item, newest first: a claim pressed again shows."""
    return list(
        Notice.objects.filter(article=notice.article_id)
        .exclude(pk=notice.pk)
        .order_by("-created_at", "-id")[:50]
    )


def sender_history(notice: Notice) -> list[Notice]:
    """The sender's other notices: by the same e-mail address, the same rights holder's name or
    the same network address, newest first — one sender under several names shows too."""
    same = Q(contact_email__iexact=notice.contact_email) | Q(rights_holder=notice.rights_holder)
    if notice.ip:
        same |= Q(ip=notice.ip)
    return list(
        Notice.objects.filter(same)
        .exclude(batch=notice.batch)
        .select_related("article")
        .order_by("-created_at", "-id")[:100]
    )


def open_appeals(now: datetime) -> list[Appeal]:
    rows = list(Appeal.objects.filter(state=Appeal.State.OPEN).select_related("article", "action"))
    for row in rows:
        row.deadline_at = row.created_at + timedelta(hours=HOURS["appeal"])
        row.overdue = row.deadline_at < now
    return rows


def article_record(article: Article) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(article=article)
        .select_related("actor")
        .order_by("created_at", "id")
    )
