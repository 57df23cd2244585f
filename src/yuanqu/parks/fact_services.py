"""Writes of the facts a park's page shows: storing what the engine reads, editors' decisions."""

from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction

from yuanqu.facts import extract

from .indicators import clause_of, indicator_for
from .models import ArticlePark, ParkFact, ParkFactChange
from .services import ParkMatcher, park_matcher

SHANGHAI = ZoneInfo("Asia/Shanghai")


class FactDecisionError(ValueError):
    """A decision that cannot be taken (a correction without a value, a stale fact …)."""


def _park_of(subject: str | None, matcher: ParkMatcher, linked: list[int]) -> int | None:
    """The park a fact is about: the one its subject names, else the park the article names most."""
    if subject:
        found = matcher.find(subject)
        if len(found) == 1:
            return next(iter(found))
    return linked[0] if linked else None


def _number(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@transaction.atomic
def article_extract_facts(*, article, matcher: ParkMatcher | None = None) -> int:
    """Store the facts the engine finds in the article (title first, then the text) and return
    how many. A fact an editor decided on keeps the decision; one no longer found is deleted,
    or kept as stale when an editor decided on it."""
    published = article.published_at.astimezone(SHANGHAI).date() if article.published_at else None
    facts = extract(article.title + "\n" + article.text, published=published)
    matcher = matcher or park_matcher()
    linked = list(
        ArticlePark.objects.filter(article=article, removed=False)
        .order_by("-mentions", "id")
        .values_list("park_id", flat=True)
    )
    existing = {(row.start, row.text): row for row in ParkFact.objects.filter(article=article)}
    seen, previous = set(), None
    for fact in facts:
        label = fact.metric or ""
        if (
            fact.kind == "share"
            and label.startswith("占")
            and previous
            and previous.sentence == fact.sentence
        ):
            label = (
                previous.metric or ""
            ) + label  # 高新技术产业产值…，占规上工业总产值比重为68.8%
        previous = fact
        key = (fact.start, fact.text[:100])
        seen.add(key)
        fields = {
            "park_id": _park_of(fact.subject, matcher, linked),
            "indicator": indicator_for(
                metric=label,
                unit=fact.unit,
                kind=fact.kind,
                clause=clause_of(fact.sentence, fact.text),
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
        row = existing.get(key)
        if row is None:
            ParkFact.objects.create(article=article, start=key[0], text=key[1], **fields)
        elif any(getattr(row, name) != value for name, value in fields.items()):
            ParkFact.objects.filter(pk=row.pk).update(**fields)
    for key, row in existing.items():
        if key in seen:
            continue
        if row.status == ParkFact.Status.EXTRACTED:
            row.delete()
        elif not row.stale:
            ParkFact.objects.filter(pk=row.pk).update(stale=True)
    return len(facts)


def _decide(fact: ParkFact, *, actor, now, action: str, reason: str, **changes) -> ParkFact:
    before = {"status": fact.status, "value": str(fact.shown_value), "period": fact.shown_period}
    for name, value in changes.items():
        setattr(fact, name, value)
    fact.save()
    after = {"status": fact.status, "value": str(fact.shown_value), "period": fact.shown_period}
    ParkFactChange.objects.create(
        fact=fact,
        actor=actor,
        action=action,
        before=before,
        after=after,
        reason=reason,
        created_at=now,
    )
    return fact


@transaction.atomic
def fact_confirm(*, fact: ParkFact, actor, now, reason: str = "") -> ParkFact:
    return _decide(fact, actor=actor, now=now, action="parks.fact.confirmed", reason=reason,
                   status=ParkFact.Status.CONFIRMED)  # fmt: skip


@transaction.atomic
def fact_correct(
    *, fact: ParkFact, actor, now, value=None, period: str = "", reason: str = ""
) -> ParkFact:
    """Correct the value and/or period; the engine's reading stays beside the correction."""
    if value is None and not period:
        raise FactDecisionError("a correction needs a value or a period")
    return _decide(
        fact, actor=actor, now=now, action="parks.fact.corrected", reason=reason,
        status=ParkFact.Status.CORRECTED,
        corrected_value=_number(value) if value is not None else fact.corrected_value,
        corrected_period=period or fact.corrected_period,
    )  # fmt: skip


@transaction.atomic
def fact_reject(*, fact: ParkFact, actor, now, reason: str = "") -> ParkFact:
    return _decide(fact, actor=actor, now=now, action="parks.fact.rejected", reason=reason,
                   status=ParkFact.Status.REJECTED)  # fmt: skip
