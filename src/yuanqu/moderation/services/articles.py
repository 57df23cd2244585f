"""What moderation adds to an article's transitions (the state machine itself is
`yuanqu.news.services.lifecycle`): the author is told of every moderator's decision on their
article, with its reason, in their inbox and by e-mail."""

from django.conf import settings
from django.contrib.auth.models import User
from django.dispatch import receiver
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yuanqu.accounts.services import notify
from yuanqu.audit.models import AuditEntry
from yuanqu.news.models import Article
from yuanqu.news.signals import article_status_changed

OUTCOMES = {
    "approve": gettext_lazy("Your article was approved and is published."),
    "reject": gettext_lazy("Your article was not approved."),
    "hide": gettext_lazy("Your article is hidden while it is reviewed."),
    "take_down": gettext_lazy("Your article was taken down."),
    "restore": gettext_lazy("Your article is published again."),
}


@receiver(article_status_changed, dispatch_uid="moderation.tell_author")
def tell_author(
    sender: type[Article],
    *,
    article: Article,
    action: str,
    entry: AuditEntry,
    actor: User | None,
    reason: str,
    **kwargs: object,  # the signal itself; nothing else of it is read
) -> None:
    if action not in OUTCOMES or not article.submitted_by_id:
        return
    if article.submitted_by_id == getattr(actor, "pk", None):
        return
    body = str(OUTCOMES[action]) + (f"\n{_('Reason')}：{reason}" if reason else "")
    notify(
        user=article.submitted_by,
        subject=f"{OUTCOMES[action]}《{article.title}》",
        body=body,
        url=resolve_url(settings.LOGIN_REDIRECT_URL),
        now=entry.created_at,
    )
