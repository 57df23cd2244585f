import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Templates resolve {% static %} without a collectstatic manifest in tests."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate limits count per client address in a cache: each test starts from zero."""
    from django.core.cache import caches

    caches["ratelimit"].clear()
