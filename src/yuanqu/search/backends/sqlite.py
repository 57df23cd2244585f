"""SQLite FTS5 over the pre-analysed columns of search_searchdocument (external content: the
text is stored once). The unicode61 tokenizer splits at the spaces between our tokens and keeps
each Chinese word or bigram whole; `_` joins the words of a tag.

Two FTS tables: `search_fts` for articles (hundreds of thousands), `search_fts_names` for parks
and enterprises (a few thousand): counting a park tab never walks the articles' lists.

A long phrase is costly when its bigrams are common (有限 公司): FTS5 reads every position of
every token. So a phrase of four bigrams or more is found from its three rarest bigrams (their
document counts, capped, cost a fraction of a millisecond each) and confirmed against the stored
text with instr(); its exact meaning is kept.
"""

from django.db import connection

from .base import KEY_RANGES, Query, SearchBackend

COLUMNS = ("title_words", "title_grams", "body_words", "body_grams", "tags")
WEIGHTS = "10.0, 10.0, 1.0, 1.0, 0.0"  # bm25: a match in the title counts ten times
TABLES = {"article": "search_fts", "park": "search_fts_names", "enterprise": "search_fts_names"}
CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5("
    + ", ".join(COLUMNS)
    + ", content='search_searchdocument', content_rowid='sort_key',"
    " tokenize=\"unicode61 tokenchars '_'\")"
    for table in ("search_fts", "search_fts_names")
]
DROP = ["DROP TABLE IF EXISTS search_fts", "DROP TABLE IF EXISTS search_fts_names"]
LONG_PHRASE = 4  # bigrams
PREFILTER_CAP = 1000


def _quoted(tokens) -> str:
    """A phrase in FTS5 syntax; tokens hold only letters, digits, Chinese, `.` and `_`. A
    one-character query is a prefix (光*): every bigram starting with it."""
    if len(tokens) == 1 and tokens[0].endswith("*"):
        return '"' + tokens[0][:-1].replace('"', "") + '"*'
    return '"' + " ".join(tokens).replace('"', "") + '"'


def _all(terms: list[str]) -> str:
    return "(" + " AND ".join(terms) + ")"


def _grams(tokens) -> str:
    return f"{{title_grams body_grams}} : {_quoted(tokens)}"


def match(query: Query, stage: str, phrases: list[list[str]] | None = None) -> str:
    """The MATCH expression of a stage: the phrases (or the bigrams standing for them), or the
    words; with the filter tags."""
    if stage == "words":
        words = [w for w in query.words if not any(w != o and w in o for o in query.words)]
        expression = _all([f"{{title_words body_words}} : {_quoted([w])}" for w in words])
    else:
        expression = _all([_grams(p) for p in (phrases or query.phrases)])
    return _all([expression, *(f"tags : {_quoted([tag])}" for tag in query.tags)])


class SQLiteBackend(SearchBackend):
    def _values(self, document):
        return [document.sort_key, *(getattr(document, c) for c in COLUMNS)]

    def _write(self, documents, command: str = "") -> None:
        by_table: dict[str, list] = {}
        for document in documents:
            by_table.setdefault(TABLES[document.kind], []).append(self._values(document))
        for table, rows in by_table.items():
            columns = ", ".join(COLUMNS)
            if command:
                sql = (f"INSERT INTO {table}({table}, rowid, {columns})"
                       f" VALUES ('{command}', %s, %s, %s, %s, %s, %s)")  # fmt: skip
            else:
                sql = f"INSERT INTO {table}(rowid, {columns}) VALUES (%s, %s, %s, %s, %s, %s)"
            with connection.cursor() as cursor:
                cursor.executemany(sql, rows)

    def add(self, document) -> None:
        self._write([document])

    def add_many(self, documents) -> None:
        self._write(documents)

    def remove(self, document) -> None:
        self._write([document], "delete")

    def _rarest(self, query: Query, table: str, phrase: list[str]) -> list[list[str]]:
        """The three bigrams of a long phrase that occur in fewest documents (counts capped;
        worked out once per query)."""
        key = (table, tuple(phrase))
        if key in query.memo:
            return query.memo[key]
        counts = []
        with connection.cursor() as cursor:
            for token in dict.fromkeys(phrase):
                cursor.execute(
                    f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH %s LIMIT %s)",
                    [_grams([token]), PREFILTER_CAP],
                )
                counts.append((cursor.fetchone()[0], token))
        query.memo[key] = [[token] for _, token in sorted(counts)[:3]]
        return query.memo[key]

    def _where(self, query: Query, stage: str) -> tuple[str, str, list]:
        """(table, from-and-where, params) of a stage's matches."""
        table = TABLES[query.kind]
        low, high = KEY_RANGES[query.kind]
        if query.date_from is not None:
            low = max(low, int(query.date_from.timestamp()) << 20)
        if query.date_to is not None:
            high = min(high, int(query.date_to.timestamp()) << 20)
        phrases, confirm = query.phrases, []
        if stage == "phrase" and any(len(p) >= LONG_PHRASE for p in query.phrases):
            phrases = []
            for phrase, part in zip(query.phrases, query.parts, strict=True):
                if len(phrase) >= LONG_PHRASE:
                    phrases += self._rarest(query, table, phrase)
                    confirm.append(part)
                else:
                    phrases.append(phrase)
        source = table
        where = f"{table} MATCH %s AND {table}.rowid >= %s AND {table}.rowid < %s"
        params = [match(query, stage, phrases), low, high]
        if confirm:  # the exact text, in the stored title or body of each candidate
            source += " JOIN search_searchdocument AS d ON d.sort_key = " + f"{table}.rowid"
            for part in confirm:
                where += " AND (instr(d.aliases, %s) OR instr(d.body, %s))"
                params += [part, part]
        return table, f"{source} WHERE {where}", params

    def _matches(self, query, stage, exclude) -> tuple[str, str, list]:
        table, source, params = self._where(query, stage)
        if exclude:
            source += f" AND {table}.rowid NOT IN ({', '.join(['%s'] * len(exclude))})"
            params += list(exclude)
        return table, source, params

    def keys(self, query, *, stage, limit, offset=0, exclude=(), by_time=False) -> list[int]:
        table, source, params = self._matches(query, stage, exclude)
        order = (
            f"{table}.rowid DESC" if by_time else f"bm25({table}, {WEIGHTS}), {table}.rowid DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {table}.rowid FROM {source} ORDER BY {order} LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return [row[0] for row in cursor.fetchall()]

    def count(self, query, *, stage, cap, exclude=()) -> int:
        _table, source, params = self._matches(query, stage, exclude)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {source} LIMIT %s)", [*params, cap]
            )
            return cursor.fetchone()[0]

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            for table in ("search_fts", "search_fts_names"):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    def rebuild(self) -> None:
        """`yuanqu reindex` rewrites every document (see `services.reindex`)."""

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT coalesce(sum(length(block)), 0) FROM search_fts_data"
                " UNION ALL SELECT coalesce(sum(length(block)), 0) FROM search_fts_names_data"
            )
            return sum(row[0] for row in cursor.fetchall())
