"""Migration 0003 on PostgreSQL: rows indexed before it get their filter tags among their
bigrams, marked as the backend marks them, so that a filtered phrase still finds them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from yuanqu.search.backends import postgres

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("search", target)])


def test_rows_indexed_before_0003_get_their_tags_among_their_bigrams():
    if connection.vendor != "postgresql":
        pytest.skip("the bigram vectors are PostgreSQL's")
    migrate("0002_full_text_index")
    try:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_searchdocument")  # the seed's parks: ours alone
            cursor.execute(
                "INSERT INTO search_searchdocument (kind, object_id, sort_key, title, aliases,"
                " body, url, source_name, title_words, title_grams, body_words, body_grams, tags,"
                " grams_tsv, words_tsv) VALUES ('article', 1, 99, '', '', '', '/', '', '', '', '',"
                " '', 'kind_article  prov_js', '''常州''', '''常州'''), ('park', 2, 98, '', '', '',"
                " '/', '', '', '', '', '', '', '''园区''', '''园区''')"
            )
        migrate("0003_postgres_token_statistics")
        with connection.cursor() as cursor:
            cursor.execute("SELECT grams_tsv::text FROM search_searchdocument ORDER BY object_id")
            rows = [row[0] for row in cursor.fetchall()]
            cursor.execute(
                "SELECT attstattarget FROM pg_attribute WHERE attname = 'grams_tsv'"
                " AND attrelid = 'search_searchdocument'::regclass"
            )
            target = cursor.fetchone()[0]
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_searchdocument")
        migrate("0003_postgres_token_statistics")
    tag = postgres.TAG
    assert rows == [f"'{tag}kind_article' '{tag}prov_js' '常州'", "'园区'"]
    assert target == 1000
