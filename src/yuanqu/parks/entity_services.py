"""Writes of enterprises, platforms and projects: the curated registry, and what each published
article says about them (see `reading`). Rows an editor made or removed are left as they are."""

import csv
import hashlib
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Max

from yuanqu.facts import extract
from yuanqu.facts.tries import trie_pattern

from . import reading
from .models import (
    ArticleEnterprise,
    ArticlePark,
    Enterprise,
    Membership,
    Origin,
    Platform,
    Project,
    Recognition,
    alias_text,
)
from .services import DATA, ParkMatcher, links_sync, park_matcher

ENTERPRISES = DATA / "enterprises.csv"
ENTERPRISES_SOURCE = "常见企业名录（园区网整理）"
SHANGHAI = ZoneInfo("Asia/Shanghai")
MONEY = {"元", "美元", "港元", "欧元", "日元"}


def enterprise_slug(name: str) -> str:
    return "e" + hashlib.blake2s(name.encode("utf-8"), digest_size=5).hexdigest()


def enterprises_sync(*, model=None) -> int:
    """Create or update the curated enterprises (names the news uses without a company
    suffix: 比亚迪, 梅特勒·托利多); return how many changed."""
    model = model or Enterprise
    changed = 0
    with ENTERPRISES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        aliases = [name for name in row["aliases"].split("、") if name]
        enterprise = model.objects.filter(name=row["name"]).first()
        if enterprise is None:
            model.objects.create(
                name=row["name"],
                slug=enterprise_slug(row["name"]),
                aliases=aliases,
                alias_text=alias_text(aliases),
                source=ENTERPRISES_SOURCE,
            )
            changed += 1
        elif enterprise.aliases != aliases:
            model.objects.filter(pk=enterprise.pk).update(
                aliases=aliases, alias_text=alias_text(aliases)
            )
            changed += 1
    return changed


class EnterpriseMatcher:
    """Finds the enterprises a text names, by name or alias, longest first."""

    def __init__(self, enterprises):
        self.by_name = {}
        for enterprise in enterprises:
            for name in (enterprise.name, *enterprise.aliases):
                self.by_name.setdefault(name, enterprise.pk)
        self.pattern = re.compile(trie_pattern(self.by_name)) if self.by_name else None

    def find(self, text: str) -> list[tuple[int, int]]:
        """(offset, enterprise id) of every mention."""
        if self.pattern is None:
            return []
        return [(m.start(), self.by_name[m[0]]) for m in self.pattern.finditer(text)]


_enterprise_matcher: tuple[tuple, EnterpriseMatcher] | None = None


def enterprise_matcher() -> EnterpriseMatcher:
    """The matcher over the registry, rebuilt when the registry has changed (any process may
    add an enterprise it read)."""
    global _enterprise_matcher
    version = tuple(Enterprise.objects.aggregate(n=Max("id"), at=Max("updated_at")).values())
    if _enterprise_matcher is None or _enterprise_matcher[0] != version:
        matcher = EnterpriseMatcher(Enterprise.objects.only("id", "name", "aliases"))
        _enterprise_matcher = (version, matcher)
    return _enterprise_matcher[1]


def _enterprise_for(name: str) -> Enterprise:
    enterprise = Enterprise.objects.filter(name=name).first()
    if enterprise is None:
        enterprise = Enterprise.objects.create(
            name=name, slug=enterprise_slug(name), source="新闻报道"
        )
    return enterprise


def _mentions(text: str) -> list[tuple[int, int]]:
    """(offset, enterprise id) of every enterprise the text names, new company names included."""
    found = dict(enterprise_matcher().find(text))
    for start, name in reading.company_names(text):
        if not any(start <= at < start + len(name) for at in found):
            found[start] = _enterprise_for(name).pk
    return sorted(found.items())


def _sync(model, article, wanted: dict[tuple, dict], key) -> None:
    """Make the article's automatic rows of `model` what was read now: new rows created,
    changed ones updated, rows no longer read deleted. An editor's rows, and rows an editor
    removed (which stay removed), are left alone."""
    existing = {key(row): row for row in model.objects.filter(article=article)}
    for row_key, fields in wanted.items():
        row = existing.get(row_key)
        if row is None:
            model.objects.create(article=article, **fields)
        elif row.origin == Origin.AUTOMATIC and not row.removed:
            changes = {k: v for k, v in fields.items() if getattr(row, k) != v}
            if changes:
                model.objects.filter(pk=row.pk).update(**changes)
    for row_key, row in existing.items():
        if row_key not in wanted and row.origin == Origin.AUTOMATIC and not row.removed:
            row.delete()


def _source(sentence: reading.Sentence) -> dict:
    return {"sentence": sentence.text.strip(), "start": sentence.start, "end": sentence.end}


