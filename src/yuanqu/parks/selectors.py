"""Reads of the park registry for the directory and the park page."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from yuanqu.news.models import Article, published_q
from yuanqu.regions.models import Region

from .indicators import INDICATORS, Indicator
from .models import (
    Enterprise,
    Industry,
    Membership,
    Park,
    ParkFact,
    Platform,
    Project,
    Recognition,
)
from .periods import period_order, period_parts

SORTS = {
    "name": ("name", "id"),
    "approved": ("-approved", "id"),
    "area": ("-area_ha", "id"),
    "news": ("-news", "name", "id"),
}


def directory(
    *,
    region: Region | None = None,
    level: str = "",
    kind: str = "",
    industry: str = "",
    query: str = "",
    sort: str = "",
) -> QuerySet[Park]:
    """Parks filtered as the directory's form asks; a name that matches the query exactly (or
    starts with it) comes first."""
    parks = Park.objects.in_region(region).select_related("province", "city")
    if level in Park.Level.values:
        parks = parks.filter(level=level)
    if kind in Park.Kind.values:
        parks = parks.filter(kind=kind)
    if industry.strip():
        parks = parks.filter(_industry_filter(industry.strip()))
    news = Q(article_links__removed=False) & published_q("article_links__article__")
    parks = parks.matching(query).annotate(news=Count("article_links", filter=news, distinct=True))
    order = SORTS.get(sort, SORTS["name"] if not query.strip() else ("-news", "name", "id"))
    indicator = sort.removeprefix("indicator:") if sort.startswith("indicator:") else ""
    if indicator in {i.code for i in INDICATORS}:
        return _by_indicator(parks, indicator)
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


def _by_indicator(parks: QuerySet[Park], code: str) -> QuerySet[Park]:
    """Parks that report the indicator, largest latest figure first (the figure and its period
    are annotated so that the list can show what it compares)."""
    latest = (
        ParkFact.objects.shown()
        .filter(park=OuterRef("pk"), indicator=code)
        .order_by("-article__published_at", "-id")
    )
    value = Coalesce(latest.values("corrected_value")[:1], latest.values("value")[:1])
    return (
        parks.annotate(
            figure=value,
            figure_unit=Subquery(latest.values("unit")[:1]),
            figure_period=Subquery(latest.values("period")[:1]),
        )
        .filter(figure__isnull=False)
        .order_by("-figure", "name", "id")
    )


def sort_choices() -> list[tuple[str, str]]:
    return [(f"indicator:{i.code}", i.name) for i in INDICATORS]


def _industry_filter(industry: str) -> Q:
    """A taxonomy code matches any name of the industry or of its sub-industries in the
    catalogue's leading industries; anything else is matched as typed."""
    chosen = Industry.objects.filter(code=industry).first()
    if chosen is None:
        return Q(industries__contains=industry)
    words = [*chosen.words, *(w for child in chosen.children.all() for w in child.words)]
    condition = Q()
    for word in words:
        condition |= Q(industries__contains=word)
    return condition


def industry_choices() -> list[tuple[str, str]]:
    """(code, label) of the taxonomy, sub-industries indented under their parent."""
    industries = list(Industry.objects.all())
    choices = []
    for top in (i for i in industries if i.parent_id is None):
        choices.append((top.code, top.name))
        choices += [(i.code, f"— {i.name}") for i in industries if i.parent_id == top.pk]
    return choices


def industry_news(industry: Industry) -> QuerySet[Article]:
    return (
        Article.objects.published()
        .filter(industry_links__industry=industry, industry_links__removed=False)
        .newest()
        .defer("body")
        .distinct()
    )


def park_news(park: Park) -> QuerySet[Article]:
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
    chart: str | None = None  # SVG, set by the page when there is more than one period

    @property
    def conflicts(self) -> list[str]:
        """Periods for which the sources give different values."""
        return [period for period, facts in self.series if len({f.shown_value for f in facts}) > 1]

    @property
    def points(self) -> list[tuple[str, ParkFact]]:
        """(period, the figure shown for it) for every dated period, oldest first: the latest
        article's figure stands for the period."""
        return [
            (period, max(facts, key=lambda f: f.article.published_at))
            for period, facts in self.series
            if period_parts(period)
        ]

    def chart_series(self) -> dict[str, dict[int, Decimal]]:
        """{part of the year: {year: value}}: 上半年 of 2023 is compared with 上半年 of 2024."""
        series: dict[str, dict[int, Decimal]] = {}
        for period, fact in self.points:
            year, part = period_parts(period)
            series.setdefault(part, {})[year] = fact.shown_value
        return series


