"""Publishers' drafts: what they write or paste becomes the article's body, and every save is a
new revision (append-only: the first stays as it was written). Submitting and everything after
is moderation's (`yuanqu.moderation.services`)."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from yuanqu.regions.models import Region

from . import body as body_blocks
from .html import html_to_blocks, looks_like_html
from .images import clean_image
from .models import Article, Image, Revision

SUMMARY_LENGTH = 120
IMAGE_MARK = re.compile(r"^\[图(\d+)\]$")
EDITABLE = {
    Article.Status.DRAFT, Article.Status.PENDING, Article.Status.REJECTED,
    Article.Status.PUBLISHED,
}  # fmt: skip


class DraftError(ValueError):
    """A draft that cannot be saved as it is; the message says why."""


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
    blocks = html_to_blocks(raw_body) if looks_like_html(raw_body) else (
        body_blocks.text_to_blocks(raw_body)
    )  # fmt: skip
    pictures = [{"type": "image", "upload": image.pk, "caption": caption.strip()}
                for image, caption in images]  # fmt: skip
    placed, shown = set(), []
    for block in blocks:
        mark = IMAGE_MARK.match(block.get("text", "")) if block["type"] == "paragraph" else None
        if mark and 0 < int(mark[1]) <= len(pictures):
            shown.append(pictures[int(mark[1]) - 1])
            placed.add(int(mark[1]) - 1)
        elif block["type"] != "image":  # only pictures uploaded here are shown
            shown.append(block)
    return shown + [p for index, p in enumerate(pictures) if index not in placed]


def image_upload(*, data: bytes, user) -> Image:
    """Check and re-encode an uploaded picture (see `images`); raises ImageRejected."""
    content, facts = clean_image(data)
    image = Image(uploaded_by=user, **facts)
    image.file.save(content.name, content, save=True)
    return image


@transaction.atomic
def article_save_draft(*, author, draft: Draft, now, article: Article | None = None,
                       ip: str | None = None, user_agent: str = "") -> Article:  # fmt: skip
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
        article = Article(origin=Article.Origin.USER, status=Article.Status.DRAFT,
                          submitted_by=author)  # fmt: skip
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
        article=article, number=number, raw_body=draft.raw_body, author=author, ip=ip,
        user_agent=user_agent[:300], created_at=now,
        region_codes=[draft.region.code] if draft.region else [],
        **{name: value for name, value in fields.items()},
    )  # fmt: skip
    return article
