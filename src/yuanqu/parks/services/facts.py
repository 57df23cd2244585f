"""The figures a park's page shows: storing what the engine read in an article, and editors'
decisions on them (each written to the audit log, and kept when the article is read again)."""

from datetime import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from yuanqu.audit.services import audit_log
from yuanqu.facts import Fact
from yuanqu.news.models import Article

from ..indicators import clause_of, indicator_for
from ..models import ParkFact
from ..periods import is_valid_period
from ..templatetags.figures import figure
from .matchers import ParkMatcher
from .rows import rows_sync


class FactDecisionError(ValueError):
    """A decision that cannot be taken (a correction without a value, a stale fact …)."""


def _park_of(subject: str | None, matcher: ParkMatcher, linked: list[int]) -> int | None:
    """The park a fact is about: the one its subject names, else the park the article names most."""
    if subject:
        found = matcher.find(subject)
        if len(found) == 1:
            return next(iter(found))
    return linked[0] if linked else None


def _number(value: Decimal | float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _fields(fact: Fact, *, label: str, park_id: int | None) -> dict:
    return {
        "start": fact.start,
        "text": fact.text[:100],
        "park_id": park_id,
        "indicator": indicator_for(
            metric=label, unit=fact.unit, kind=fact.kind, clause=clause_of(fact.sentence, fact.text)
        ),
        "end": fact.end,
        "value": _number(fact.value),
        "range_to": _number(fact.range_to),
        "unit": fact.unit or "",
        "approx": fact.approx or "",
        "kind": fact.kind,
        "metric": (fact.metric or "")[:60],
        "subject": (fact.subject or "")[:100],
        "period": fact.period or "",
        "sentence": fact.sentence,
        "stale": False,
    }


def _mark_stale(row: ParkFact) -> None:
    if not row.stale:
        ParkFact.objects.filter(pk=row.pk).update(stale=True)


@transaction.atomic
def article_store_facts(
    *, article: Article, facts: list[Fact], matcher: ParkMatcher, linked: list[int]
) -> int:
    """Store the facts the engine found in the article (`linked`: its parks, the most mentioned
    first) and return how many. A fact an editor decided on keeps the decision; one no longer
    found is deleted, or kept as stale when an editor decided on it."""
    wanted, previous = {}, None
    for fact in facts:
        label = fact.metric or ""
        if (
            fact.kind == "share"
            and label.startswith("占")
            and previous
            and (previous.sentence == fact.sentence)
        ):
            label = (
                previous.metric or ""
            ) + label  # 高新技术产业产值…，占规上工业总产值比重为68.8%
        previous = fact
        fields = _fields(fact, label=label, park_id=_park_of(fact.subject, matcher, linked))
        wanted[(fields["start"], fields["text"])] = fields
    rows_sync(
        ParkFact,
        article=article,
        wanted=wanted,
        key=lambda row: (row.start, row.text),
        decided=lambda row: row.status != ParkFact.Status.EXTRACTED,
        refresh=None,
        on_gone=_mark_stale,
    )
    return len(facts)


def _state(fact: ParkFact) -> dict:
    return {
        "fact_status": fact.status,
        "value": figure(fact.shown_value, fact.unit),
        "period": fact.shown_period,
        "park": fact.park.name if fact.park_id else "",
    }


def _decide(
    fact: ParkFact,
    *,
    actor: User | None,
    now: datetime,
    action: str,
    reason: str,
    **changes: str | Decimal | None,
) -> ParkFact:
    before = _state(fact)
    for name, value in changes.items():
        setattr(fact, name, value)
    fact.save()
    audit_log(
        event=action,
        target=fact,
        article=fact.article,
        actor=actor,
        reason=reason[:500],
        before=before,
        after=_state(fact),
        now=now,
    )
    return fact


@transaction.atomic
def fact_confirm(
    *, fact: ParkFact, actor: User | None, now: datetime, reason: str = ""
) -> ParkFact:
    return _decide(
        fact,
        actor=actor,
        now=now,
        action="parks.fact.confirmed",
        reason=reason,
        status=ParkFact.Status.CONFIRMED,
    )


@transaction.atomic
def fact_correct(
    *,
    fact: ParkFact,
    actor: User | None,
    now: datetime,
    value: Decimal | float | None = None,
    period: str = "",
    reason: str = "",
) -> ParkFact:
    """Correct the value and/or period; the engine's reading stays beside the correction."""
    if value is None and not period:
        raise FactDecisionError(_("A correction needs a value or a period."))
    if period and not is_valid_period(period):
        raise FactDecisionError(
            _("Write the period as 2024, 2024-H1, 2024-Q3 or 2024-01..2024-08.")
        )
    return _decide(
        fact,
        actor=actor,
        now=now,
        action="parks.fact.corrected",
        reason=reason,
        status=ParkFact.Status.CORRECTED,
        corrected_value=_number(value) if value is not None else fact.corrected_value,
        corrected_period=period or fact.corrected_period,
    )


@transaction.atomic
def fact_reject(*, fact: ParkFact, actor: User | None, now: datetime, reason: str = "") -> ParkFact:
    return _decide(
        fact,
        actor=actor,
        now=now,
        action="parks.fact.rejected",
        reason=reason,
        status=ParkFact.Status.REJECTED,
    )
