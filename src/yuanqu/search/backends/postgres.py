"""PostgreSQL full text over the same tokens: two tsvector columns built in Python from the
analysed text (so no text-search parser or locale is involved), each with a GIN index —
`grams_tsv` (the title's and body's bigrams) and `words_tsv` (their words, and the filter tags),
lexemes without positions or weights. A phrase is found by all its bigrams (`'天津' & '津生' &
'生态'`, a query the GIN index answers alone, no row rechecked) and confirmed in the stored text
with strpos(). Matches are ranked as on SQLite: the whole query in the title first, newer first."""

from django.db import connection

from .base import ROWS, Query, SearchBackend, Stage, key_range

CREATE = [
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS grams_tsv tsvector",
    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS words_tsv tsvector",
    "CREATE INDEX IF NOT EXISTS search_grams_gin ON search_searchdocument USING gin (grams_tsv)",
    "CREATE INDEX IF NOT EXISTS search_words_gin ON search_searchdocument USING gin (words_tsv)",
]
DROP = [
    "DROP INDEX IF EXISTS search_grams_gin",
    "DROP INDEX IF EXISTS search_words_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS grams_tsv",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS words_tsv",
]


def lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def vector(texts: list[str]) -> str:
    """A tsvector literal of the distinct tokens of some texts of space-separated tokens."""
    return " ".join(lexeme(token) for token in dict.fromkeys(" ".join(texts).split()))


def _term(token: str) -> str:
    if token.endswith("*"):  # a one-character query: a prefix
        return f"{lexeme(token[:-1])}:*"
    return lexeme(token)


def tsquery(query: Query, stage: str) -> tuple[str, str]:
    """(grams query, words-and-tags query) as tsquery literals; "" where there is none. A
    phrase is asked as all its bigrams, its text confirmed in the row (see `_where`)."""
    tags = [lexeme(tag) for tag in query.tags]
    if stage == "words":
        return "", " & ".join([lexeme(w) for w in query.words] + tags)
    grams = dict.fromkeys(_term(t) for phrase in query.phrases for t in phrase)
    return " & ".join(grams), " & ".join(tags)


class PostgresBackend(SearchBackend):
    def _vectors(self, document) -> list:
        grams = vector([document.title_grams, document.body_grams])
        words = vector([document.title_words, document.body_words, document.tags])
        return [grams, words, document.pk]

    def add(self, document) -> None:
        self.add_many([document])

    def add_many(self, documents) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchdocument SET grams_tsv = %s::tsvector, words_tsv = %s::tsvector"
                " WHERE id = %s",
                [self._vectors(document) for document in documents],
            )

    def remove(self, document) -> None:
        """The row goes with its document: nothing more to do."""

    def _where(self, query: Query, stage: str) -> tuple[str, list]:
        """The WHERE of a stage's matches: its kind and dates as a range of keys (the unique
        index on sort_key walks it), the GIN queries, the exact text confirmed."""
        grams, words = tsquery(query, stage)
        where, params = ["sort_key >= %s", "sort_key < %s"], list(key_range(query))
        if grams:
            where.append("grams_tsv @@ %s::tsquery")
            params.append(grams)
            for part in query.parts:  # the exact text, in the title (or names) or the body
                if len(part) > 1:
                    where.append("(strpos(aliases, %s) > 0 OR strpos(body, %s) > 0)")
                    params += [part, part]
        if words:
            where.append("words_tsv @@ %s::tsquery")
            params.append(words)
        return " AND ".join(where), params

    def _stage(self, query: Query, stage: str) -> Stage:
        memo = ("stage", query.kind, stage)  # the other tabs' queries share the memo
        if memo not in query.memo:
            where, params = self._where(query, stage)
            texts = query.parts if stage == "phrase" else query.words
            titled = " AND ".join(["strpos(aliases, %s) > 0"] * len(texts)) or "FALSE"
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT sort_key, {titled} FROM search_searchdocument WHERE {where}"
                    " ORDER BY sort_key DESC LIMIT %s",
                    [*texts, *params, ROWS],
                )
                rows = cursor.fetchall()
            query.memo[memo] = Stage(keys=[key for key, _ in rows],
                                     titled={key for key, in_title in rows if in_title},
                                     complete=len(rows) < ROWS)  # fmt: skip
        return query.memo[memo]

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
