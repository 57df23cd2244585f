from .notices import Appeal, CounterNotice, Notice
from .policy import ChallengeUse, Policy, SensitiveWord
from .reports import Case, Category, Report

__all__ = [
    "Appeal",
    "Case",
    "Category",
    "ChallengeUse",
    "CounterNotice",
    "Notice",
    "Policy",
    "Report",
    "SensitiveWord",
]
