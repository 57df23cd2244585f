from django.db import migrations


def finer(apps, schema_editor):
    """On PostgreSQL, statistics that list tokens down to about 0.15% of the rows (see
    `postgres.STATISTICS`); the filter tags join the bigram vectors at the next `reindex`."""
    from yuanqu.search.backends import postgres

    if schema_editor.connection.vendor == "postgresql":
        for statement in postgres.STATISTICS:
            schema_editor.execute(statement)


def coarser(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in ("grams_tsv", "words_tsv"):
            schema_editor.execute(
                f"ALTER TABLE search_searchdocument ALTER COLUMN {column} SET STATISTICS -1"
            )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [migrations.RunPython(finer, coarser)]
