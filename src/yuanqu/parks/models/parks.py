"""The registry: parks, their history, and the articles that name them."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yuanqu.news.models import Article
from yuanqu.regions.models import Region


def alias_text(aliases: list[str]) -> str:
    """Each alias on its own line, the text opening and closing with one: an exact alias then
    reads "\n<alias>\n" in a portable contains query."""
    return "\n" + "\n".join(aliases) + "\n" if aliases else ""


class ParkQuerySet(models.QuerySet):
    def in_region(self, region: Region | None):
        if region is None:
            return self
        if region.level == Region.Level.PROVINCE:
            return self.filter(province=region)
        return self.filter(city=region)

    def matching(self, query: str):
        """Name, alias or leading industry containing the query."""
        query = query.strip()
        if not query:
            return self
        return self.filter(Q(name__contains=query) | Q(alias_text__contains=query))


class Park(models.Model):
    """A development zone: national or provincial, of one of the official kinds."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("national")
        PROVINCIAL = "provincial", _("provincial")
        OTHER = "other", _("other level")

    class Kind(models.TextChoices):
        ETDZ = "etdz", _("economic-technological development zone")
        HITECH = "hitech", _("high-tech industrial development zone")
        CUSTOMS = "customs", _("special customs supervision zone")
        BORDER = "border", _("border economic cooperation zone")
        ECONOMIC = "economic", _("economic development zone")
        INDUSTRIAL = "industrial", _("industrial park")
        NEW_AREA = "new_area", _("state-level new area")
        OTHER = "other", _("other development zone")

    class Status(models.TextChoices):
        APPROVED = "approved", _("approved")
        UPGRADED = "upgraded", _("upgraded")
        RENAMED = "renamed", _("renamed")
        MERGED = "merged", _("merged")
        EXITED = "exited", _("exited")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(max_length=20, unique=True)
    code = models.CharField(_("catalogue code"), max_length=10, blank=True, db_index=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    # The aliases joined, for a portable "contains" query on SQLite and PostgreSQL alike.
    alias_text = models.TextField(blank=True, editable=False)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    province = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="parks")
    city = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="city_parks"
    )
    approved = models.CharField(_("approved"), max_length=20, blank=True)
    area_ha = models.DecimalField(
        _("approved area (ha)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    industries = models.CharField(_("leading industries"), max_length=200, blank=True)
    managing_body = models.CharField(_("managing body"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.APPROVED)
    source = models.CharField(_("source"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ParkQuerySet.as_manager()

    class Meta:
        ordering = ["province__code", "level", "name", "id"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.alias_text = alias_text(self.aliases)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("parks:park_detail", kwargs={"slug": self.slug})

    @property
    def industry_list(self) -> list[str]:
        return [
            item.strip() for item in self.industries.replace("，", "、").split("、") if item.strip()
        ]


class ParkStatusChange(models.Model):
    """One step of a park's history: approval, upgrade, renaming, merger, exit."""

    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(max_length=10, choices=Park.Status.choices)
    effective = models.CharField(_("effective"), max_length=20, blank=True)
    note = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["effective", "id"]

    def __str__(self):
        return f"{self.park} {self.status} {self.effective}"


class ArticlePark(models.Model):
    """An article mentions a park. Links found automatically are refreshed on every linking run;
    an editor's link stays, and a link an editor removed is remembered so it is not found again."""

    class Origin(models.TextChoices):
        AUTOMATIC = "auto", _("found in the text")
        EDITOR = "editor", _("set by an editor")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="park_links")
    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="article_links")
    origin = models.CharField(max_length=6, choices=Origin.choices, default=Origin.AUTOMATIC)
    removed = models.BooleanField(default=False)
    mentions = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["article", "-mentions", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "park"], name="article_park_unique")
        ]

    def __str__(self):
        return f"{self.article_id} -> {self.park}"
