"""Moderators' and operators' writes: reports, notices, appeals, sanctions, sensitive words and
the policy; each writes its audit entry. An article's transitions are the state machine's
(`yuanqu.news.services`), which these call."""

from .notices import (
    NoticeError,
    appeal_create,
    appeal_decide,
    counter_notice_create,
    notice_confirm,
    notice_create,
    notice_decide,
    work_key,
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
    "appeal_create",
    "appeal_decide",
    "case_close",
    "counter_notice_create",
    "notice_confirm",
    "notice_create",
    "notice_decide",
    "policy_set",
    "report_create",
    "sensitive_hits",
    "user_suspend",
    "user_warn",
    "word_add",
    "word_remove",
    "work_key",
]
