import os
import stat
import subprocess
import sys


def settings_in(env: dict, tmp_path) -> subprocess.CompletedProcess:
    """Import the settings in a fresh interpreter with exactly these variables."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("YUANQU_", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"))
    }
    clean |= {"YUANQU_DATA_DIR": str(tmp_path / "data")} | env
    code = (
        "import yuanqu.settings as s; print(s.SECRET_KEY); print(s.DATABASES['default']['ENGINE'])"
    )
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True)


def test_embedded_default_generates_a_private_key_once(tmp_path):
    first = settings_in({}, tmp_path)
    assert first.returncode == 0, first.stderr
    key, engine = first.stdout.split()
    assert len(key) >= 50 and engine.endswith("sqlite3")
    key_file = tmp_path / "data" / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert settings_in({}, tmp_path).stdout.split()[0] == key


def test_production_refuses_to_start_without_a_secret_key_or_hosts(tmp_path):
    result = settings_in({"YUANQU_ENV": "production"}, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "ALLOWED_HOSTS" in result.stderr
    assert not (tmp_path / "data" / "secret_key").exists()
    debug = settings_in(
        {
            "YUANQU_ENV": "production",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "a.cn",
            "YUANQU_DEBUG": "1",
        },
        tmp_path,
    )
    assert debug.returncode != 0 and "YUANQU_DEBUG" in debug.stderr


def test_database_url_selects_postgresql(tmp_path):
    result = settings_in({"DATABASE_URL": "postgres://u@db.invalid:5432/yq"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "django.db.backends.postgresql"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='yuanqu.settings'; django.setup();"
        "from django.db import connection; c=connection.cursor();"
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], c.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "YUANQU_DATA_DIR": str(tmp_path)
    }
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.stdout.split() == ["wal", "20000"], result.stderr


def production(tmp_path, **env) -> subprocess.CompletedProcess:
    code = (
        "import yuanqu.settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    base = {"YUANQU_ENV": "production", "ALLOWED_HOSTS": "yuanqu.example.cn"}
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("YUANQU_", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"))
    }
    env = clean | {"YUANQU_DATA_DIR": str(tmp_path / "data")} | base | env
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_production_refuses_a_weak_secret_key_and_requires_https(tmp_path):
    for weak in ("changeme", "a" * 60):
        refused = production(tmp_path, SECRET_KEY=weak)
        assert refused.returncode != 0 and "SECRET_KEY is too weak" in refused.stderr
    strong = production(tmp_path, SECRET_KEY="k9Xr" + "QwErTyUiOp" * 5)
    assert strong.returncode == 0, strong.stderr
    assert strong.stdout.split() == ["True", "31536000", "True", "True"]
    without_tls = production(tmp_path, SECRET_KEY="k9Xr" + "QwErTyUiOp" * 5, YUANQU_HTTPS="off")
    assert without_tls.stdout.split() == ["False", "0", "False", "False"]
