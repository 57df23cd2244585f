"""What a search backend does. A query arrives analysed (see `yuanqu.search.analysis`): its parts
as bigram phrases and as words, its filters as tags. Backends return row keys (sort_key) in order."""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..documents import KEY_RANGES, time_key

ROWS = 1_200  # the newest matches of a stage, kept for its counts and first pages


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
    now: datetime | None = None  # articles published later are not found yet (scheduled)
    # How far into a stage's matches the page reaches (its offset and length, and the exact
    # names it leaves out): a backend that samples a common stage stops once it has these.
    page_end: int = ROWS
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # a backend's, per query


@dataclass
class Stage:
    """A stage's newest matches (at most ROWS), newest first; those holding the whole query in
    the title (a park's or enterprise's names); whether they are all of its matches; and, when
    they are not, a lower bound of how many there are (from a sample of the newest rows)."""

    keys: list[int] = field(default_factory=list)
    titled: set[int] = field(default_factory=set)
    complete: bool = True
    at_least: int = 0


def key_range(query: Query) -> tuple[int, int]:
    """The keys a query may find: its kind's range, narrowed by its dates (an article's key
    starts with its publication time). An article is found once its time has come: a scheduled
    one is indexed when it is published, and found from its time on."""
    low, high = KEY_RANGES[query.kind]
    if query.kind != "article":
        return low, high
    if query.date_from is not None:
        low = max(low, time_key(query.date_from))
    if query.date_to is not None:
        high = min(high, time_key(query.date_to))
    return low, min(high, time_key(query.now or datetime.now(UTC)) + (1 << 20))


class SearchBackend:
    """Index and query SearchDocument rows. `stage` is "phrase" (the exact text of each part)
    or "words" (every word, anywhere).

    Each stage is evaluated once per query (`_stage`, kept by `_found`): its newest ROWS
    matches serve the counts and first pages of a whole results page; when they are all of its
    matches, those holding the query in the title come first. A page or a count past them asks
    again (`_page`)."""

    common_term_docs = 1_000  # above this many matches, relevance ranking gives way to recency

    def add(self, document) -> None:
        raise NotImplementedError

    def add_many(self, documents) -> None:
        for document in documents:
            self.add(document)

    def remove(self, document) -> None:
        raise NotImplementedError

    def _stage(self, query: Query, stage: str, needed: int) -> Stage:
        """Evaluate a stage (called once per query and stage, see `_found`). `needed`: how many
        of its newest matches the page shows or leaves out; more are kept when cheap."""
        raise NotImplementedError

    def _found(self, query: Query, stage: str, exclude=()) -> Stage:
        memo = ("stage", query.kind, stage)  # the other tabs' queries share the memo
        if memo not in query.memo:
            query.memo[memo] = self._stage(query, stage, query.page_end + len(exclude))
        return query.memo[memo]

    def _page(self, query: Query, stage: str, *, limit: int, offset: int, exclude) -> list[int]:
        """Keys of a stage newest first, past what `_stage` keeps."""
        raise NotImplementedError

    def keys(
        self, query: Query, *, stage: str, limit: int, offset: int = 0, exclude=(), by_time=False
    ) -> list[int]:
        found, excluded = self._found(query, stage, exclude), set(exclude)
        keys = [key for key in found.keys if key not in excluded]
        if found.complete and not by_time:  # the whole query in the title first, newer first
            keys = [k for k in keys if k in found.titled] + [
                k for k in keys if k not in found.titled
            ]
        if found.complete or offset + limit <= len(keys):
            return keys[offset : offset + limit]
        return self._page(query, stage, limit=limit, offset=offset, exclude=exclude)

    def count(self, query: Query, *, stage: str, cap: int, exclude=()) -> int:
        """How many match (at most `cap`), leaving out the keys in `exclude`."""
        found, excluded = self._found(query, stage, exclude), set(exclude)
        matches = sum(1 for key in found.keys if key not in excluded)
        if found.complete or matches >= cap:
            return min(cap, matches)
        if found.at_least - len(excluded) >= cap:
            return cap
        return len(self._page(query, stage, limit=cap, offset=0, exclude=exclude))

    def rebuild(self) -> None:
        raise NotImplementedError

    def optimize(self) -> None:
        """After a bulk load: merge the index's segments, refresh the planner's statistics."""

    def size_bytes(self) -> int:
        raise NotImplementedError
