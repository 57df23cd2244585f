from django.db import migrations


def create(apps, schema_editor):
    """The full-text index of the database in use: FTS5 tables on SQLite, tsvector columns with
    GIN indexes on PostgreSQL."""
    from yuanqu.search.backends import postgres, sqlite

    statements = {"sqlite": sqlite.CREATE, "postgresql": postgres.CREATE}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    from yuanqu.search.backends import postgres, sqlite

    statements = {"sqlite": sqlite.DROP, "postgresql": postgres.DROP}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
