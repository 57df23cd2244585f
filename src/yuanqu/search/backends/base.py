"""What a search backend does. A query arrives analysed (see `yuanqu.search.analysis`): its parts
as bigram phrases and as words, its filters as tags. Backends return row keys (sort_key) in order."""

from dataclasses import dataclass, field
from datetime import datetime

# Row keys (sort_key) by kind: articles by publication time from 2^50 up, parks and enterprises
# in ranges of their own; a kind is a range of keys, which an index walks at no cost.
KEY_RANGES = {
    "park": (1 << 32, 1 << 33),
    "enterprise": (1 << 33, 1 << 34),
    "article": (1 << 34, 1 << 62),
}


@dataclass
class Query:
    phrases: list[list[str]]  # each part of the query as its bigrams, to be matched as a phrase
    words: list[str]  # the query's words, for the scattered-word stage
    parts: list[str] = field(default_factory=list)  # the query's text, split at spaces
    kind: str = "article"
    tags: list[str] = field(default_factory=list)  # every one required (prov_js, park_12 …)
    date_from: datetime | None = None
    date_to: datetime | None = None
    newest_first: bool = False
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # a backend's, per query


class SearchBackend:
    """Index and query SearchDocument rows. `stage` is "phrase" (the exact text of each part)
    or "words" (every word, anywhere)."""

    common_term_docs = 1_000  # above this many matches, relevance ranking gives way to recency

    def add(self, document) -> None:
        raise NotImplementedError

    def add_many(self, documents) -> None:
        for document in documents:
            self.add(document)

    def remove(self, document) -> None:
        raise NotImplementedError

    def keys(
        self, query: Query, *, stage: str, limit: int, offset: int = 0, exclude=()
    ) -> list[int]:
        raise NotImplementedError

    def count(self, query: Query, *, stage: str, cap: int, exclude=()) -> int:
        """How many match (at most `cap`), leaving out the keys in `exclude`."""
        raise NotImplementedError

    def rebuild(self) -> None:
        raise NotImplementedError

    def optimize(self) -> None:
        """After a bulk load: merge the index's segments, refresh the planner's statistics."""

    def size_bytes(self) -> int:
        raise NotImplementedError
