from io import StringIO

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as `yuanqu init` leaves it: regions, parks, roles, the search index of
    parks (loaded once; tests roll back what they write)."""
    from yuanqu.seed import seed_all

    with django_db_blocker.unblock():
        seed_all()


@pytest.fixture(scope="module")
def demo_corpus(django_db_setup, django_db_blocker):
    """The demo corpus, published, read and indexed, loaded once per test module: the module's
    tests run inside one outer transaction that is rolled back after the last of them, each
    test in a savepoint of its own (as Django's `TestCase.setUpTestData` does). Tests of a
    module that uses it must not need an empty database."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import TestCase

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Templates resolve {% static %} without a collectstatic manifest in tests."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Rate limits count in a cache, and pages are cached: each test starts from empty caches."""
    from django.core.cache import caches

    caches["ratelimit"].clear()
    caches["default"].clear()
