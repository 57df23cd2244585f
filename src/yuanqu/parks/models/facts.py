"""Figures read from articles, kept with their provenance and the editors' decisions."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yuanqu.news.models import Article

from .parks import Park


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


class ParkFactChange(models.Model):
    """Who changed a fact's decision, when, and what it was before and after."""

    fact = models.ForeignKey(ParkFact, on_delete=models.CASCADE, related_name="changes")
    actor = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=40)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.action} {self.fact_id}"

    def get_action_display(self) -> str:
        """The decision in words: the status it gave the fact (parks.fact.confirmed: 已确认)."""
        status = self.action.rpartition(".")[2]
        return ParkFact.Status(status).label if status in ParkFact.Status.values else self.action
