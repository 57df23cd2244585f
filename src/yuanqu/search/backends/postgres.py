"""PostgreSQL full text over the same tokens: two tsvector columns built in Python from the
analysed text (so no text-search parser or locale is involved), each with a GIN index —
`grams_tsv` (the title's and body's bigrams) and `words_tsv` (their words), both with the filter
tags (marked with TAG among the bigrams), so that one GIN scan intersects a query and its filters;
lexemes without positions or weights. A phrase is found by all its bigrams (`'天津' & '津生' &
'生态'`, a query the GIN index answers alone, no row rechecked) and confirmed in the stored text
with strpos(). Matches are ranked as on SQLite: the whole query in the title first, newer first."""

import math
import time

from django.db import connection

from .base import ROWS, Query, SearchBackend, Stage, key_range

LEAD_CAP = 5_000  # rows: a token estimated in fewer leads its query through the GIN index
LEADS = 3
SLACK = 1.3  # rows walked per match expected, over the estimated density
PROBE = 1_000  # rows of the first window: how dense the matches really are
SAMPLE = 25  # matches in the newest rows from which a stage's count may be estimated
WALK_COST = 2.5  # a row walked in key order costs this many rows handed over by the GIN index
STATISTICS_TTL = 300  # seconds the planner's token statistics are kept

CREATE = [
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS grams_tsv tsvector",
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS words_tsv tsvector",
    "CREATE INDEX IF NOT EXISTS search_grams_gin ON search_searchdocument USING gin (grams_tsv)",
    "CREATE INDEX IF NOT EXISTS search_words_gin ON search_searchdocument USING gin (words_tsv)",
]


# ANALYZE keeps the most common tokens of each vector, ten per point of its statistics target.
# With 1,000 it keeps tokens down to about 0.15% of a million rows, so a token it does not list
# is rare enough to lead a query (see LEAD_CAP); the default 100 stops near 3%.
def statistics(target: int) -> list[str]:
    """The statements that set the statistics target of both vectors (-1: the default)."""
    return [
        f"ALTER TABLE search_searchdocument ALTER COLUMN {column} SET STATISTICS {target}"
        for column in ("grams_tsv", "words_tsv")
    ]


STATISTICS = statistics(1000)
DROP = [
    "DROP INDEX IF EXISTS search_grams_gin",
    "DROP INDEX IF EXISTS search_words_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS grams_tsv",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS words_tsv",
]


# Marks the filter tags among the bigrams: no query's prefix (光*, p*) starts with it.
TAG = "_"


def tag_token(tag: str, stage: str) -> str:
    """A filter tag as the stage's vector holds it: marked among the bigrams, plain among the
    words."""
    return TAG + tag if stage == "phrase" else tag


def lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def vector(texts: list[str]) -> str:
    """A tsvector literal of the distinct tokens of some texts of space-separated tokens."""
    return " ".join(lexeme(token) for token in dict.fromkeys(" ".join(texts).split()))


def _term(token: str) -> str:
    if token.endswith("*"):  # a one-character query: a prefix
        return f"{lexeme(token[:-1])}:*"
    return lexeme(token)


def tokens(query: Query, stage: str) -> list[str]:
    return [t for p in query.phrases for t in p] if stage == "phrase" else list(query.words)


def tsquery(query: Query, stage: str, leads=()) -> tuple[str, str]:
    """(grams query, words query) as tsquery literals, the filter tags in the stage's own (both
    vectors hold them, so that one GIN scan intersects them); "" where there is none. A phrase
    is asked as all its bigrams, its text confirmed in the row (see `_where`)."""
    tags = [lexeme(tag_token(tag, stage)) for tag in query.tags]
    if stage == "words":
        return "", " & ".join([lexeme(w) for w in leads or query.words] + tags)
    every = tokens(query, stage)
    if leads:  # the rarest tokens, and the one-character prefixes the text cannot confirm
        every = [*leads, *(t for t in every if t.endswith("*"))]
    grams = dict.fromkeys([*(_term(t) for t in every), *tags])
    return " & ".join(grams), ""


def _share(token: str, shares: dict[str, float]) -> float:
    """The share of rows holding a token, by the planner's statistics (0: not among the common
    ones). A one-character prefix (光*) is at most the sum of its common tokens' shares, and is
    confirmed in the text like a phrase: every character of the text starts a token."""
    if not token.endswith("*"):
        return shares.get(token, 0.0)
    return min(1.0, sum(share for other, share in shares.items() if other[0] == token[0]))


