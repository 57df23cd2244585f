from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class RegionQuerySet(models.QuerySet):
    def provinces(self):
        return self.filter(level=Region.Level.PROVINCE)

    def cities_of(self, province: "Region"):
        return self.filter(parent=province)


class Region(models.Model):
    """A province-level or prefecture-level division, keyed by its GB/T 2260 code."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("province")
        PREFECTURE = "prefecture", _("prefecture")

    code = models.CharField(max_length=6, unique=True)
    name = models.CharField(max_length=40)
    short_name = models.CharField(max_length=20)
    slug = models.SlugField(max_length=10, unique=True)
    level = models.CharField(max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level="province", parent__isnull=True)
                | models.Q(level="prefecture", parent__isnull=False),
                name="region_parent_matches_level",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        if self.level == self.Level.PROVINCE:
            return reverse("news:channel", kwargs={"province": self.slug})
        return reverse(
            "news:city_channel", kwargs={"province": self.parent.slug, "city": self.code}
        )

    @property
    def province(self) -> "Region":
        """The province itself, or the parent of a prefecture (already loaded via select_related)."""
        return self if self.parent_id is None else self.parent
