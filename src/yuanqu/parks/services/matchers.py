"""Finding the registry's names in a text: parks, enterprises and industries, each by any name
or alias, longest first (one regular expression over a trie of the names)."""

import re
from collections.abc import Iterable

from django.db.models import Max

from yuanqu.facts.tries import trie_pattern

from ..models import Enterprise, Industry, Park


class ParkMatcher:
    """Finds the parks an article names, by any name or alias, longest name first."""

    def __init__(self, parks: Iterable[Park]) -> None:
        self.by_name: dict[str, list[int]] = {}
        national: set[int] = set()
        for park in parks:
            for name in (park.name, *park.aliases):
                self.by_name.setdefault(name, []).append(park.pk)
            if park.level == "national":
                national.add(park.pk)
        self.national = national
        self.pattern = re.compile(trie_pattern(self.by_name)) if self.by_name else None

    def find(self, text: str) -> dict[int, int]:
        """park id -> number of mentions. A name shared by several parks counts for the national
        one when exactly one is national, and for none otherwise."""
        counts: dict[int, int] = {}
        if self.pattern is None:
            return counts
        for match in self.pattern.finditer(text):
            ids = self.by_name[match[0]]
            if len(ids) > 1:
                ids = [pk for pk in ids if pk in self.national]
            if len(ids) == 1:
                counts[ids[0]] = counts.get(ids[0], 0) + 1
        return counts


_matcher: ParkMatcher | None = None


def park_matcher() -> ParkMatcher:
    """The matcher over the whole registry, built once per process (the registry changes by sync)."""
    global _matcher
    if _matcher is None:
        _matcher = ParkMatcher(Park.objects.only("id", "name", "aliases", "level"))
    return _matcher


def reset_park_matcher() -> None:
    global _matcher
    _matcher = None


class EnterpriseMatcher:
    """Finds the enterprises a text names, by name or alias, longest first."""

    def __init__(self, enterprises: Iterable[Enterprise]) -> None:
        self.by_name: dict[str, int] = {}
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


class IndustryMatcher:
    def __init__(self, industries: Iterable[Industry]) -> None:
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
