"""The audit log: one row per state change, never altered or deleted."""

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    event = models.CharField(max_length=60, db_index=True)  # moderation.article.taken_down
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    actor_label = models.CharField(max_length=100, blank=True)  # 匿名举报人, 权利人 …
    target_type = models.CharField(max_length=20)
    target_id = models.PositiveBigIntegerField()
    article = models.ForeignKey(
        "news.Article", null=True, blank=True, on_delete=models.PROTECT, related_name="audit"
    )
    reason = models.TextField(blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.event}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("the audit log is append-only")
