"""Accounts: who publishes (a person with a verified mobile number, or an organisation with its
unified social credit code), their sanctions and the notices the site sends them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    name = models.CharField(_("organisation name"), max_length=100)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, unique=True)
    contact_person = models.CharField(_("contact person"), max_length=50)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name


class Account(models.Model):
    """What the site knows of a user beyond Django's User: the kind of publisher, the verified
    mobile number (it is also the login name) and any suspension."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("individual")
        ORGANISATION = "organisation", _("organisation")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    display_name = models.CharField(_("display name"), max_length=100)
    mobile = models.CharField(_("mobile number"), max_length=11, unique=True)
    mobile_verified_at = models.DateTimeField(null=True, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="accounts"
    )
    suspended_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "id"]

    def __str__(self):
        return self.display_name

    def is_suspended(self, now) -> bool:
        return self.suspended_until is not None and self.suspended_until > now


class PhoneCode(models.Model):
    """A one-time code sent to a mobile number: stored as a keyed hash, short-lived, and good for
    a few tries only."""

    mobile = models.CharField(max_length=11, db_index=True)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.mobile} {self.created_at:%Y-%m-%d %H:%M}"


class Sanction(models.Model):
    class Kind(models.TextChoices):
        WARNING = "warning", _("warning")
        SUSPENSION = "suspension", _("suspension")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=300)
    until = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.kind} {self.user_id}"


class Notification(models.Model):
    """A message to a user from the site: a moderation outcome, a notice forwarded to them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    subject = models.CharField(max_length=200)
    body = models.TextField()
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.subject
