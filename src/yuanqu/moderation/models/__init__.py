from .notices import Appeal, CounterNotice, Notice
from .policy import Policy, SensitiveWord
from .reports import Case, Category, Report

__all__ = [
    "Appeal",
    "Case",
    "Category",
    "CounterNotice",
    "Notice",
    "Policy",
    "Report",
    "SensitiveWord",
]
