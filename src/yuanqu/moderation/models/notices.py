"""Rights holders' notices and uploaders' counter-notices; appeals against moderators' actions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .tickets import Ticketed


class Notice(Ticketed):
    """A rights holder's notice on one item. A sender's notice names the work and the addresses
    of the items; each item gets its notice, the items of one sending share its `batch`. It
    counts once the sender has confirmed their e-mail address: then a few items of uploaders
    are taken down at once, and the rest — beyond that number, editorial articles, an item
    already answered by a counter-notice — wait for a moderator, who decides by a deadline."""

    class State(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("waiting for the sender to confirm the e-mail address")
        QUEUED = "queued", _("waiting for a moderator")
        ACCEPTED = "accepted", _("item taken down")
        COUNTERED = "countered", _("item restored after a counter-notice")
        REFUSED = "refused", _("refused")

    status_view = "moderation:notice_status"

    state = models.CharField(max_length=12, choices=State.choices)
    batch = models.CharField(max_length=20, db_index=True, default="")  # the sending's ticket
    confirm_hash = models.CharField(max_length=64, blank=True)  # of the e-mailed link's token
    confirmed_at = models.DateTimeField(null=True, blank=True)
    work_key = models.CharField(max_length=64, db_index=True, blank=True)  # the work, normalised
    queued_because = models.TextField(blank=True)  # for the moderator
    deadline_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    refusal = models.TextField(blank=True)
    article = models.ForeignKey("news.Article", on_delete=models.PROTECT, related_name="notices")
    rights_holder = models.CharField(_("rights holder"), max_length=100)
    contact_email = models.EmailField(_("e-mail"))
    contact_phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("postal address"), max_length=200)
    work = models.TextField(_("the work or right infringed"))
    urls = models.TextField(_("addresses of the infringing items"))
    proof = models.FileField(upload_to="proof/%Y/%m/", max_length=200)
    signature = models.CharField(_("signed by"), max_length=50)
    forwarded_to_uploader = models.BooleanField(default=False)
    public = models.BooleanField(default=False)

    class Meta(Ticketed.Meta):
        indexes = [models.Index(fields=["article", "state"], name="notice_item_state")]

    def get_absolute_url(self):
        """The sender's status page, for every item of the sending."""
        return reverse(self.status_view, kwargs={"ticket": self.batch}) + f"?key={self.key}"


class CounterNotice(models.Model):
    notice = models.OneToOneField(Notice, on_delete=models.PROTECT, related_name="counter")
    name = models.CharField(_("name"), max_length=100)
    contact = models.CharField(_("phone or e-mail"), max_length=100)
    address = models.CharField(_("postal address"), max_length=200)
    reasons = models.TextField(_("why the item does not infringe"))
    proof = models.FileField(upload_to="proof/%Y/%m/", blank=True, max_length=200)
    signature = models.CharField(_("signed by"), max_length=50)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    def __str__(self):
        return f"counter to {self.notice}"


class Appeal(models.Model):
    """An author's appeal against one moderator action; once per action."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        UPHELD = "upheld", _("decision kept")
        OVERTURNED = "overturned", _("decision overturned")

    action = models.OneToOneField(
        "audit.AuditEntry", on_delete=models.PROTECT, related_name="appeal"
    )
    article = models.ForeignKey("news.Article", on_delete=models.PROTECT, related_name="appeals")
    appellant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("why the decision is wrong"))
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"appeal {self.pk}"
