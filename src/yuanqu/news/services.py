"""Writes of articles: creating and updating them from imported records."""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from yuanqu.regions.models import Region

from . import body as body_blocks
from .models import Article

SHANGHAI = ZoneInfo("Asia/Shanghai")
SUMMARY_LENGTH = 120
TEXT_FIELDS = {
    "title": 200,
    "source": 100,
    "original_author": 100,
    "original_title": 200,
    "original_url": 500,
}


class ArticleRejected(ValueError):
    """An imported record that cannot become an article; the message says why."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


class RegionLookup:
    """Resolves a region given by code (320400), full name (常州市) or short name (常州)."""

    def __init__(self):
        self.by_key: dict[str, Region] = {}
        for region in Region.objects.all():
            for key in (region.code, region.name, region.short_name, region.slug):
                self.by_key.setdefault(key, region)

    def __call__(self, key: str) -> Region:
        try:
            return self.by_key[str(key).strip()]
        except KeyError:
            raise ArticleRejected(_("Unknown region: %(key)s") % {"key": key}) from None


def parse_published_at(value: str) -> datetime:
    """`2024-08-29 15:53` (Beijing time) or an ISO 8601 date-time with its own offset."""
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("/", "-"))
    except ValueError:
        raise ArticleRejected(
            _("Invalid publication time: %(value)s (expected 2024-08-29 15:53)") % {"value": value}
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=SHANGHAI)


def clean_record(record: dict, regions: RegionLookup) -> tuple[dict, list[Region]]:
    """Validate one import record; return the article fields and its regions."""
    if not isinstance(record, dict):
        raise ArticleRejected(_("A record must be an object."))
    for name, limit in TEXT_FIELDS.items():
        value = record.get(name, "")
        if not isinstance(value, str):
            raise ArticleRejected(_("Field %(name)s must be text.") % {"name": name})
        if len(value) > limit:
            raise ArticleRejected(
                _("Field %(name)s is longer than %(limit)d characters.")
                % {"name": name, "limit": limit}
            )
    title = record.get("title", "").strip()
    if not title:
        raise ArticleRejected(_("The title is missing."))
    body = record.get("body", "")
    blocks = body_blocks.text_to_blocks(body) if isinstance(body, str) else body
    try:
        body_blocks.validate_blocks(blocks)
    except ValidationError as error:
        raise ArticleRejected(
            _("Invalid body: %(reason)s") % {"reason": error.messages[0]}
        ) from None
    if not blocks:
        raise ArticleRejected(_("The body is missing."))
    url = record.get("original_url", "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ArticleRejected(_("Invalid original URL: %(url)s") % {"url": url}) from None
    origin = record.get("origin", Article.Origin.EDITORIAL)
    if origin not in Article.Origin.values:
        raise ArticleRejected(_("Invalid origin: %(value)s") % {"value": origin})
    status = record.get("status", Article.Status.PUBLISHED)
    if status not in Article.Status.values:
        raise ArticleRejected(_("Invalid status: %(value)s") % {"value": status})
    published_at = record.get("published_at")
    if status == Article.Status.PUBLISHED and not published_at:
        raise ArticleRejected(_("A published article needs a publication time."))
    region_keys = record.get("regions", [])
    if isinstance(region_keys, str):
        region_keys = [key for key in region_keys.replace("，", ",").split(",") if key.strip()]
    summary = record.get("summary", "").strip() or body_blocks.first_paragraph(blocks)
    fields = {
        "title": title,
        "summary": summary[:SUMMARY_LENGTH],
        "body": blocks,
        "published_at": parse_published_at(published_at) if published_at else None,
        "source_name": record.get("source", "").strip(),
        "original_url": url,
        "original_author": record.get("original_author", "").strip(),
        "original_title": record.get("original_title", "").strip(),
        "origin": origin,
        "status": status,
    }
    return fields, [regions(key) for key in region_keys]


@transaction.atomic
def article_upsert(*, key: str, fields: dict, regions: list[Region]) -> tuple[Article, str]:
    """Create the article with this import key, or bring it up to date.

    Returns the article and what happened: "created", "updated" or "unchanged" (nothing written).
    """
    article = Article.objects.filter(import_key=key).first()
    if article is None:
        article = Article(import_key=key, **fields)
        article.full_clean()
        article.save()
        article.regions.set(regions)
        return article, "created"
    # Regions are only added: the parks an article names tag it with theirs after it is
    # published, and an editor may tag it too; a re-import keeps those.
    missing = {region.pk for region in regions} - set(article.regions.values_list("pk", flat=True))
    differs = any(getattr(article, name) != value for name, value in fields.items())
    if not differs and not missing:
        return article, "unchanged"
    for name, value in fields.items():
        setattr(article, name, value)
    article.full_clean()
    article.save()
    article.regions.add(*missing)
    return article, "updated"


def articles_import(records, *, progress=None) -> ImportReport:
    """Import (where, record) pairs; a bad record is reported with its reason and skipped.

    `where` names the record for the report (a file and line); a record may carry its own `key`,
    otherwise `where` is its key.
    """
    report = ImportReport()
    regions = RegionLookup()
    for where, record in records:
        try:
            if isinstance(record, Exception):
                raise ArticleRejected(str(record))
            fields, article_regions = clean_record(record, regions)
            key = str(record.get("key") or where)
            _, outcome = article_upsert(key=key, fields=fields, regions=article_regions)
            report.count(outcome)
        except ArticleRejected as error:
            report.rejected.append((where, str(error)))
        except ValidationError as error:
            report.rejected.append((where, " ".join(error.messages)))
        if progress:
            progress.update(1)
    return report


def articles_bulk_insert(records, *, batch_size: int = 1000, progress=None) -> ImportReport:
    """Insert many new articles fast (for benchmark corpora): validated like any import, but
    written in batches without per-article revisions of existing rows — keys already present
    are counted as unchanged and left alone.
    """
    report = ImportReport()
    regions = RegionLookup()
    batch: list[tuple[Article, list[Region]]] = []

    def flush():
        keys = [article.import_key for article, _ in batch]
        existing = set(
            Article.objects.filter(import_key__in=keys).values_list("import_key", flat=True)
        )
        fresh = [(article, rs) for article, rs in batch if article.import_key not in existing]
        report.unchanged += len(batch) - len(fresh)
        with transaction.atomic():
            created = Article.objects.bulk_create([article for article, _ in fresh])
            links = [
                Article.regions.through(article_id=article.pk, region_id=region.pk)
                for article, (_, rs) in zip(created, fresh, strict=True)
                for region in rs
            ]
            Article.regions.through.objects.bulk_create(links)
        report.created += len(fresh)
        if progress:
            progress.update(len(batch))
        batch.clear()

    for where, record in records:
        try:
            fields, article_regions = clean_record(record, regions)
        except ArticleRejected as error:
            report.rejected.append((where, str(error)))
            continue
        batch.append(
            (Article(import_key=str(record.get("key") or where), **fields), article_regions)
        )
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return report
