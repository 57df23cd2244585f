"""Figures read from articles, kept with their provenance and the editors' decisions."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yuanqu.news.models import Article, published_q

from .parks import Park


class ParkFactQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """Figures read from articles readers may see (`Article.objects.published`)."""
        return self.filter(published_q("article__", now=now))

    def shown(self, *, now=None):
        """What pages show: published, and not rejected by an editor."""
        return self.published(now=now).exclude(status=ParkFact.Status.REJECTED)


class ParkFact(models.Model):
    """A figure read from an article, kept with its provenance (article, sentence, span) and the
    editors' decision on it. Re-extraction updates what the engine reads; the decision stays."""

    class Status(models.TextChoices):
        EXTRACTED = "extracted", _("extracted")
        CONFIRMED = "confirmed", _("confirmed")
        CORRECTED = "corrected", _("corrected")
        REJECTED = "rejected", _("rejected")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="park_facts")
    park = models.ForeignKey(
        Park, null=True, blank=True, on_delete=models.SET_NULL, related_name="facts"
    )
    indicator = models.CharField(max_length=30, blank=True, db_index=True)
    text = models.CharField(max_length=100)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    value = models.DecimalField(max_digits=30, decimal_places=6)
    range_to = models.DecimalField(max_digits=30, decimal_places=6, null=True, blank=True)
    unit = models.CharField(max_length=30, blank=True)
    approx = models.CharField(max_length=10, blank=True)
    kind = models.CharField(max_length=10)
    metric = models.CharField(max_length=60, blank=True)
    subject = models.CharField(max_length=100, blank=True)
    period = models.CharField(max_length=30, blank=True)
    sentence = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.EXTRACTED)
    corrected_value = models.DecimalField(max_digits=30, decimal_places=6, null=True, blank=True)
    corrected_period = models.CharField(max_length=30, blank=True)
    stale = models.BooleanField(
        default=False
    )  # no longer found by the engine, kept for its decision
    updated_at = models.DateTimeField(auto_now=True)

    objects = ParkFactQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "start", "text"], name="park_fact_span_unique"
            )
        ]

    def __str__(self):
        return f"{self.text} ({self.article_id})"

    def get_absolute_url(self):
        """The figure in its article, with its sentence marked."""
        url = reverse("news:article_detail", kwargs={"pk": self.article_id})
        return f"{url}?hl={self.start}-{self.end}#hl"

    @property
    def shown_value(self):
        return self.corrected_value if self.corrected_value is not None else self.value

    @property
    def shown_period(self) -> str:
        return self.corrected_period or self.period


class ArticleReading(models.Model):
    """That an article was read into the knowledge base, and when: a re-run of an import reads
    again an article whose reading a crash cut short (or that changed since)."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="reading")
    read_at = models.DateTimeField()
    facts = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.article_id} read {self.read_at:%Y-%m-%d %H:%M}"
