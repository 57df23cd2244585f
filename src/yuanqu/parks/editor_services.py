"""Editors' corrections of what was read from the news: an article's park links, and the
enterprises, platforms and projects found in it. Reading an article again keeps them."""

from django.db import transaction

from .models import ArticlePark


class EditError(ValueError):
    """An edit that cannot be made; the message says why."""


@transaction.atomic
def row_remove(*, row, actor, now, reason: str = ""):
    """Hide a membership, recognition, platform or project that was read wrongly; re-reading
    the article will not bring it back."""
    row.removed, row.decided_by, row.decided_at, row.reason = True, actor, now, reason[:200]
    row.save(update_fields=["removed", "decided_by", "decided_at", "reason"])
    return row


@transaction.atomic
def row_restore(*, row, actor, now, reason: str = ""):
    row.removed, row.decided_by, row.decided_at, row.reason = False, actor, now, reason[:200]
    row.save(update_fields=["removed", "decided_by", "decided_at", "reason"])
    return row


@transaction.atomic
def article_park_add(*, article, park) -> ArticlePark:
    """Link the article to a park its text does not name in a form the registry knows."""
    link, _ = ArticlePark.objects.update_or_create(
        article=article, park=park, defaults={"origin": ArticlePark.Origin.EDITOR, "removed": False}
    )
    return link


@transaction.atomic
def article_park_remove(*, link: ArticlePark) -> ArticlePark:
    """Unlink a park the text names by mistake (a company called 高新区路店); linking again
    keeps it unlinked."""
    link.removed = True
    link.save(update_fields=["removed"])
    return link


@transaction.atomic
def article_park_restore(*, link: ArticlePark) -> ArticlePark:
    link.removed = False
    link.save(update_fields=["removed"])
    return link
