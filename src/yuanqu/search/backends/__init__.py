"""The search backend, chosen by settings and loaded here, in one place: views and services never
ask which database runs. ``YUANQU_SEARCH_BACKEND`` names a class; "auto" (the default) takes the
one for the configured database: SQLite FTS5, or PostgreSQL full text."""

from functools import cache

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

AUTO = {
    "sqlite": "yuanqu.search.backends.sqlite.SQLiteBackend",
    "postgresql": "yuanqu.search.backends.postgres.PostgresBackend",
}


@cache
def _load(path: str):
    return import_string(path)()


def get_backend():
    path = settings.YUANQU_SEARCH_BACKEND
    return _load(AUTO[connection.vendor] if path == "auto" else path)
