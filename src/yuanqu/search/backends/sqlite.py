"""SQLite FTS5 over the pre-analysed columns of search_searchdocument (external content: the
text is stored once). The unicode61 tokenizer splits at the spaces between our tokens and keeps
each Chinese word or bigram whole; `_` joins the words of a tag.

Two FTS tables: `search_fts` for articles (hundreds of thousands), `search_fts_names` for parks
and enterprises (a few thousand): counting a park tab never walks the articles' lists.

Each stage of a search is evaluated once: its newest ROWS matches (newest first, so that a common
term stops early) serve its count and first pages. When they are all of its matches, titles that
hold the query come first, newer first; past ROWS the stage is common and listed newest first.

A query is costly when its tokens are common (有限 公司 in most documents) and their combination is
rare: FTS5 then walks every page of the common tokens' lists, at a million articles tens of
milliseconds. So when some of a query's tokens are rare — fewer than DRIVER_CAP documents,
counted with a cap for a fraction of a millisecond each — the three rarest lead the query alone
and every part of it is confirmed in the few stored texts they lead to (instr()); the meaning is
kept. When every token is common the query is asked as it is: its matches are then dense, and the
newest of them are found after reading a little of each list.
"""

from django.db import connection

from .base import ROWS, Query, SearchBackend, Stage, key_range

COLUMNS = ("title_words", "title_grams", "body_words", "body_grams", "tags")
TABLES = {"article": "search_fts", "park": "search_fts_names", "enterprise": "search_fts_names"}
CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5("
    + ", ".join(COLUMNS)
    + ", content='search_searchdocument', content_rowid='sort_key',"
    " tokenize=\"unicode61 tokenchars '_'\")"
    for table in ("search_fts", "search_fts_names")
]
DROP = ["DROP TABLE IF EXISTS search_fts", "DROP TABLE IF EXISTS search_fts_names"]
DRIVER_CAP = 5000  # documents: a token in fewer is rare enough to lead a query
DRIVERS = 3


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


def words(query: Query) -> list[str]:
    """The query's words, without those inside another of them (有限 inside 有限公司)."""
    return [w for w in query.words if not any(w != o and w in o for o in query.words)]


def _columns(stage: str) -> str:
    return "{title_grams body_grams}" if stage == "phrase" else "{title_words body_words}"


