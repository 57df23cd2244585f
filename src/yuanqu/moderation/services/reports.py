"""Reports (举报): created by anyone, grouped per article in a case, closed by a moderator with an
outcome every reporter of the case can read on their ticket's page."""

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from yuanqu.audit.services import audit_log
from yuanqu.news import services as articles
from yuanqu.news.models import Article

from ..models import Case, Report

NOTE_MAX = 2000  # characters of an outcome the reporters read
ACTIONS = {"take_down": articles.article_take_down, "hide": articles.article_hide}


class ReportError(ValueError):
    """A report or a decision that cannot be taken; the message says why."""


def deadline_hours(category: str) -> int:
    return settings.YUANQU_DEADLINE_HOURS.get(category, settings.YUANQU_DEADLINE_HOURS["other"])


def new_ticket(prefix: str, now: datetime) -> str:
    """JB20261201-7Q4KX2: the day it came in and six random characters (no 0, 1, I or O,
    which read alike)."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    tail = "".join(secrets.choice(alphabet) for _ in range(6))
    return f"{prefix}{now:%Y%m%d}-{tail}"


def _case_for(article: Article | None, category: str, now: datetime) -> Case:
    """The open case on the article (a new report can bring its deadline forward), or a new one.
    Reports on no article (a page elsewhere, a user) each have a case of their own."""
    deadline = now + timedelta(hours=deadline_hours(category))
    case = None
    if article is not None:
        case = Case.objects.select_for_update().filter(article=article, state="open").first()
    if case is None:
        return Case.objects.create(article=article, opened_at=now, deadline_at=deadline)
    if deadline < case.deadline_at:
        Case.objects.filter(pk=case.pk).update(deadline_at=deadline)
    return case


@transaction.atomic
def report_create(
    *,
    category: str,
    details: str,
    now: datetime,
    article: Article | None = None,
    url: str = "",
    evidence: File | None = None,
    contact: str = "",
    reporter: User | AnonymousUser | None = None,
    ip: str | None = None,
) -> Report:
    """File a report; returns it with its ticket and the key of its status page."""
    if article is None and not url.strip():
        raise ReportError(_("Say which article or page the report is about."))
    case = _case_for(article, category, now)
    report = Report.objects.create(
        ticket=new_ticket("JB", now),
        key=secrets.token_urlsafe(16),
        case=case,
        category=category,
        article=article,
        url=url.strip()[:500],
        details=details.strip(),
        evidence=evidence or "",
        contact=contact.strip(),
        ip=ip,
        created_at=now,
        reporter=reporter if getattr(reporter, "is_authenticated", False) else None,
    )
    audit_log(
        event="moderation.report.created",
        target=report,
        article=article,
        actor=reporter,
        actor_label=_("reporter"),
        reason=details.strip()[:500],
        after={"ticket": report.ticket, "category": category, "case": case.pk},
        ip=ip,
        now=now,
    )
    return report


@transaction.atomic
def case_close(
    *, case: Case, actor: User | None, now: datetime, outcome: str, note: str, action: str = ""
) -> Case:
    """Close a case: uphold it (with an action on the article: take it down or hide it) or
    dismiss it; the note is what the reporters read."""
    if case.state != Case.State.OPEN:
        raise ReportError(_("This case is already closed."))
    note = (note or "").strip()
    if not note:
        raise ReportError(_("Write the outcome for the reporters."))
    if len(note) > NOTE_MAX:
        raise ReportError(_("Keep the outcome within %(n)d characters.") % {"n": NOTE_MAX})
    if outcome == Case.Outcome.UPHELD and action:
        if case.article is None or action not in ACTIONS:
            raise ReportError(_("There is no article to act on."))
        ACTIONS[action](article=case.article, actor=actor, now=now, reason=note)
    before = {"state": case.state}
    case.state, case.outcome, case.action = Case.State.CLOSED, outcome, action
    case.public_note, case.closed_at, case.closed_by = note, now, actor
    case.save()
    audit_log(
        event=f"moderation.report.{outcome}",
        target=case,
        article=case.article,
        actor=actor,
        reason=note,
        before=before,
        after={"state": case.state, "outcome": outcome, "action": action},
        now=now,
    )
    return case
