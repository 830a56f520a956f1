import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lms.celery import app as celery_app
from tests.celery_broker import broker_connections_reset, broker_url_set

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("LMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def real_broker(settings):
    """Point the Celery app at a broker for the duration of a test."""

    def use(url):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        settings.CELERY_BROKER_URL = url
        broker_url_set(url)
        broker_connections_reset()

    original = celery_app.conf.broker_url
    yield use
    broker_url_set(original)
    broker_connections_reset()


@pytest.mark.django_db
def test_healthy_in_process(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["task_queue"] == {"ok": True, "detail": "in-process"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthy_with_real_redis_broker(client, real_broker):
    real_broker(REDIS_URL)
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()
    assert response.json()["checks"]["task_queue"]["ok"] is True


@pytest.mark.django_db
def test_broker_down_gives_503_naming_the_task_queue(client, real_broker):
    real_broker("redis://127.0.0.1:1/0")  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["failing"] == ["task_queue"]
    assert body["checks"]["database"]["ok"] is True


def test_database_down_gives_503_naming_the_database(tmp_path):
    """A real process whose database is unreachable (PostgreSQL URL on a closed port)."""
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere",
        "LMS_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert outcome["body"]["failing"] == ["database"]
