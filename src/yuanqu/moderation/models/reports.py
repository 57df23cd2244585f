"""Reports of bad content (举报): each gets a ticket; reports on one item are grouped in a case
that a moderator closes with an outcome the reporters see."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .tickets import Ticketed


class Category(models.TextChoices):
    """The prohibited content of the content-ecosystem rules, and what park news adds to it."""

    ILLEGAL = "illegal", _("against the constitution, national security or national interests")
    TERROR = "terror", _("terrorism, extremism, ethnic hatred or discrimination")
    OBSCENE = "obscene", _("obscenity, gambling, violence or crime")
    RUMOUR = "rumour", _("rumours that disturb economic or social order")
    DEFAMATION = "defamation", _("insult or defamation of a person")
    ENTERPRISE = "enterprise", _("false information harming an enterprise")
    PRIVACY = "privacy", _("personal information or privacy")
    INFRINGEMENT = "copyright", _("copyright or other rights infringed")
    ADVERTISING = "advertising", _("advertising or spam")
    OTHER = "other", _("other")


class Case(models.Model):
    """All reports on one article while they are open: moderators decide once for all."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    class Outcome(models.TextChoices):
        UPHELD = "upheld", _("action taken")
        DISMISSED = "dismissed", _("no violation found")

    # What an upheld case did to its article (services.reports.ACTIONS), in words.
    ACTIONS = {"take_down": _("Take down"), "hide": _("Hide pending review")}

    article = models.ForeignKey(
        "news.Article", null=True, blank=True, on_delete=models.PROTECT, related_name="report_cases"
    )
    state = models.CharField(max_length=6, choices=State.choices, default=State.OPEN)
    opened_at = models.DateTimeField()
    deadline_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    action = models.CharField(max_length=20, blank=True)  # a key of ACTIONS, or ""
    public_note = models.TextField(_("note to the reporters"), blank=True)

    class Meta:
        ordering = ["deadline_at", "id"]

    def __str__(self):
        return f"case {self.pk}"

    def get_absolute_url(self):
        return reverse("moderation:case_detail", kwargs={"pk": self.pk})

    def get_action_display(self) -> str:
        return self.ACTIONS.get(self.action, self.action)


class Report(Ticketed):
    status_view = "moderation:report_status"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="reports")
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    article = models.ForeignKey(
        "news.Article", null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    url = models.CharField(_("address of the content"), max_length=500, blank=True)
    details = models.TextField(_("details"))
    evidence = models.FileField(upload_to="evidence/%Y/%m/", blank=True, max_length=200)
    contact = models.CharField(_("how to reach you"), max_length=100, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
