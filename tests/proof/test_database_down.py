"""PostgreSQL unreachable: a real process whose database URL points at a closed port.
Pages answer with the friendly bilingual 503 page, never a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Pages that need data must say the service is down; the rest may still answer.
NEED_DATA = [
    "/",
    "/courses/",
    "/search/?q=ออนไลน์",
    "/en/courses/",
    "/certificates/verify/ABCDEFGHJKMNPQRSTVWX/",
]
MAY_ANSWER = ["/accounts/login/", "/learn/"]
PAGES = NEED_DATA + MAY_ANSWER


def test_pages_answer_with_a_friendly_503_when_the_database_is_down(tmp_path):
    script = (
        "import django, json, sys; django.setup();"
        "from django.test import Client;"
        "c = Client(raise_request_exception=False);"
        "out = {};"
        f"pages = {PAGES!r};"
        "[out.__setitem__(p, (lambda r: [r.status_code, r.get('Retry-After', ''),"
        " r.content.decode()])(c.get(p))) for p in pages];"
        "print(json.dumps(out))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere",
        "LMS_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for page in MAY_ANSWER:
        status, _retry_after, body = answers[page]
        # The login form and the redirect to it need no database.
        assert status in (200, 302, 503), page
        assert "Traceback" not in body, page
    for page in NEED_DATA:
        status, retry_after, body = answers[page]
        assert status == 503, page
        assert retry_after == "30", page
        assert "ระบบไม่พร้อมให้บริการชั่วคราว" in body, page
        assert "Temporarily unavailable" in body, page
        assert "Traceback" not in body and "OperationalError" not in body, page
