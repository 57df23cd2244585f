"""Creating and updating articles from records (files, feeds, harvests). Content comes from
the record; a status only through the state machine (`lifecycle`): a record creates a draft or
a published article, publishes a draft, and never overrides what a moderator or the author
decided (a taken-down or withdrawn item stays so, and the record is reported skipped)."""

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from tqdm import tqdm

from yuanqu.audit.models import AuditEntry
from yuanqu.regions.models import Region

from .. import body as body_blocks
from .. import signals
from ..models import Article
from . import lifecycle

SHANGHAI = ZoneInfo("Asia/Shanghai")
logger = logging.getLogger(__name__)
SUMMARY_LENGTH = 120
IMPORTABLE = {Article.Status.DRAFT, Article.Status.PUBLISHED}
IMPORTER = "导入"  # the audit log's actor for what an import does
TEXT_FIELDS = {
    "key": 200,
    "title": 200,
    "summary": 2000,
    "source": 100,
    "original_author": 100,
    "original_title": 200,
    "original_url": 500,
    "origin": 20,
    "status": 20,
    "published_at": 40,
}
YEARS = (1900, 2100)  # a publication time outside them is a typo, not a date
# Characters no text field may hold: NUL (PostgreSQL refuses it) and the other C0 controls but
# tab and line breaks, and lone surrogates (not encodable, a broken escape in JSON).
BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


class ArticleRejected(ValueError):
    """An imported record that cannot become an article; the message says why."""


class ArticleSkipped(ValueError):
    """A valid record that must not change its article (a moderator or the author decided its
    status); the message says why."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


class RegionLookup:
    """Resolves a region given by code (320400), full name (常州市) or short name (常州)."""

    def __init__(self) -> None:
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
    """`2024-08-29 15:53` (Beijing time) or an ISO 8601 date-time with its own offset, between
    1900 and 2100."""
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("/", "-"))
    except ValueError:
        raise ArticleRejected(
            _("Invalid publication time: %(value)s (expected 2024-08-29 15:53)") % {"value": value}
        ) from None
    if not YEARS[0] <= moment.year <= YEARS[1]:
        raise ArticleRejected(
            _("Publication time out of range: %(value)s (years %(first)d to %(last)d)")
            % {"value": value, "first": YEARS[0], "last": YEARS[1]}
        )
    return moment if moment.tzinfo else moment.replace(tzinfo=SHANGHAI)


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    """(where in the record, text) of every string in a value, nested lists and objects too."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index + 1}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")


def _check_text(record: dict) -> None:
    for where, text in _strings(record, "record"):
        if BAD_CHARACTER.search(text):
            name = where.removeprefix("record.")
            raise ArticleRejected(
                _(
                    "Field %(name)s holds a character text cannot hold (NUL, a control character "
                    "or a broken escape)."
                )
                % {"name": name}
            )


def _region_keys(value: object) -> list[str]:
    """`320400`, `江苏,常州`, or a list of codes and names."""
    if isinstance(value, str):
        return [key for key in value.replace("，", ",").split(",") if key.strip()]
    if isinstance(value, list) and all(isinstance(key, (str, int)) for key in value):
        return [str(key) for key in value]
    raise ArticleRejected(_("Field regions must be a list of region codes or names."))


def clean_record(record: dict, regions: RegionLookup) -> tuple[dict, list[Region]]:
    """Validate one import record; return the article fields and its regions."""
    if not isinstance(record, dict):
        raise ArticleRejected(_("A record must be an object."))
    _check_text(record)
    for name, limit in TEXT_FIELDS.items():
        value = record.get(name, "")
        if name == "key" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
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
    if not isinstance(body, (str, list)):
        raise ArticleRejected(_("Field body must be text or a list of blocks."))
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
    if status not in IMPORTABLE:
        raise ArticleRejected(
            _("Invalid status: %(value)s (an import creates a draft or a published article)")
            % {"value": status}
        )
    published_at = record.get("published_at")
    if status == Article.Status.PUBLISHED and not published_at:
        raise ArticleRejected(_("A published article needs a publication time."))
    region_keys = _region_keys(record.get("regions", []))
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
    }
    return {**fields, "status": status}, [regions(key) for key in region_keys]


def _skip_reason(article: Article, status: str) -> str:
    if article.status in lifecycle.DECIDED:
        return _("The article is %(state)s; an import does not change it.") % {
            "state": article.get_status_display()
        }
    if article.status == Article.Status.PUBLISHED and status == Article.Status.DRAFT:
        return _("The article is published; an import does not make it a draft again.")
    return ""


