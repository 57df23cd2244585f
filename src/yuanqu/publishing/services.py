"""The publisher's side of an article: drafts (what they write or paste becomes the body, every
save a new, append-only revision), submitting them for publication and withdrawing them. Status
changes go through the state machine (`yuanqu.news.services.lifecycle`); what needs review is
decided here, from moderation's rules (sensitive words, the pre-moderation switch)."""

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from yuanqu.moderation.models import Policy
from yuanqu.moderation.services import sensitive_hits
from yuanqu.news import body as body_blocks
from yuanqu.news import services as articles
from yuanqu.news.models import Article, Image, Revision
from yuanqu.regions.models import Region

from .html import html_to_blocks, looks_like_html
from .images import clean_image

SUMMARY_LENGTH = 120
IMAGE_MARK = re.compile(r"^\[图(\d+)\]$")
EDITABLE = {
    Article.Status.DRAFT,
    Article.Status.PENDING,
    Article.Status.REJECTED,
    Article.Status.PUBLISHED,
}


class DraftError(ValueError):
    """A draft that cannot be saved as it is; the message says why."""


class SubmitError(ValueError):
    """A submission or withdrawal that cannot go through now; the message says why."""


@dataclass
class Draft:
    title: str
    raw_body: str
    summary: str = ""
    source_name: str = ""
    original_url: str = ""
    original_author: str = ""
    original_title: str = ""
    region: Region | None = None
    declared_parks: list[str] = field(default_factory=list)
    images: list[tuple[Image, str]] = field(default_factory=list)  # (image, caption)


def draft_blocks(raw_body: str, images: list[tuple[Image, str]]) -> list[dict]:
    """The body: pasted HTML is sanitised and reduced to headings and paragraphs; plain text
    takes `## ` as a heading. A line [图1] places the first picture; pictures not placed follow
    the text."""
    blocks = (
        html_to_blocks(raw_body)
        if looks_like_html(raw_body)
        else (body_blocks.text_to_blocks(raw_body))
    )
    pictures = [
        {"type": "image", "upload": image.pk, "caption": caption.strip()}
        for image, caption in images
    ]
    placed, shown = set(), []
    for block in blocks:
        mark = IMAGE_MARK.match(block.get("text", "")) if block["type"] == "paragraph" else None
        if mark and 0 < int(mark[1]) <= len(pictures):
            shown.append(pictures[int(mark[1]) - 1])
            placed.add(int(mark[1]) - 1)
        elif block["type"] != "image":  # only pictures uploaded here are shown
            shown.append(block)
    return shown + [p for index, p in enumerate(pictures) if index not in placed]


def image_upload(*, upload: BinaryIO | bytes, user: User, size: int | None = None) -> Image:
    """Check and re-encode an uploaded picture (a file or bytes, see `images`); raises
    ImageRejected."""
    content, facts = clean_image(upload, size)
    image = Image(uploaded_by=user, **facts)
    image.file.save(content.name, content, save=True)
    return image


@transaction.atomic
def article_save_draft(
    *,
    author: User,
    draft: Draft,
    now: datetime,
    article: Article | None = None,
    ip: str | None = None,
    user_agent: str = "",
) -> Article:
    """Create the author's article or change it; either way a new revision records what was
    written, by whom, from where and when."""
    if article is not None and (
        article.submitted_by_id != author.pk or article.status not in EDITABLE
    ):
        raise DraftError(_("This article cannot be edited."))
    blocks = draft_blocks(draft.raw_body, draft.images)
    if not draft.title.strip():
        raise DraftError(_("The title is missing."))
    if not any(block["type"] != "image" for block in blocks):
        raise DraftError(_("The body is missing."))
    fields = {
        "title": draft.title.strip()[:200],
        "summary": (draft.summary.strip() or body_blocks.first_paragraph(blocks))[:SUMMARY_LENGTH],
        "body": blocks,
        "source_name": draft.source_name.strip()[:100],
        "original_url": draft.original_url.strip()[:500],
        "original_author": draft.original_author.strip()[:100],
        "original_title": draft.original_title.strip()[:200],
        "declared_parks": [name.strip() for name in draft.declared_parks if name.strip()][:10],
    }
    if article is None:
        article = Article(
            origin=Article.Origin.USER, status=Article.Status.DRAFT, submitted_by=author
        )
    for name, value in fields.items():
        setattr(article, name, value)
    try:
        article.full_clean(exclude=["published_at", "regions"])
    except ValidationError as error:
        raise DraftError(" ".join(error.messages)) from None
    article.save()
    article.regions.set([draft.region] if draft.region else [])
    number = article.revisions.count() + 1
    Revision.objects.create(
        article=article,
        number=number,
        raw_body=draft.raw_body,
        author=author,
        ip=ip,
        user_agent=user_agent[:300],
        created_at=now,
        region_codes=[draft.region.code] if draft.region else [],
        **{name: value for name, value in fields.items()},
    )
    return article


def can_edit(article: Article) -> bool:
    return article.status in EDITABLE


def needs_submitting(article: Article, *, action: str) -> bool:
    """A save submits when the author asks, and always once the article has left the drafts:
    an edit of a pending or published article is submitted again (and reviewed if it must be)."""
    return action == "submit" or article.status not in (
        Article.Status.DRAFT,
        Article.Status.REJECTED,
    )


@transaction.atomic
def article_submit(
    *, article: Article, actor: User, now: datetime, ip: str | None = None
) -> Article:
    """Submit (or resubmit after an edit): published at once for a trusted publisher when no
    sensitive word is found and the operator has not put everything into pre-moderation;
    otherwise pending review."""
    account = getattr(actor, "account", None)
    if account is not None and account.is_suspended(now):
        raise SubmitError(_("Your account is suspended; you cannot submit now."))
    hits = sensitive_hits(f"{article.title}\n{article.summary}\n{article.text}")
    trusted = actor.has_perm("news.publish_directly")
    direct = trusted and not hits and not Policy.current().premoderate_all
    return articles.article_submit(
        article=article,
        actor=actor,
        now=now,
        direct=direct,
        ip=ip,
        extra={"sensitive_words": hits, "trusted": trusted},
    )


@transaction.atomic
def article_withdraw(*, article: Article, actor: User, now: datetime, reason: str = "") -> Article:
    """The author takes the article back; it and its revisions are kept, not shown."""
    return articles.article_withdraw(article=article, actor=actor, now=now, reason=reason)
