"""The industry taxonomy (the strategic emerging industries and the sub-industries the news
names), and the articles that mention each industry."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yuanqu.news.models import Article

from .entities import Origin


class Industry(models.Model):
    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    aliases = models.JSONField(default=list, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name_plural = "industries"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("parks:industry_detail", kwargs={"code": self.code})

    @property
    def words(self) -> list[str]:
        """The names the news uses for it."""
        return [self.name, *self.aliases]


class ArticleIndustry(models.Model):
    """An article mentions an industry (a sub-industry's article counts for its parent too)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="industry_links")
    industry = models.ForeignKey(Industry, on_delete=models.CASCADE, related_name="article_links")
    origin = models.CharField(max_length=6, choices=Origin.choices, default=Origin.AUTOMATIC)
    removed = models.BooleanField(default=False)
    mentions = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["article", "-mentions", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "industry"], name="article_industry_unique")
        ]

    def __str__(self):
        return f"{self.article_id} -> {self.industry}"
