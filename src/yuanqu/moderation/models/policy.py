"""What operators set: everything into pre-moderation, the sensitive words, report deadlines."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Policy(models.Model):
    """One row: the operator's switches (editable on /moderation/policy/ and in the admin)."""

    premoderate_all = models.BooleanField(
        _("review every submission before it is published"), default=False
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name_plural = "policy"
        permissions = [
            ("moderate", "Can moderate content"),
            ("manage_policy", "Can change the moderation policy"),
        ]

    def __str__(self):
        return "policy"

    @classmethod
    def current(cls) -> "Policy":
        return cls.objects.first() or cls()


class SensitiveWord(models.Model):
    """A word whose appearance sends a submission to review (never publishes it directly)."""

    word = models.CharField(_("word"), max_length=50, unique=True)
    note = models.CharField(_("note"), max_length=100, blank=True)
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word


class ChallengeUse(models.Model):
    """A solved challenge (see `challenge`), kept while it would still be valid so that it is
    accepted once: a solved question cannot be replayed to post again."""

    digest = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return self.digest[:12]