def _shown(park: Park) -> QuerySet[ParkFact]:
    return (
        ParkFact.objects.shown()
        .filter(park=park)
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
        series = sorted(periods.items(), key=lambda item: period_order(item[0]))
        latest = max(facts, key=lambda f: (period_order(f.shown_period), f.article.published_at))
        cards.append(IndicatorCard(indicator, latest, len(facts), series))
    return cards


def park_other_facts(park: Park, limit: int = 40) -> list[ParkFact]:
    """Figures that map to no indicator: kept and shown as the articles state them."""
    return list(_shown(park).filter(indicator="")[:limit])


MAX_COMPARED = 5


@dataclass
class ComparedIndicator:
    """One indicator across the compared parks: each park's card (None where it has no figure)
    and the latest period they all report, when there is one."""

    indicator: Indicator
    cards: list[IndicatorCard | None]
    common_period: str | None
    chart: str | None = None

    def figures(self) -> list[ParkFact | None]:
        """Each park's figure for the common period, else its latest."""
        shown = []
        for card in self.cards:
            if card is None:
                shown.append(None)
                continue
            by_period = dict(card.points)
            shown.append(by_period.get(self.common_period, card.latest))
        return shown


def parks_by_slugs(slugs: list[str]) -> tuple[list[Park], list[str]]:
    """The parks named, in the order given, without repeats (at most five), and the slugs that
    name no park."""
    wanted = list(dict.fromkeys(slug.strip().lower() for slug in slugs if slug.strip()))
    found = {
        park.slug: park
        for park in Park.objects.filter(slug__in=wanted).select_related("province", "city")
    }
    parks = [found[slug] for slug in wanted if slug in found][:MAX_COMPARED]
    return parks, [slug for slug in wanted if slug not in found]


def compared_indicators(parks: list[Park]) -> list[ComparedIndicator]:
    """The indicators at least two of the parks report, in the vocabulary's order."""
    cards = [{card.indicator.code: card for card in park_indicator_cards(park)} for park in parks]
    compared = []
    for indicator in INDICATORS:
        row = [by_code.get(indicator.code) for by_code in cards]
        present = [card for card in row if card is not None]
        if len(present) < 2:
            continue
        shared = set.intersection(*({period for period, _ in card.points} for card in present))
        common = max(shared, key=period_order) if shared else None
        compared.append(ComparedIndicator(indicator, row, common))
    return compared


PLATFORM_WORDS = (
    "平台",
    "实验室",
    "研发机构",
    "工作站",
    "创新中心",
    "技术中心",
    "孵化器",
    "众创空间",
)


def park_memberships(park: Park) -> list[Membership]:
    """The enterprises the news places in the park, each with how and where it says so: the
    latest article's sentence when several say the same."""
    rows = (
        Membership.objects.shown()
        .filter(park=park)
        .select_related("enterprise", "article")
        .prefetch_related(
            Prefetch(
                "enterprise__recognitions",
                Recognition.objects.shown().order_by("kind", "-id"),
            )
        )
        .order_by("enterprise__name", "kind", "-article__published_at", "-id")
    )
    latest: dict[tuple[int, str], Membership] = {}
    for row in rows:
        if (row.enterprise_id, row.kind) not in latest:
            row.badges = list(  # one badge a recognition, however many articles report it
                dict.fromkeys(
                    f"{r.level}{r.get_kind_display()}" for r in row.enterprise.recognitions.all()
                )
            )
            latest[(row.enterprise_id, row.kind)] = row
    return list(latest.values())


def park_platforms(park: Park) -> tuple[list[Platform], list[ParkFact]]:
    """Named platforms, and the figures that count the park's platforms (院士工作站5家)."""
    named = list(Platform.objects.shown().filter(park=park).select_related("article"))
    counts = [
        fact
        for fact in _shown(park).filter(unit__in=["个", "家", "所", "座"])
        if any(word in fact.metric for word in PLATFORM_WORDS)
    ]
    return named, counts


def park_projects(park: Park, limit: int = 30) -> list[Project]:
    """The park's projects at the stage each article reported, newest report first."""
    return list(
        Project.objects.shown()
        .filter(park=park)
        .select_related("article")
        .order_by("-reported_on", "start", "id")[:limit]
    )


def enterprise_directory(query: str = "") -> QuerySet[Enterprise]:
    """Enterprises, those most in the news first; `query` matches names and aliases."""
    news = Q(mentions__removed=False) & published_q("mentions__article__")
    return (
        Enterprise.objects.shown()
        .matching(query)
        .annotate(news=Count("mentions", filter=news, distinct=True))
        .order_by("-news", "name", "id")
    )


def enterprise_rows(enterprise: Enterprise) -> tuple[list[Membership], list[Recognition]]:
    """The enterprise's parks and recognitions, each with its source sentence."""
    memberships = (
        Membership.objects.shown()
        .filter(enterprise=enterprise)
        .select_related("park", "park__province", "article")
    )
    recognitions = (
        Recognition.objects.shown().filter(enterprise=enterprise).select_related("article")
    )
    return list(memberships), list(recognitions)


def enterprise_news(enterprise: Enterprise) -> QuerySet[Article]:
    return (
        Article.objects.published()
        .filter(enterprise_links__enterprise=enterprise, enterprise_links__removed=False)
        .newest()
        .defer("body")
        .distinct()
    )
