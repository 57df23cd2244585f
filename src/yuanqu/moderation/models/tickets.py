"""What a report and a notice share: a ticket the sender follows with a secret key."""

from django.db import models
from django.urls import reverse


class Ticketed(models.Model):
    status_view: str  # the URL name of the sender's status page

    ticket = models.CharField(max_length=20, unique=True)
    key = models.CharField(max_length=40)  # the secret in the sender's status link
    ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.ticket

    def get_absolute_url(self):
        return reverse(self.status_view, kwargs={"ticket": self.ticket}) + f"?key={self.key}"
