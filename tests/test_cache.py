"""The scale path's cache: REDIS_URL switches cache and sessions to a real Redis server."""

import os
import socket
import subprocess
import sys

import pytest

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=2):
            return True
    except OSError:
        return False


def test_redis_url_puts_cache_and_sessions_in_redis(tmp_path):
    if not redis_reachable():
        if os.environ.get("CI") == "true":
            pytest.fail("Redis on 127.0.0.1:6379 is required on CI")
        pytest.skip("Redis on 127.0.0.1:6379 is not reachable")
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'yuanqu.settings'; django.setup()\n"
        "from django.conf import settings; from django.core.cache import cache\n"
        "cache.set('yuanqu-test', '园区', 30); print(cache.get('yuanqu-test'))\n"
        "print(settings.CACHES['default']['BACKEND']); print(settings.SESSION_ENGINE)\n"
        "cache.delete('yuanqu-test')\n"
    )
    env = os.environ | {"REDIS_URL": REDIS_URL, "YUANQU_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    value, backend, sessions = result.stdout.split()
    assert value == "园区"
    assert backend == "django.core.cache.backends.redis.RedisCache"
    assert sessions == "django.contrib.sessions.backends.cached_db"
