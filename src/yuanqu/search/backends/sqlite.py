"""SQLite FTS5 over the pre-analysed columns of search_searchdocument (an external-content table:
the text is stored once). The default unicode61 tokenizer splits at the spaces between our tokens
and keeps each Chinese word or bigram whole; `_` joins the words of a tag."""

from django.db import connection

from .base import Query, SearchBackend

COLUMNS = ("title_words", "title_grams", "body_words", "body_grams", "tags")
WEIGHTS = "10.0, 10.0, 1.0, 1.0, 0.0"  # bm25: a match in the title counts ten times
CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    + ", ".join(COLUMNS)
    + ", content='search_searchdocument', content_rowid='sort_key',"
    " tokenize=\"unicode61 tokenchars '_'\")",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts_vocab USING fts5vocab(search_fts, 'row')",
]
DROP = ["DROP TABLE IF EXISTS search_fts_vocab", "DROP TABLE IF EXISTS search_fts"]


def _quoted(tokens) -> str:
    """A phrase in FTS5 syntax; tokens hold only letters, digits, Chinese, `.` and `_`. A
    one-character query is a prefix (光*): every bigram starting with it."""
    if len(tokens) == 1 and tokens[0].endswith("*"):
        return '"' + tokens[0][:-1].replace('"', "") + '"*'
    return '"' + " ".join(tokens).replace('"', "") + '"'


def _all(terms: list[str]) -> str:
    return "(" + " AND ".join(terms) + ")"


def match(query: Query, stage: str) -> str:
    """The MATCH expression of a stage; the stages never overlap (see `selectors`)."""
    phrase = _all([f"{{title_grams body_grams}} : {_quoted(p)}" for p in query.phrases])
    title = _all([f"{{title_grams}} : {_quoted(p)}" for p in query.phrases])
    words = _all([f"{{title_words body_words}} : {_quoted([w])}" for w in query.words] or ["x"])
    expression = {
        "phrase": phrase,
        "title": title,
        "body": f"({phrase} NOT {title})",
        "words": f"({words} NOT {phrase})",
    }[stage]
    return _all([expression, *(f"tags : {_quoted([tag])}" for tag in query.tags)])


class SQLiteBackend(SearchBackend):
    def _values(self, document):
        return [document.sort_key, *(getattr(document, c) for c in COLUMNS)]

    def add(self, document) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO search_fts(rowid, {', '.join(COLUMNS)}) VALUES (%s, %s, %s, %s, %s, %s)",
                self._values(document),
            )

    def add_many(self, documents) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO search_fts(rowid, {', '.join(COLUMNS)}) VALUES (%s, %s, %s, %s, %s, %s)",
                [self._values(document) for document in documents],
            )

    def remove(self, document) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO search_fts(search_fts, rowid, {', '.join(COLUMNS)})"
                " VALUES ('delete', %s, %s, %s, %s, %s, %s)",
                self._values(document),
            )

    def _where(self, query: Query, stage: str) -> tuple[str, list]:
        where, params = ["search_fts MATCH %s"], [match(query, stage)]
        if query.date_from is not None:
            where.append("rowid >= %s")
            params.append(int(query.date_from.timestamp()) << 20)
        if query.date_to is not None:
            where.append("rowid < %s")
            params.append(int(query.date_to.timestamp()) << 20)
        return " AND ".join(where), params

    def estimate(self, query: Query, stage: str) -> int:
        """An upper bound of the matches: the rarest token's document count."""
        tokens = [t for p in query.phrases for t in p] if stage != "words" else query.words
        if any(t.endswith("*") for t in tokens):
            return self.common_term_docs + 1  # a one-character prefix: treat it as common
        if not tokens:
            return 0
        placeholders = ", ".join(["%s"] * len(tokens))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT min(doc) FROM search_fts_vocab WHERE term IN ({placeholders})",
                tokens,
            )
            found = cursor.fetchone()[0]
        return found or 0

    def keys(self, query, *, stage, limit, offset=0, exclude=()) -> list[int]:
        where, params = self._where(query, stage)
        if exclude:
            where += f" AND rowid NOT IN ({', '.join(['%s'] * len(exclude))})"
            params += list(exclude)
        by_time = query.newest_first or stage in ("title", "body")
        order = "rowid DESC" if by_time else f"bm25(search_fts, {WEIGHTS}), rowid DESC"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM search_fts WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return [row[0] for row in cursor.fetchall()]

    def count(self, query, *, stage, cap) -> int:
        where, params = self._where(query, stage)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE {where} LIMIT %s)",
                [*params, cap],
            )
            return cursor.fetchone()[0]

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")

    def size_bytes(self) -> int:
        """The index's pages (dbstat, where SQLite was built with it), else its segments' bytes."""
        with connection.cursor() as cursor:
            try:
                cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%%'")
            except Exception:
                cursor.execute("SELECT sum(length(block)) FROM search_fts_data")
            return cursor.fetchone()[0] or 0
