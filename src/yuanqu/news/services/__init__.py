"""Writes of articles. `lifecycle` is the state machine, the one write path for an article's
status; `imports` creates and updates articles from records (files, feeds, harvests)."""

from .imports import ArticleRejected, ImportReport, articles_bulk_insert, articles_import
from .lifecycle import (
    DECIDED,
    TRANSITIONS,
    TransitionError,
    article_approve,
    article_content_changed,
    article_hide,
    article_publish,
    article_reject,
    article_restore,
    article_review,
    article_submit,
    article_take_down,
    article_update,
    article_withdraw,
    can,
)

__all__ = [
    "DECIDED",
    "TRANSITIONS",
    "ArticleRejected",
    "ImportReport",
    "TransitionError",
    "article_approve",
    "article_content_changed",
    "article_hide",
    "article_publish",
    "article_reject",
    "article_restore",
    "article_review",
    "article_submit",
    "article_take_down",
    "article_update",
    "article_withdraw",
    "articles_bulk_insert",
    "articles_import",
    "can",
]