@transaction.atomic
def article_upsert(
    *, key: str, fields: dict, regions: list[Region], now: datetime | None = None
) -> tuple[Article, str]:
    """Create the article with this import key, or bring its content up to date; a record
    asking for a published article publishes a draft (see `lifecycle.article_publish`).

    Returns the article and what happened: "created", "updated" or "unchanged" (nothing
    written). Raises ArticleSkipped, changing nothing, when the article's status was decided by
    a moderator or its author."""
    now = now or timezone.now()
    fields = dict(fields)
    status = fields.pop("status", Article.Status.PUBLISHED)
    article = Article.objects.select_for_update().filter(import_key=key).first()
    if article is None:
        article = Article(import_key=key, status=Article.Status.DRAFT, **fields)
        article.full_clean()
        article.save()
        article.regions.set(regions)
        if status == Article.Status.PUBLISHED:
            lifecycle.article_publish(article=article, now=now, label=IMPORTER)
        return article, "created"
    reason = _skip_reason(article, status)
    if reason:
        raise ArticleSkipped(reason)
    # Regions are only added: the parks an article names tag it with theirs after it is
    # published, and an editor may tag it too; a re-import keeps those.
    missing = {region.pk for region in regions} - set(article.regions.values_list("pk", flat=True))
    differs = any(getattr(article, name) != value for name, value in fields.items())
    publish = article.status == Article.Status.DRAFT and status == Article.Status.PUBLISHED
    if not differs and not missing and not publish:
        signals.article_seen.send(sender=Article, article=article)
        return article, "unchanged"
    article.regions.add(*missing)
    lifecycle.article_update(article=article, fields=fields)
    if publish:
        lifecycle.article_publish(article=article, now=now, label=IMPORTER)
    return article, "updated"


def articles_import(
    records: Iterable[tuple[str, dict | Exception]],
    *,
    progress: tqdm | None = None,
    now: datetime | None = None,
    report: ImportReport | None = None,
) -> ImportReport:
    """Import (where, record) pairs; a bad record is reported with its reason and skipped.

    `where` names the record for the report (a file and line); a record may carry its own `key`,
    otherwise `where` is its key. `report`, when given, is filled as the import goes (so that
    an interrupted import still says what it did).
    """
    report = report if report is not None else ImportReport()
    regions = RegionLookup()
    for where, record in records:
        try:
            if isinstance(record, Exception):
                raise ArticleRejected(str(record))
            fields, article_regions = clean_record(record, regions)
            key = str(record.get("key") or where)
            _article, outcome = article_upsert(
                key=key, fields=fields, regions=article_regions, now=now
            )
            report.count(outcome)
        except ArticleSkipped as error:
            report.skipped.append((where, str(error)))
        except ArticleRejected as error:
            report.rejected.append((where, str(error)))
        except ValidationError as error:
            report.rejected.append((where, " ".join(error.messages)))
        except DatabaseError as error:  # what the database refuses, after every check above
            logger.warning("import of %s refused by the database: %s", where, error)
            report.rejected.append((where, _("The database refused this record.")))
        if progress:
            progress.update(1)
    return report


def _published_entries(articles: list[Article], now: datetime) -> list[AuditEntry]:
    """The audit rows `lifecycle.article_publish` writes, for articles created in bulk."""
    before = {"status": Article.Status.DRAFT, "reviewed": False}
    after = {"status": Article.Status.PUBLISHED, "reviewed": False}
    return [
        AuditEntry(
            event=lifecycle.EVENT.format("publish"),
            actor_label=IMPORTER,
            target_type="article",
            target_id=article.pk,
            article=article,
            before=before,
            after=after,
            created_at=now,
        )
        for article in articles
        if article.status == Article.Status.PUBLISHED
    ]


def articles_bulk_insert(
    records: Iterable[tuple[str, dict]],
    *,
    batch_size: int = 1000,
    progress: tqdm | None = None,
    now: datetime | None = None,
) -> ImportReport:
    """Insert many new articles fast (for benchmark corpora): validated like any import, but
    written in batches, each row created in the state its record asks for with the audit row
    `article_publish` would write, and no signals sent (the caller indexes them in bulk). Keys
    already present are counted as unchanged and left alone.
    """
    report = ImportReport()
    regions = RegionLookup()
    batch: list[tuple[Article, list[Region]]] = []

    def flush() -> None:
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
            AuditEntry.objects.bulk_create(_published_entries(created, now or timezone.now()))
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
