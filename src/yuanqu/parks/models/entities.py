"""What lives in a park, as the news reports it: enterprises (with their park memberships and
recognitions), innovation platforms and investment projects. Every row keeps the article and
sentence it was read from; rows an editor made or removed survive re-extraction."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yuanqu.news.models import Article, published_q

from .parks import Park, alias_text


class Origin(models.TextChoices):
    AUTOMATIC = "auto", _("found in the text")
    EDITOR = "editor", _("set by an editor")


NEWS_SOURCE = "新闻报道"  # an enterprise first met in an article, not in the curated registry


class EnterpriseQuerySet(models.QuerySet):
    def shown(self, *, now=None):
        """Enterprises readers may see: the curated ones, and those an article readers may see
        names (one met only in a taken-down article is shown nowhere)."""
        mentioned = ArticleEnterprise.objects.filter(
            published_q("article__", now=now), enterprise=OuterRef("pk"), removed=False
        )
        return self.filter(~Q(source=NEWS_SOURCE) | Exists(mentioned))

    def matching(self, query: str):
        query = query.strip()
        if not query:
            return self
        return self.filter(Q(name__contains=query) | Q(alias_text__contains=query))


class Enterprise(models.Model):
    """A company named in the news, by its full name or a name it is known by (比亚迪)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(max_length=20, unique=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    alias_text = models.TextField(blank=True, editable=False)
    source = models.CharField(_("source"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.alias_text = alias_text(self.aliases)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("parks:enterprise_detail", kwargs={"slug": self.slug})


class SourcedQuerySet(models.QuerySet):
    def shown(self, *, now=None):
        """What pages show: not removed by an editor, and either set by one or read from an
        article readers may see (a taken-down article's rows are kept, and shown nowhere)."""
        return self.filter(removed=False).filter(
            Q(article__isnull=True) | published_q("article__", now=now)
        )


class Sourced(models.Model):
    """A row read from one sentence of one article (or set by an editor). Editors' decisions on
    it are in the audit log."""

    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE)
    sentence = models.TextField(blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    origin = models.CharField(max_length=6, choices=Origin.choices, default=Origin.AUTOMATIC)
    removed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SourcedQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self):
        """The sentence in its article, marked."""
        if self.article_id is None:
            return ""
        url = reverse("news:article_detail", kwargs={"pk": self.article_id})
        return f"{url}?hl={self.start}-{self.end}#hl" if self.start is not None else url


class ArticleEnterprise(models.Model):
    """An article names an enterprise (as ArticlePark does a park)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="enterprise_links")
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="mentions")
    origin = models.CharField(max_length=6, choices=Origin.choices, default=Origin.AUTOMATIC)
    removed = models.BooleanField(default=False)
    mentions = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["article", "-mentions", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "enterprise"], name="article_enterprise_unique"
            )
        ]

    def __str__(self):
        return f"{self.article_id} -> {self.enterprise}"


class Membership(Sourced):
    """An enterprise is registered in, or operates in, a park."""

    class Kind(models.TextChoices):
        REGISTERED = "registered", _("registered in")
        OPERATING = "operating", _("operates in")

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="memberships")
    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="memberships")
    kind = models.CharField(max_length=10, choices=Kind.choices)

    class Meta:
        ordering = ["park", "enterprise__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "park", "kind", "article"], name="membership_unique"
            )
        ]

    def __str__(self):
        return f"{self.enterprise} {self.kind} {self.park}"


class Recognition(Sourced):
    """A recognition an enterprise holds (高新技术企业, 专精特新“小巨人” …), as an article says."""

    class Kind(models.TextChoices):
        HITECH = "hitech", _("high-tech enterprise")
        LITTLE_GIANT = "little_giant", _("specialised “little giant”")
        SPECIALISED = "specialised", _("specialised and innovative SME")
        CHAMPION = "champion", _("single-product manufacturing champion")
        GLOBAL_500 = "global500", _("Fortune Global 500 investor")

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="recognitions"
    )
    kind = models.CharField(max_length=14, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=20, blank=True)

    class Meta:
        ordering = ["enterprise", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "kind", "article"], name="recognition_unique"
            )
        ]

    def __str__(self):
        return f"{self.enterprise} {self.kind}"


class Platform(Sourced):
    """A research or innovation platform named in the news (a key laboratory, a technology
    innovation centre, an academician workstation …)."""

    class Kind(models.TextChoices):
        LABORATORY = "laboratory", _("key laboratory")
        ENGINEERING = "engineering", _("engineering research centre")
        INNOVATION = "innovation", _("innovation centre")
        ENTERPRISE = "enterprise", _("enterprise technology centre")
        INSTITUTE = "institute", _("research institute")
        WORKSTATION = "workstation", _("academician or postdoctoral workstation")
        INCUBATOR = "incubator", _("incubator or maker space")

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=20, blank=True)
    park = models.ForeignKey(
        Park, null=True, blank=True, on_delete=models.SET_NULL, related_name="platforms"
    )

    class Meta:
        ordering = ["park", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["name", "park", "article"], name="platform_unique")
        ]

    def __str__(self):
        return self.name


class Project(Sourced):
    """An investment project, or a batch of them, at the stage the article reports: a signed
    amount is a promise, not output, and the page says which stage a figure belongs to."""

    class Stage(models.TextChoices):
        INTENT = "intent", _("in negotiation")
        SIGNED = "signed", _("signed")
        STARTED = "started", _("construction started")
        COMPLETED = "completed", _("completed")
        OPERATING = "operating", _("in production")
        FULL = "full", _("at full capacity")

    park = models.ForeignKey(
        Park, null=True, blank=True, on_delete=models.SET_NULL, related_name="projects"
    )
    name = models.CharField(_("name"), max_length=100)
    stage = models.CharField(max_length=10, choices=Stage.choices)
    count = models.PositiveIntegerField(_("number of projects"), default=1)
    investment = models.DecimalField(max_digits=30, decimal_places=6, null=True, blank=True)
    investment_unit = models.CharField(max_length=10, blank=True)
    investment_approx = models.CharField(max_length=10, blank=True)
    reported_on = models.DateField(_("reported on"), null=True, blank=True)

    class Meta:
        ordering = ["-reported_on", "park", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start"], name="project_span_unique")
        ]

    def __str__(self):
        return self.name
