"""What each published article says about enterprises (their park memberships and
recognitions), innovation platforms and projects, stored with its sentence (the reading itself
is `yuanqu.facts.entities`). Rows an editor made or removed are left as they are."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from yuanqu.facts import Fact
from yuanqu.facts import entities as reading
from yuanqu.news.models import Article

from ..models import (
    NEWS_SOURCE,
    ArticleEnterprise,
    Enterprise,
    Membership,
    Platform,
    Project,
    Recognition,
)
from .matchers import ParkMatcher, enterprise_matcher
from .registry import enterprise_slug
from .rows import by_editor, rows_sync

MONEY = {"元", "美元", "港元", "欧元", "日元"}


def _enterprise_for(name: str) -> Enterprise:
    enterprise = Enterprise.objects.filter(name=name).first()
    if enterprise is None:
        enterprise = Enterprise.objects.create(
            name=name, slug=enterprise_slug(name), source=NEWS_SOURCE
        )
    return enterprise


def _mentions(text: str) -> list[tuple[int, int]]:
    """(offset, enterprise id) of every enterprise the text names, new company names included."""
    found = dict(enterprise_matcher().find(text))
    for start, name in reading.company_names(text):
        if not any(start <= at < start + len(name) for at in found):
            found[start] = _enterprise_for(name).pk
    return sorted(found.items())


def _source(sentence: reading.Sentence) -> dict:
    return {"sentence": sentence.text.strip(), "start": sentence.start, "end": sentence.end}


class _Reading:
    """What one article says, gathered sentence by sentence."""

    def __init__(
        self,
        *,
        text: str,
        title_end: int,
        facts: list[Fact],
        parks: ParkMatcher,
        main_park: int | None,
        published: date | None,
    ) -> None:
        self.text, self.title_end, self.facts = text, title_end, facts
        self.parks, self.main_park, self.published = parks, main_park, published
        self.memberships: dict[tuple, dict] = {}
        self.recognitions: dict[tuple, dict] = {}
        self.platforms: dict[tuple, dict] = {}
        self.projects: dict[tuple, dict] = {}

    def parks_in(self, sentence: reading.Sentence) -> list[int]:
        named = list(self.parks.find(sentence.text))
        return named or ([self.main_park] if self.main_park else [])

    def enterprise_sentence(self, sentence: reading.Sentence, enterprises: list[int]) -> None:
        kind = reading.membership_kind(sentence.text)
        for enterprise_id in enterprises:
            if kind:
                for park_id in self.parks_in(sentence):
                    key = (enterprise_id, park_id, kind)
                    self.memberships[key] = {
                        "enterprise_id": enterprise_id,
                        "park_id": park_id,
                        "kind": kind,
                        **_source(sentence),
                    }
            for recognition, level in reading.recognitions_in(sentence.text):
                self.recognitions[(enterprise_id, recognition)] = {
                    "enterprise_id": enterprise_id,
                    "kind": recognition,
                    "level": level,
                    **_source(sentence),
                }

    def platform_sentence(self, sentence: reading.Sentence) -> None:
        for found in reading.platforms_in(sentence):
            park_id = next(iter(self.parks_in(sentence)), None)
            self.platforms[(found.what, park_id)] = {
                "name": found.what[:100],
                "kind": found.kind,
                "level": found.level,
                "park_id": park_id,
                **_source(sentence),
            }

    def project_sentence(self, sentence: reading.Sentence) -> None:
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
                    f
                    for f in in_sentence
                    if start <= f.start < upto
                    and f.unit in MONEY
                    and f.kind in ("amount", "target")
                    and reading.is_investment(self.text, f.start, f.end)
                ),
                None,
            )
            if count is None and money is None:
                continue
            self.projects[(start,)] = {
                "start": start,
                "end": stop,
                "sentence": sentence.text.strip(),
                "park_id": next(iter(self.parks_in(sentence)), None),
                "name": name[:100],
                "stage": stage,
                "count": int(count.value) if count else 1,
                "investment": Decimal(str(money.value)) if money else None,
                "investment_unit": money.unit if money else "",
                "investment_approx": (money.approx or "") if money else "",
                "reported_on": self.published,
            }

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
            if sentence.start > self.title_end:  # a title repeats its article's lead
                self.project_sentence(sentence)
        return counts


@transaction.atomic
def article_read_entities(
    *,
    article: Article,
    text: str,
    facts: list[Fact],
    parks: ParkMatcher,
    linked: list[int],
    published: date | None,
) -> dict[str, int]:
    """Read the enterprises, memberships, recognitions, platforms and projects the published
    article names (`text`: its title and body as read, `facts`: the engine's reading of it,
    `linked`: its parks, the most mentioned first), and store them with their sentences.
    Returns how many of each were read."""
    found = _Reading(
        text=text,
        title_end=len(article.title),
        facts=facts,
        parks=parks,
        main_park=linked[0] if linked else None,
        published=published,
    )
    counts = found.read()
    wanted = {pk: {"enterprise_id": pk, "mentions": n} for pk, n in counts.items()}
    rows_sync(
        ArticleEnterprise,
        article=article,
        wanted=wanted,
        key=lambda r: r.enterprise_id,
        decided=by_editor,
        refresh=("mentions",),
    )
    for model, rows, key in (
        (Membership, found.memberships, lambda r: (r.enterprise_id, r.park_id, r.kind)),
        (Recognition, found.recognitions, lambda r: (r.enterprise_id, r.kind)),
        (Platform, found.platforms, lambda r: (r.name, r.park_id)),
        (Project, found.projects, lambda r: (r.start,)),
    ):
        rows_sync(model, article=article, wanted=rows, key=key, decided=by_editor)
    return {
        "enterprises": len(counts),
        "memberships": len(found.memberships),
        "recognitions": len(found.recognitions),
        "platforms": len(found.platforms),
        "projects": len(found.projects),
    }
