"""Searching: a reader's words become an analysed query, run in stages that never overlap —

1. a park or enterprise whose name or alias is exactly the query;
2. the exact text of every part of the query (a phrase of its bigrams), title matches ranked
   above body matches, then newer above older;
3. every word of the query, anywhere, where the exact text is not — asked only when the exact
   text is found fewer than SCATTERED_BELOW times (past that, readers have what they came for).

Very common terms are not ranked by relevance (that would score half the index): they come
newest first.
"""

import html
import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.utils.safestring import SafeString, mark_safe

from yuanqu.parks.models import Park
from yuanqu.regions.models import Region

from . import analysis
from .backends import get_backend
from .backends.base import Query
from .documents import industry_tag, park_tag, region_tag, source_tag
from .models import SearchDocument
from .services import dictionary_load

KINDS = ("article", "park", "enterprise")
COUNT_CAP = 1_000
SCATTERED_BELOW = 200
SNIPPET = 90


@dataclass
class Hit:
    document: SearchDocument
    title: SafeString
    snippet: SafeString
    exact: bool = False


@dataclass
class Results:
    query: str
    kind: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    capped: bool = False


@dataclass
class Filters:
    region: Region | None = None  # a province or a city
    park: Park | None = None
    industry: str = ""
    source: str = ""
    date_from: datetime | None = None
    date_to: datetime | None = None

    def tags(self) -> list[str]:
        tags = []
        if self.region is not None:
            tags.append(region_tag(self.region))
        if self.park is not None:
            tags.append(park_tag(self.park.pk))
        if re.fullmatch(r"[a-z_]{2,30}", self.industry or ""):
            tags.append(industry_tag(self.industry))
        if self.source:
            tags.append(source_tag(self.source))
        return tags


def analysed(text: str, kind: str, filters: Filters, newest_first: bool) -> Query | None:
    parts = analysis.query_parts(text)
    if not parts:
        return None
    phrases = [analysis.phrase(part) for part in parts]
    words = list(dict.fromkeys(w for part in parts for w in analysis.words(part)))
    return Query(
        phrases=phrases,
        words=words,
        parts=parts,
        kind=kind,
        tags=filters.tags(),
        date_from=filters.date_from,
        date_to=filters.date_to,
        newest_first=newest_first,
    )


def exact_names(text: str, kind: str, tags: list[str]) -> list[int]:
    """Parks and enterprises named by the query: an exact name or alias first, then names that
    start with it (national parks before the others, shorter names before longer)."""
    name = analysis.normalise(text).strip()
    if kind == "article" or len(name) < 2:
        return []
    rows = SearchDocument.objects.filter(kind=kind, aliases__contains=f"\n{name}")
    for tag in tags:
        rows = rows.filter(tags__contains=tag)
    found = list(rows.values_list("sort_key", "aliases", "title", "tags")[:200])
    found.sort(
        key=lambda row: (
            f"\n{name}\n" not in row[1],
            "level_national" not in row[3],
            len(row[2]),
            row[0],
        )
    )
    return [row[0] for row in found[:10]]


def _stages(query: Query, exact: list[int], scattered: bool = True) -> list[tuple[str, int, list]]:
    """(stage, matches, keys to leave out) in order: the exact text, then — when it is rare —
    the scattered words, without what the exact text found."""
    backend = get_backend()
    phrase = backend.count(query, stage="phrase", cap=COUNT_CAP)
    stages = [("phrase", max(0, phrase - len(exact)), exact)]
    one_word = query.words == query.parts  # the words would find what the text found
    if scattered and phrase < SCATTERED_BELOW and query.words and not one_word:
        found = backend.keys(query, stage="phrase", limit=SCATTERED_BELOW, by_time=True)
        seen = list(dict.fromkeys([*exact, *found]))
        stages.append(
            ("words", backend.count(query, stage="words", cap=COUNT_CAP, exclude=seen), seen)
        )
    return stages


def _keys(query: Query, exact: list[int], offset: int, limit: int) -> tuple[list[int], int, bool]:
    """The page's keys across the stages, and the total (capped)."""
    backend = get_backend()
    keys, total, capped = list(exact[offset : offset + limit]), len(exact), False
    offset = max(0, offset - len(exact))
    for stage, count, seen in _stages(query, exact):
        capped |= count >= COUNT_CAP
        by_time = query.newest_first or count >= min(COUNT_CAP, backend.common_term_docs)
        if len(keys) < limit and offset < count:
            keys += backend.keys(
                query,
                stage=stage,
                limit=limit - len(keys),
                offset=offset,
                exclude=seen,
                by_time=by_time,
            )
        offset = max(0, offset - count)
        total += count
    return keys, total, capped


def highlight(text: str, parts: list[str], width: int | None = None) -> SafeString:
    """The text (or a window of it around the first match) with the query's parts marked."""
    found = [m for m in (text.find(p) for p in parts) if m >= 0]
    if width is not None:
        start = max(0, min(found) - width // 3) if found else 0
        text = (
            ("…" if start else "")
            + text[start : start + width]
            + ("…" if start + width < len(text) else "")
        )
    pattern = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    marked, last = [], 0
    for match in re.finditer(pattern, text) if pattern else ():
        marked += [html.escape(text[last : match.start()]), f"<mark>{html.escape(match[0])}</mark>"]
        last = match.end()
    marked.append(html.escape(text[last:]))
    return mark_safe("".join(marked))  # every piece of the text is escaped above


def search(
    text: str,
    *,
    kind: str = "article",
    filters: Filters | None = None,
    newest_first: bool = False,
    page: int = 1,
    per_page: int = 20,
    now: datetime | None = None,
) -> Results:
    kind = kind if kind in KINDS else "article"
    filters = filters or Filters()
    results = Results(query=text, kind=kind)
    query = analysed(text, kind, filters, newest_first)
    if query is None:
        return results
    query.now = now  # articles scheduled for later are not found before their time
    dictionary_load()
    exact = exact_names(text, kind, filters.tags())
    query.page_end = page * per_page + len(exact)
    keys, results.total, results.capped = _keys(query, exact, (page - 1) * per_page, per_page)
    for other in KINDS:  # the other tabs' counts, found the same way
        if other == kind:
            results.counts[other] = results.total
            continue
        other_query = replace(query, kind=other)
        # The other tabs count the exact text only: cheap, and what a reader looks for first.
        results.counts[other] = sum(c for _, c, _ in _stages(other_query, [], scattered=False))
    documents = {d.sort_key: d for d in SearchDocument.objects.filter(sort_key__in=keys)}
    parts = analysis.query_parts(text) + [w for w in query.words if len(w) > 1]
    results.hits = [
        Hit(
            documents[key],
            highlight(analysis.normalise(documents[key].title), parts),
            highlight(documents[key].body, parts, SNIPPET),
            key in exact,
        )
        for key in keys
        if key in documents
    ]
    return results
