from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yuanqu.regions.models import Region

from . import body as body_blocks


def published_q(prefix: str = "", *, now=None, scheduled: bool = False) -> Q:
    """The one definition of what readers may see: published, and its time has come (a later
    time schedules it; `scheduled` includes those too, for what is prepared ahead, such as the
    search index). `prefix` reaches an article from a related row: "article__" for a fact, a
    project or a membership read from it."""
    condition = Q(**{f"{prefix}status": Article.Status.PUBLISHED})
    if scheduled:
        return condition
    return condition & Q(**{f"{prefix}published_at__lte": now or timezone.now()})


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None, scheduled: bool = False):
        """What readers may see: published, and not scheduled for later (unless `scheduled`)."""
        return self.filter(published_q(now=now, scheduled=scheduled))

    def in_region(self, region: Region | None):
        """Articles tagged with the region or, for a province, with any of its cities."""
        if region is None:
            return self
        links = Article.regions.through.objects.filter(article=OuterRef("pk"))
        if region.level == Region.Level.PROVINCE:
            links = links.filter(Q(region=region) | Q(region__parent=region))
        else:
            links = links.filter(region=region)
        return self.filter(Exists(links))

    def newest(self):
        return self.order_by("-published_at", "-id")


class Article(models.Model):
    class Origin(models.TextChoices):
        EDITORIAL = "editorial", _("editorial")
        USER = "user", _("user-submitted")

    class Status(models.TextChoices):
        """An article's states; every change of state is a transition in `services.lifecycle`."""

        DRAFT = "draft", _("draft")
        PENDING = "pending", _("pending review")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")
        HIDDEN = "hidden", _("hidden pending review")
        TAKEN_DOWN = "taken_down", _("taken down")
        WITHDRAWN = "withdrawn", _("withdrawn")

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = models.JSONField(_("body"), default=list, validators=[body_blocks.validate_blocks])
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    source_name = models.CharField(_("source"), max_length=100, blank=True)
    original_url = models.URLField(_("original URL"), max_length=500, blank=True)
    original_author = models.CharField(_("original author"), max_length=100, blank=True)
    original_title = models.CharField(_("original title"), max_length=200, blank=True)
    regions = models.ManyToManyField(Region, related_name="articles", blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EDITORIAL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # A stable key from the importer (file name, feed id …) so re-imports update in place.
    import_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    submitted_by = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_articles",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)  # by a moderator, after submission
    # Parks the submitter named (linked by the parks app when the article is read).
    declared_parks = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "-published_at"], name="article_listing")]
        permissions = [
            ("submit_article", "Can submit articles"),
            ("publish_directly", "Can publish submissions without review"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_date",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:article_detail", kwargs={"pk": self.pk})

    @property
    def is_removed(self) -> bool:
        """Taken down or hidden: the address answers 410, never the content."""
        return self.status in (self.Status.TAKEN_DOWN, self.Status.HIDDEN)

    @property
    def is_user_submitted(self) -> bool:
        return self.origin == self.Origin.USER

    @property
    def text(self) -> str:
        """The body as plain text, one block a line: what search and fact extraction read."""
        return body_blocks.blocks_to_text(self.body)


class Revision(models.Model):
    """One saved version of a submitted article, as the submitter wrote it: append-only, so
    the first revision stays unaltered whatever happens to the article later."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    body = models.JSONField(default=list)
    raw_body = models.TextField(blank=True)  # what was typed or pasted, before sanitising
    source_name = models.CharField(max_length=100, blank=True)
    original_url = models.URLField(max_length=500, blank=True)
    original_author = models.CharField(max_length=100, blank=True)
    original_title = models.CharField(max_length=200, blank=True)
    region_codes = models.JSONField(default=list, blank=True)
    declared_parks = models.JSONField(default=list, blank=True)
    author = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="revision_number_unique")
        ]

    def __str__(self):
        return f"{self.article_id} r{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("revisions are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("revisions are append-only")


class Image(models.Model):
    """An uploaded picture, checked and re-encoded (no EXIF) before it is stored."""

    file = models.FileField(upload_to="uploads/%Y/%m/", max_length=200)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    content_type = models.CharField(max_length=20)
    sha256 = models.CharField(max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(
        "auth.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "id"]

    def __str__(self):
        return self.file.name

    def get_absolute_url(self):
        return reverse("news:media", kwargs={"path": self.file.name})