class _Reading:
    """What one article says, gathered sentence by sentence."""

    def __init__(self, article, parks: ParkMatcher):
        self.article = article
        self.text = article.title + "\n" + article.text
        self.parks = parks
        linked = ArticlePark.objects.filter(article=article, removed=False).order_by(
            "-mentions", "id"
        )
        self.main_park = linked.values_list("park_id", flat=True).first()
        self.memberships: dict[tuple, dict] = {}
        self.recognitions: dict[tuple, dict] = {}
        self.platforms: dict[tuple, dict] = {}
        self.projects: dict[tuple, dict] = {}
        self.facts = extract(self.text, published=self._published())

    def _published(self):
        moment = self.article.published_at
        return moment.astimezone(SHANGHAI).date() if moment else None

    def parks_in(self, sentence: reading.Sentence) -> list[int]:
        named = list(self.parks.find(sentence.text))
        return named or ([self.main_park] if self.main_park else [])

    def enterprise_sentence(self, sentence, enterprises: list[int]) -> None:
        kind = reading.membership_kind(sentence.text)
        for enterprise_id in enterprises:
            if kind:
                for park_id in self.parks_in(sentence):
                    key = (enterprise_id, park_id, kind)
                    self.memberships[key] = {
                        "enterprise_id": enterprise_id, "park_id": park_id, "kind": kind,
                        **_source(sentence),
                    }  # fmt: skip
            for recognition, level in reading.recognitions_in(sentence.text):
                self.recognitions[(enterprise_id, recognition)] = {
                    "enterprise_id": enterprise_id, "kind": recognition, "level": level,
                    **_source(sentence),
                }  # fmt: skip

    def platform_sentence(self, sentence) -> None:
        for found in reading.platforms_in(sentence):
            park_id = next(iter(self.parks_in(sentence)), None)
            self.platforms[(found.what, park_id)] = {
                "name": found.what[:100], "kind": found.kind, "level": found.level,
                "park_id": park_id, **_source(sentence),
            }  # fmt: skip

    def project_sentence(self, sentence) -> None:
        """Each clause reporting projects at a stage, with their number and the investment
        that follows in the sentence. Clauses with neither (签约项目仍处于前期阶段) are
        remarks about projects, not projects."""
        clauses = reading.project_clauses(sentence)
        in_sentence = [f for f in self.facts if sentence.start <= f.start < sentence.end]
        for index, (begin, end, stage, name) in enumerate(clauses):
            start, stop = sentence.start + begin, sentence.start + end
            upto = (
                sentence.start + clauses[index + 1][0] if index + 1 < len(clauses) else sentence.end
            )
            count = next(
                (f for f in in_sentence if start <= f.start < stop and f.unit == "个"), None
            )
            money = next(
                (
                    f for f in in_sentence
                    if start <= f.start < upto and f.unit in MONEY and f.kind in ("amount", "target")
                    and reading.is_investment(self.text, f.start, f.end)
                ),
                None,
            )  # fmt: skip
            if count is None and money is None:
                continue
            self.projects[(start,)] = {
                "start": start, "end": stop, "sentence": sentence.text.strip(),
                "park_id": next(iter(self.parks_in(sentence)), None), "name": name[:100],
                "stage": stage, "count": int(count.value) if count else 1,
                "investment": Decimal(str(money.value)) if money else None,
                "investment_unit": money.unit if money else "",
                "investment_approx": (money.approx or "") if money else "",
                "reported_on": self._published(),
            }  # fmt: skip

    def read(self) -> dict[int, int]:
        """Walk the sentences; return enterprise id -> mentions."""
        mentions = _mentions(self.text)
        counts: dict[int, int] = {}
        for _, enterprise_id in mentions:
            counts[enterprise_id] = counts.get(enterprise_id, 0) + 1
        last: list[int] = []
        for sentence in reading.sentences(self.text):
            named = [e for at, e in mentions if sentence.start <= at < sentence.end]
            if not named and last and reading.SUBJECT_PRONOUN.match(sentence.text.strip()):
                named = last  # 公司成立于2009年…: the enterprise of the sentences before
            if named:
                self.enterprise_sentence(sentence, list(dict.fromkeys(named)))
                last = named
            self.platform_sentence(sentence)
            if sentence.start > len(self.article.title):  # a title repeats its article's lead
                self.project_sentence(sentence)
        return counts


@transaction.atomic
def article_read_entities(*, article, matcher: ParkMatcher | None = None) -> dict[str, int]:
    """Read the enterprises, memberships, recognitions, platforms and projects the published
    article names, and store them with their sentences. Returns how many of each were read."""
    found = _Reading(article, matcher or park_matcher())
    counts = found.read()
    links_sync(ArticleEnterprise, article=article, target="enterprise", found=counts)
    _sync(Membership, article, found.memberships, lambda r: (r.enterprise_id, r.park_id, r.kind))
    _sync(Recognition, article, found.recognitions, lambda r: (r.enterprise_id, r.kind))
    _sync(Platform, article, found.platforms, lambda r: (r.name, r.park_id))
    _sync(Project, article, found.projects, lambda r: (r.start,))
    return {
        "enterprises": len(counts),
        "memberships": len(found.memberships),
        "recognitions": len(found.recognitions),
        "platforms": len(found.platforms),
        "projects": len(found.projects),
    }


def article_read(*, article, matcher: ParkMatcher | None = None) -> int:
    """Everything the knowledge base takes from a published article, in order: the parks and
    industries it names, its facts, then its enterprises, platforms and projects. Returns the
    number of facts read."""
    from .fact_services import article_extract_facts
    from .industry_services import article_link_industries
    from .services import article_add_park_regions, article_link_parks

    matcher = matcher or park_matcher()
    article_link_parks(article=article, matcher=matcher)
    article_add_park_regions(article=article)
    article_link_industries(article=article)
    facts = article_extract_facts(article=article, matcher=matcher)
    article_read_entities(article=article, matcher=matcher)
    return facts