def match(query: Query, stage: str, drivers=()) -> str:
    """The MATCH expression of a stage: its phrases (or words), or the rare tokens standing for
    them; with the filter tags."""
    columns = _columns(stage)
    if drivers:
        groups = [[token] for token in drivers]
    elif stage == "phrase":
        groups = query.phrases
    else:
        groups = [[w] for w in words(query)]
    expression = _all([f"{columns} : {_quoted(tokens)}" for tokens in groups])
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
                sql = (
                    f"INSERT INTO {table}({table}, rowid, {columns})"
                    f" VALUES ('{command}', %s, %s, %s, %s, %s, %s)"
                )
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

    def _drivers(self, query: Query, table: str) -> list[str]:
        """The rarest bigrams of the query (fewer than DRIVER_CAP documents each, at most DRIVERS
        of them), or none when it is better asked as it is; worked out once per query."""
        key = ("drivers", table)
        if key not in query.memo:
            tokens = [t for p in query.phrases for t in p]
            query.memo[key] = []
            if len(tokens) > 1 and not any(t.endswith("*") for t in tokens):
                counts = []
                with connection.cursor() as cursor:
                    for token in dict.fromkeys(tokens):
                        cursor.execute(
                            f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH %s"
                            " LIMIT %s)",
                            [_grams([token]), DRIVER_CAP],
                        )
                        counts.append((cursor.fetchone()[0], token))
                rare = sorted(c for c in counts if c[0] < DRIVER_CAP)
                query.memo[key] = [token for _, token in rare[:DRIVERS]]
        return query.memo[key]

    def _led(self, query: Query, stage: str) -> Stage | None:
        """A stage found through the query's rare bigrams: one pass over the documents holding
        them, newest first, tells which hold the text of every part (the phrase stage), which
        hold every word (the words stage, when each rare bigram lies inside a word), and which
        hold them in the title. None when every bigram is common."""
        table = TABLES[query.kind]
        memo = ("led", query.kind)  # the other tabs' queries share the memo
        if memo not in query.memo:
            query.memo[memo] = None
            drivers = self._drivers(query, table)
            if drivers:
                query.memo[memo] = self._scan(query, table, drivers)
        found = query.memo[memo]
        return found.get(stage) if found else None

    def _scan(self, query: Query, table: str, drivers: list[str]) -> dict[str, Stage]:
        ws = words(query)
        with_words = all(any(d in w for w in ws) for d in drivers)

        def title(texts):
            return " AND ".join(["instr(d.aliases, %s) > 0"] * len(texts)) or "1"

        def anywhere(texts):
            return (
                " AND ".join(["(instr(d.aliases, %s) > 0 OR instr(d.body, %s) > 0)"] * len(texts))
                or "1"
            )

        def doubled(texts):
            return [value for text in texts for value in (text, text)]

        kept = ws if with_words else query.parts  # every phrase match holds every word too
        table, where, params = self._where(query, "phrase", drivers)
        sql = (
            f"SELECT {table}.rowid, {anywhere(query.parts)}, {title(query.parts)}, {title(ws)}"
            f" FROM {table} JOIN search_searchdocument AS d ON d.sort_key = {table}.rowid"
            f" WHERE {where} AND {anywhere(kept)} ORDER BY {table}.rowid DESC"
        )
        params = [*doubled(query.parts), *query.parts, *ws, *params, *doubled(kept)]
        phrase, words_found = Stage(), Stage()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for key, exact, exact_in_title, words_in_title in cursor:
                if exact:
                    phrase.keys.append(key)
                    if exact_in_title:
                        phrase.titled.add(key)
                    if len(phrase.keys) >= ROWS:  # common: listed newest first, no words stage
                        phrase.complete = words_found.complete = False
                        break
                words_found.keys.append(key)
                if words_in_title:
                    words_found.titled.add(key)
        return {"phrase": phrase, "words": words_found} if with_words else {"phrase": phrase}

    def _where(self, query: Query, stage: str, drivers=()) -> tuple[str, str, list]:
        """(table, where, params) of a stage's matches: the query as it is, or its rare tokens."""
        table = TABLES[query.kind]
        where = f"{table} MATCH %s AND {table}.rowid >= %s AND {table}.rowid < %s"
        return table, where, [match(query, stage, drivers), *key_range(query)]

    def _stage(self, query: Query, stage: str, needed: int) -> Stage:
        """A stage's newest ROWS matches, led by rare bigrams or asked as it is (FTS5 hands them
        over newest first at little cost, so all ROWS are kept, whatever the page needs); which
        of them hold the whole query in the title is worked out when they are all its matches."""
        led = self._led(query, stage)
        if led is not None:
            return led
        table, where, params = self._where(query, stage)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {table} WHERE {where} ORDER BY rowid DESC LIMIT %s",
                [*params, ROWS],
            )
            found = Stage(keys=[row[0] for row in cursor.fetchall()])
            found.complete = len(found.keys) < ROWS
            texts = query.parts if stage == "phrase" else words(query)
            if found.complete and found.keys:
                cursor.execute(
                    "SELECT sort_key FROM search_searchdocument WHERE sort_key IN"
                    f" ({', '.join(['%s'] * len(found.keys))}) AND "
                    + (" AND ".join(["instr(aliases, %s) > 0"] * len(texts)) or "0"),
                    [*found.keys, *texts],
                )
                found.titled = {row[0] for row in cursor.fetchall()}
        return found

    def _page(self, query, stage, *, limit, offset, exclude) -> list[int]:
        table, where, params = self._where(query, stage)
        if exclude:
            where += f" AND rowid NOT IN ({', '.join(['%s'] * len(exclude))})"
            params += list(exclude)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {table} WHERE {where} ORDER BY rowid DESC LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return [row[0] for row in cursor.fetchall()]

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
