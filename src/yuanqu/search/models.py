"""What search reads: one row per searchable thing (an article, a park, an enterprise), with the
analysed text the backends index and the fields results are filtered, shown and ranked by."""

from django.db import models


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", "article"
        PARK = "park", "park"
        ENTERPRISE = "enterprise", "enterprise"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    # The full-text index's row key: articles by publication time (so the newest come first
    # cheaply), parks and enterprises in ranges of their own.
    sort_key = models.BigIntegerField(unique=True)
    title = models.CharField(max_length=200)
    aliases = models.TextField(blank=True)  # exact names: a park's name or alias ranks first
    body = models.TextField(blank=True)  # normalised plain text, for snippets
    url = models.CharField(max_length=300)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    source_name = models.CharField(max_length=100, blank=True)
    # Analysed text (space-separated tokens) and filter tags, as the backends index them.
    title_words = models.TextField(blank=True)
    title_grams = models.TextField(blank=True)
    body_words = models.TextField(blank=True)
    body_grams = models.TextField(blank=True)
    tags = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}"