class PostgresBackend(SearchBackend):
    def _vectors(self, document) -> list:
        tags = " ".join(tag_token(tag, "phrase") for tag in document.tags.split())
        grams = vector([document.title_grams, document.body_grams, tags])
        words = vector([document.title_words, document.body_words, document.tags])
        return [grams, words, document.pk]

    def add(self, document) -> None:
        self.add_many([document])

    def add_many(self, documents) -> None:
        """The vectors replace the token columns (only SQLite's index reads those): the rows
        whose text confirms a phrase are then a fraction of the size."""
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchdocument SET grams_tsv = %s::tsvector, words_tsv = %s::tsvector,"
                " title_words = '', title_grams = '', body_words = '', body_grams = '' WHERE id = %s",
                [self._vectors(document) for document in documents],
            )

    def remove(self, document) -> None:
        """The row goes with its document: nothing more to do."""

    _statistics: dict = {}  # column -> (when, rows, {token: share of rows} or key quantiles)

    def _statistic(self, column: str, fields: str, read) -> tuple[float, object]:
        """The table's rows and what `read` makes of some pg_stats fields of a column (None
        where ANALYZE has not run), as ANALYZE last found them (kept for STATISTICS_TTL s)."""
        kept = self._statistics.get(column)
        if kept is None or time.monotonic() - kept[0] > STATISTICS_TTL:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT c.reltuples, {fields} FROM pg_class c LEFT JOIN pg_stats s"
                    " ON s.tablename = c.relname AND s.attname = %s"
                    " WHERE c.relname = 'search_searchdocument'",
                    [column],
                )
                row = cursor.fetchone() or (0, None, None)
            kept = self._statistics[column] = (time.monotonic(), max(row[0], 0), read(*row[1:]))
        return kept[1], kept[2]

    def _shares(self, column: str) -> tuple[float, dict[str, float]]:
        """The table's rows and the share of them holding each common token."""
        return self._statistic(
            column,
            "s.most_common_elems::text::text[], s.most_common_elem_freqs",
            lambda tokens, shares: dict(zip(tokens or (), shares or (), strict=False)),
        )

    def _quantiles(self) -> tuple[float, list[int]]:
        """The table's rows and the quantiles of their keys."""
        return self._statistic(
            "sort_key", "s.histogram_bounds::text::bigint[], NULL", lambda bounds, _: bounds or []
        )

    def _rows_between(self, low: int, high: int) -> float:
        """About how many rows have keys in [low, high) (0 when ANALYZE has not run)."""
        rows, bounds = self._quantiles()
        if len(bounds) < 2:
            return 0.0
        return rows * sum(1 for bound in bounds if low <= bound < high) / len(bounds)

    def _plan(self, query: Query, stage: str, needed: int) -> tuple[list[str], float]:
        """The rarest tokens of a stage by the planner's statistics (a token ANALYZE did not
        find common is rare) — none when every one is common — and the share of rows the stage
        may match at most (its rarest token's share, times its filters'), or 0 when walking the
        newest rows would read more of them than the GIN index finds (density² × rows below
        SLACK × wanted: the walk reads wanted × SLACK / density rows, the index density × rows,
        where wanted is what the page needs, or enough to estimate the count from)."""
        every = tokens(query, stage)
        if not every:
            return [], 0.0
        rows, shares = self._shares("grams_tsv" if stage == "phrase" else "words_tsv")
        estimates = sorted((_share(token, shares), token) for token in set(every))
        density = estimates[0][0]
        for tag in query.tags:
            density *= shares.get(tag_token(tag, stage), 0.0)
        if density * density * rows < SLACK * max(needed, SAMPLE):
            density = 0.0
        if estimates[0][0] * rows >= LEAD_CAP or estimates[0][1].endswith("*"):
            return [], density
        return [token for _, token in estimates[:LEADS] if not token.endswith("*")], density

    def _where(self, query: Query, stage: str, leads=()) -> tuple[str, list]:
        """The WHERE of a stage's matches: its kind and dates as a range of keys (the unique
        index on sort_key walks it), the GIN queries (all the tokens, or the rarest), the exact
        text confirmed."""
        grams, words = tsquery(query, stage, leads)
        where, params = ["sort_key >= %s", "sort_key < %s"], list(key_range(query))
        if grams:
            where.append("grams_tsv @@ %s::tsquery")
            params.append(grams)
        texts = [p for p in query.parts if len(p) > 1] if stage == "phrase" else []
        texts += list(query.words) if stage == "words" and leads else []
        for text in texts:  # the exact text (or word), in the title (or names) or the body
            where.append("(strpos(aliases, %s) > 0 OR strpos(body, %s) > 0)")
            params += [text, text]
        if words:
            where.append("words_tsv @@ %s::tsquery")
            params.append(words)
        return " AND ".join(where), params

    def _walk(
        self, query: Query, titled: str, texts: list[str], density: float, needed: int
    ) -> Stage | None:
        """A stage of common tokens, found by walking the newest rows a window at a time and
        confirming the text in each. A first window of PROBE rows shows how dense the matches
        are; the next is sized to hold the matches still wanted. The walk ends with ROWS
        matches, or with the page's and a sample from which the stage is surely more than ROWS
        (see `_at_least`). None (ask the GIN index) as soon as the rest of the walk would cost
        more than the rows the index would hand over."""
        low, high = key_range(query)
        budget = density * self._shares("grams_tsv")[0]  # rows holding the rarest token
        in_range = self._rows_between(low, high)
        conditions = ["(strpos(aliases, %s) > 0 OR strpos(body, %s) > 0)"] * len(texts)
        conditions += ["strpos(' ' || tags || ' ', %s) > 0"] * len(query.tags)
        found, walked, window, top = Stage(), 0, PROBE, high
        with connection.cursor() as cursor:
            while window * WALK_COST <= budget:
                cursor.execute(
                    "WITH w AS MATERIALIZED (SELECT sort_key, aliases, body, tags"
                    " FROM search_searchdocument WHERE sort_key >= %s AND sort_key < %s"
                    " ORDER BY sort_key DESC LIMIT %s)"
                    f" SELECT sort_key, {titled} FROM w WHERE {' AND '.join(conditions) or 'TRUE'}"
                    # and where to go on from, or NULL when the window is the range's last
                    " UNION ALL SELECT CASE WHEN count(*) = %s THEN min(sort_key) END, NULL FROM w",
                    [
                        low,
                        top,
                        window,
                        *texts,
                        *[v for t in texts for v in (t, t)],
                        *[f" {t} " for t in query.tags],
                        window,
                    ],
                )
                rows = cursor.fetchall()
                boundary = next(key for key, flag in rows if flag is None)
                matches = sorted(((k, f) for k, f in rows if f is not None), reverse=True)
                found.keys += [key for key, _ in matches]
                found.titled |= {key for key, in_title in matches if in_title}
                if len(found.keys) >= ROWS:
                    found.keys, found.complete = found.keys[:ROWS], False
                    return found
                if boundary is None:
                    return found  # the whole range walked
                top, walked = boundary, walked + window
                if not found.keys:
                    return None
                at_least = self._at_least(len(found.keys), walked, in_range, budget)
                if len(found.keys) >= needed and at_least >= ROWS:
                    found.complete, found.at_least = False, at_least
                    return found
                wanted = max(needed, SAMPLE) if in_range else ROWS
                if len(found.keys) >= wanted:
                    wanted = ROWS  # the page is here, but not the count: walk on to ROWS
                window = int((wanted - len(found.keys)) * SLACK * walked / len(found.keys)) + 1
        return None

    @staticmethod
    def _at_least(matches: int, walked: int, in_range: float, budget: float) -> int:
        """A lower bound of a stage's matches from those in the newest rows walked: the rate
        less two standard deviations (a count of rare events varies by its square root),
        over the rows in range, and no more than the rows holding the rarest token. A sample of
        the newest rows stands for the whole range: a term that has only lately become common
        can be counted high, never a rare one (its rarest token bounds it)."""
        if matches < SAMPLE or not in_range:
            return 0
        low = (matches - 2 * math.sqrt(matches)) / walked * in_range
        return int(min(low, budget))

    def _stage(self, query: Query, stage: str, needed: int) -> Stage:
        texts = query.parts if stage == "phrase" else query.words
        titled = " AND ".join(["strpos(aliases, %s) > 0"] * len(texts)) or "FALSE"
        leads, density = self._plan(query, stage, needed)
        if not leads and density > 0:
            walked = self._walk(query, titled, list(texts), density, needed)
            if walked is not None:
                return walked
        where, params = self._where(query, stage, leads)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT sort_key, {titled} FROM search_searchdocument WHERE {where}"
                " ORDER BY sort_key DESC LIMIT %s",
                [*texts, *params, ROWS],
            )
            rows = cursor.fetchall()
        return Stage(
            keys=[key for key, _ in rows],
            titled={key for key, in_title in rows if in_title},
            complete=len(rows) < ROWS,
        )

    def _page(self, query, stage, *, limit, offset, exclude) -> list[int]:
        where, params = self._where(query, stage)
        if exclude:
            where += " AND NOT (sort_key = ANY(%s))"
            params.append(list(exclude))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT sort_key FROM search_searchdocument WHERE {where}"
                " ORDER BY sort_key DESC LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return [row[0] for row in cursor.fetchall()]

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")

    def rebuild(self) -> None:
        """Rows are re-indexed one by one by `yuanqu reindex` (see `services.reindex`)."""

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT coalesce(pg_relation_size('search_grams_gin'), 0)"
                " + coalesce(pg_relation_size('search_words_gin'), 0)"
            )
            return cursor.fetchone()[0]
