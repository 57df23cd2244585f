"""The audit log: one row per decision or state change, by anyone, never altered or deleted.

Articles' status transitions, moderators' decisions on reports, notices and appeals, sanctions,
and editors' decisions on what was read from the news (a figure confirmed, a park link removed)
all write here, so that one trail answers "who did what, when, why, and what was it before".
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models

from . import labels


@dataclass(frozen=True)
class Change:
    """One field of an entry's before/after, as a reader sees it."""

    field: str
    before: str
    after: str


class AuditEntry(models.Model):
    event = models.CharField(max_length=60, db_index=True)  # moderation.article.take_down
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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
        verbose_name = "audit entry"
        verbose_name_plural = "audit entries"

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.event}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("the audit log is append-only")

    @property
    def label(self) -> str:
        """What happened, in the reader's language (never the dotted event name)."""
        return labels.event(self.event)

    @property
    def target_label(self) -> str:
        return f"{labels.target(self.target_type)} {self.target_id}"

    @property
    def who(self) -> str:
        """The actor's name, else the label of who acted without an account."""
        if self.actor_id is not None and self.actor is not None:
            return self.actor.get_username()
        return self.actor_label

    @property
    def changes(self) -> list[Change]:
        """The fields whose value the entry records, before and after, each shown as words."""
        shown = []
        for name in sorted(dict.fromkeys([*self.before, *self.after]), key=labels.order):
            if not labels.is_shown(name):
                continue
            before, after = self.before.get(name), self.after.get(name)
            if before == after and name in self.before:
                continue
            shown.append(
                Change(labels.field(name), labels.value(name, before), labels.value(name, after))
            )
        return shown
