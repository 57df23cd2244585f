from .entities import (
    NEWS_SOURCE,
    ArticleEnterprise,
    Enterprise,
    Membership,
    Origin,
    Platform,
    Project,
    Recognition,
)
from .facts import ArticleReading, ParkFact, ParkFactQuerySet
from .industries import ArticleIndustry, Industry
from .parks import ArticlePark, Park, ParkQuerySet, ParkStatusChange, alias_text

__all__ = [
    "NEWS_SOURCE",
    "ArticleEnterprise",
    "ArticleIndustry",
    "ArticlePark",
    "ArticleReading",
    "Enterprise",
    "Industry",
    "Membership",
    "Origin",
    "Park",
    "ParkFact",
    "ParkFactQuerySet",
    "ParkQuerySet",
    "ParkStatusChange",
    "Platform",
    "Project",
    "Recognition",
    "alias_text",
]
