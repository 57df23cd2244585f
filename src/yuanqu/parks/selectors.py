"""Reads of the park registry for the directory and the park page."""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, Value, When

from yuanqu.news.models import Article

from .indicators import INDICATORS, Indicator
from .models import Park, ParkFact

SORTS = {
    "name": ("name", "id"),
    "approved": ("-approved", "id"),
    "area": ("-area_ha", "id"),
    "news": ("-news", "name", "id"),
}


def directory(
    *,
    region=None,
    level: str = "",
    kind: str = "",
    industry: str = "",
    query: str = "",
    sort: str = "",
):
    """Parks filtered as the directory's form asks; a name that matches the query exactly (or
    starts with it) comes first."""
    parks = Park.objects.in_region(region).select_related("province", "city")
    if level in Park.Level.values:
        parks = parks.filter(level=level)
    if kind in Park.Kind.values:
        parks = parks.filter(kind=kind)
    if industry.strip():
        parks = parks.filter(industries__contains=industry.strip())
    parks = parks.matching(query).annotate(
        news=Count("article_links", filter=Q(article_links__removed=False), distinct=True)
    )
    order = SORTS.get(sort, SORTS["name"] if not query.strip() else ("-news", "name", "id"))
    if query.strip() and sort not in SORTS:
        query = query.strip()
        parks = parks.annotate(
            rank=Case(
                When(Q(name=query) | Q(alias_text__contains=f"\n{query}\n"), then=Value(2)),
                When(name__startswith=query, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        order = ("-rank", "level", "-news", "name", "id")
    return parks.order_by(*order)


def park_news(park: Park):
    """The park's published news, newest first."""
    return (
        Article.objects.published()
        .filter(park_links__park=park, park_links__removed=False)
        .newest()
        .defer("body")
        .distinct()
    )


@dataclass
class IndicatorCard:
    """One indicator of a park: its latest figure, and every period's figures with their sources."""

    indicator: Indicator
    latest: ParkFact
    sources: int
    series: list[tuple[str, list[ParkFact]]]  # period -> facts (one data point, several sources)

    @property
    def conflicts(self) -> list[str]:
        """Periods for which the sources give different values."""
        return [period for period, facts in self.series if len({f.shown_value for f in facts}) > 1]


def _shown(park: Park):
    return (
        ParkFact.objects.filter(park=park, article__status=Article.Status.PUBLISHED)
        .exclude(status=ParkFact.Status.REJECTED)
        .select_related("article")
        .order_by("-article__published_at", "start", "id")
    )


def park_indicator_cards(park: Park) -> list[IndicatorCard]:
    """The park's figures on canonical indicators, in the vocabulary's order."""
    grouped: dict[str, list[ParkFact]] = {}
    for fact in _shown(park).exclude(indicator=""):
        grouped.setdefault(fact.indicator, []).append(fact)
    cards = []
    for indicator in INDICATORS:
        facts = grouped.get(indicator.code)
        if not facts:
            continue
        periods: dict[str, list[ParkFact]] = {}
        for fact in facts:
            periods.setdefault(fact.shown_period, []).append(fact)
        series = sorted(periods.items())
        latest = max(facts, key=lambda f: (f.shown_period, f.article.published_at))
        cards.append(IndicatorCard(indicator, latest, len(facts), series))
    return cards


def park_other_facts(park: Park, limit: int = 40) -> list[ParkFact]:
    """Figures that map to no indicator: kept and shown as the articles state them."""
    return list(_shown(park).filter(indicator="")[:limit])
