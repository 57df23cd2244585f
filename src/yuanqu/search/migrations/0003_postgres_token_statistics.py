from django.db import migrations


def finer(apps, schema_editor):
    """On PostgreSQL, statistics that list tokens down to about 0.15% of the rows (see
    `postgres.STATISTICS`), and the filter tags of the rows indexed so far among their bigrams,
    marked as `PostgresBackend.add` marks them."""
    from yuanqu.search.backends import postgres

    if schema_editor.connection.vendor == "postgresql":
        for statement in postgres.STATISTICS:
            schema_editor.execute(statement)
        schema_editor.execute(
            "UPDATE search_searchdocument SET grams_tsv = grams_tsv || array_to_tsvector(ARRAY("
            "  SELECT %s || tag FROM unnest(string_to_array(tags, ' ')) AS tag WHERE tag <> ''))"
            " WHERE grams_tsv IS NOT NULL AND tags <> ''",
            [postgres.TAG],
        )


def coarser(apps, schema_editor):
    from yuanqu.search.backends import postgres

    if schema_editor.connection.vendor == "postgresql":
        for statement in postgres.statistics(-1):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [migrations.RunPython(finer, coarser)]
