"""Production settings: refuse to start without a secret, pass the deploy checklist."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SANE_ENV = {
    "DJANGO_SETTINGS_MODULE": "lms.settings.production",
    "DJANGO_SECRET_KEY": "k" * 20 + "-production-secret-from-the-environment-0123456789",
    "DJANGO_ALLOWED_HOSTS": "learn.example.go.th",
    "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:////tmp/lms-deploy-check.sqlite3"),
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "CACHE_URL": "rediscache://127.0.0.1:6379/1",
}


def run(args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_", "CACHE_"))
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in SANE_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run(["manage.py", "check"], {**SANE_ENV, "DJANGO_SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    env = {k: v for k, v in SANE_ENV.items() if k != "CACHE_URL"}
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr


def test_check_deploy_reports_nothing():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], SANE_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    # Logs for operations only: no WeasyPrint steps, no library narrating at INFO.
    assert "Step" not in result.stderr
    assert '"level": "INFO"' not in result.stderr


def test_defaults_are_sqlite_and_in_process(tmp_path):
    script = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.DEBUG,"
        f" s.LANGUAGE_CODE, s.TIME_ZONE, str(s.DATABASES['default']['NAME']).startswith({str(tmp_path)!r}))"
    )
    result = run(
        ["-c", script], {"DJANGO_SETTINGS_MODULE": "lms.settings.dev", "LMS_VAR_DIR": str(tmp_path)}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "True",
        "True",
        "th",
        "Asia/Bangkok",
        "True",
    ]


def test_environment_selects_postgresql_and_a_real_broker():
    script = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.CELERY_BROKER_URL)"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        "DATABASE_URL": "postgres://u@db.internal:5432/lms",
        "CELERY_BROKER_URL": "redis://broker.internal:6379/0",
    }
    result = run(["-c", script], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "False",
        "redis://broker.internal:6379/0",
    ]


def stored_where(env) -> dict:
    script = (
        "import json; from django.conf import settings; "
        "print(json.dumps({k: settings.STORAGES[k] for k in ('default', 'certificates')}))"
    )
    result = run(["-c", script], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_files_in_an_s3_compatible_store_when_a_bucket_is_named():
    """Several nodes share uploads and certificates through one object store; by default a
    directory (one machine, or one shared mount)."""
    assert {s["BACKEND"] for s in stored_where(SANE_ENV).values()} == {
        "django.core.files.storage.FileSystemStorage"
    }
    stores = stored_where(
        {
            **SANE_ENV,
            "LMS_S3_MEDIA_BUCKET": "lms-media",
            "LMS_S3_CERTIFICATES_BUCKET": "lms-certificates",
            "LMS_S3_ENDPOINT_URL": "https://s3.example.go.th",
        }
    )
    media, certificates = stores["default"], stores["certificates"]
    assert media["BACKEND"] == certificates["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "lms-media"
    assert media["OPTIONS"]["querystring_auth"] is False  # public images in lessons
    assert certificates["OPTIONS"]["bucket_name"] == "lms-certificates"
    assert certificates["OPTIONS"]["querystring_auth"] is True  # private: signed addresses
    assert certificates["OPTIONS"]["default_acl"] == "private"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.example.go.th"
