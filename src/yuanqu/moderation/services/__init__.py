"""Every change of moderation state goes through a function here; each writes its audit entry."""

from .articles import (
    TransitionError,
    article_approve,
    article_hide,
    article_reject,
    article_restore,
    article_review,
    article_submit,
    article_take_down,
    article_withdraw,
)
from .audit import audit_log
from .notices import (
    NoticeError,
    appeal_create,
    appeal_decide,
    counter_notice_create,
    notice_create,
)
from .operators import (
    SanctionError,
    policy_set,
    user_suspend,
    user_warn,
    word_add,
    word_remove,
)
from .reports import ReportError, case_close, report_create
from .words import sensitive_hits

__all__ = [
    "NoticeError",
    "ReportError",
    "SanctionError",
    "TransitionError",
    "appeal_create",
    "appeal_decide",
    "article_approve",
    "article_hide",
    "article_reject",
    "article_restore",
    "article_review",
    "article_submit",
    "article_take_down",
    "article_withdraw",
    "audit_log",
    "case_close",
    "counter_notice_create",
    "notice_create",
    "policy_set",
    "report_create",
    "sensitive_hits",
    "user_suspend",
    "user_warn",
    "word_add",
    "word_remove",
]
