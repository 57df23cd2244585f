"""The industry taxonomy and the industries each article mentions."""

import csv
import re

from django.db import transaction

from yuanqu.facts.tries import trie_pattern

from .models import ArticleIndustry, Industry
from .services import DATA, links_sync

INDUSTRIES = DATA / "industries.csv"


def industries_sync(*, model=None) -> int:
    """Create or update the taxonomy from industries.csv; return how many rows changed."""
    model = model or Industry
    with INDUSTRIES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_code = {industry.code: industry for industry in model.objects.all()}
    changed = 0
    for order, row in enumerate(rows):
        wanted = {
            "name": row["name"],
            "parent": by_code.get(row["parent"]) if row["parent"] else None,
            "aliases": [name for name in row["aliases"].split("、") if name],
            "order": order,
        }
        industry = by_code.get(row["code"])
        if industry is None:
            by_code[row["code"]] = model.objects.create(code=row["code"], **wanted)
            changed += 1
        elif any(getattr(industry, key) != value for key, value in wanted.items()):
            model.objects.filter(pk=industry.pk).update(**wanted)
            changed += 1
    return changed


class IndustryMatcher:
    def __init__(self, industries):
        self.by_word: dict[str, Industry] = {}
        for industry in industries:
            for word in industry.words:
                self.by_word.setdefault(word, industry)
        self.pattern = re.compile(trie_pattern(self.by_word)) if self.by_word else None

    def find(self, text: str) -> dict[int, int]:
        """industry id -> mentions; a sub-industry's mentions count for its parent as well."""
        counts: dict[int, int] = {}
        if self.pattern is None:
            return counts
        for match in self.pattern.finditer(text):
            industry = self.by_word[match[0]]
            for pk in filter(None, (industry.pk, industry.parent_id)):
                counts[pk] = counts.get(pk, 0) + 1
        return counts


def industry_matcher() -> IndustryMatcher:
    return IndustryMatcher(Industry.objects.all())


@transaction.atomic
def article_link_industries(*, article, matcher: IndustryMatcher | None = None) -> list[int]:
    """Link the article to the industries it names; editors' links and removals stay."""
    found = (matcher or industry_matcher()).find(article.title + "\n" + article.text)
    links_sync(ArticleIndustry, article=article, target="industry", found=found)
    return sorted(found)
