"""Lighthouse on the home, course, lesson and quiz pages, measured like a phone.

`make lighthouse` runs this. It prepares a site of its own as production runs it (a database
under var/lighthouse/ with the demo data, static files collected and compressed by
WhiteNoise, gunicorn), then runs the npm `lighthouse` package (package.json) with the
system Chromium, mobile emulation and simulated slow 4G. The pages are opened as the demo
learner sees them. The reports (HTML and JSON) go to test-artifacts/lighthouse/; the four
scores of each page are printed, and the exit status is 1 when one is under its target.

    .venv/bin/python scripts/lighthouse.py [--port 8765] [--keep-data]
"""

import argparse
import http.client
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "lighthouse"
REPORTS = ROOT / "test-artifacts" / "lighthouse"
PYTHON = sys.executable
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 95, "seo": 90}

# The pages to measure and a session of the demo learner, printed as JSON by Django.
PAGES_SCRIPT = """
import json
from django.test import Client
from assessments.models import Quiz
from curricula.models import CoursePage, LessonPage
from lms.users.models import User

quiz = Quiz.objects.live().filter(course__locale__language_code="th").order_by("pk").first()
course = CoursePage.objects.get(pk=quiz.course_id)
lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
client = Client()
client.force_login(User.objects.get(username="demo-learner"))
print(json.dumps({
    "pages": {
        "home": "/",
        "course": course.url,
        "lesson": lesson.url,
        "quiz": f"/quizzes/{quiz.pk}/",
    },
    "session": client.cookies["sessionid"].value,
}))
"""


def _environment(port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "lms.settings.production",
            "DJANGO_SECRET_KEY": env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(60),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": env.get("LIGHTHOUSE_DATABASE_URL", f"sqlite:///{WORK / 'db.sqlite3'}"),
            "CACHE_URL": "locmemcache://",
            "CELERY_BROKER_URL": "",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_STATIC_ROOT": str(WORK / "static"),
            "LMS_VAR_DIR": str(WORK),
            "LMS_SITE_URL": f"http://localhost:{port}",
            "LMS_LOG_FORMAT": "text",
            "LMS_OPERATION_LOGS": "false",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
    )
    env.setdefault("CHROME_PATH", "/usr/bin/chromium")
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SystemExit(f"manage.py {args[0]} failed")
    return result.stdout


def _wait_for_server(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise SystemExit(f"the site did not start on port {port}")


def _warm_up(port: int, found: dict) -> None:
    """Open each page a few times first, so that every worker has loaded the code and
    the templates: Lighthouse measures a running site, not its start."""
    for path in found["pages"].values():
        for _ in range(4):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", path, headers={"Cookie": f"sessionid={found['session']}"})
            connection.getresponse().read()
            connection.close()


ATTEMPTS = 3


def _lighthouse(env: dict[str, str], name: str, url: str, session: str) -> dict[str, int]:
    output = REPORTS / name
    command = [
        str(ROOT / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--quiet",
        "--output=json",
        "--output=html",
        f"--output-path={output}",
        "--form-factor=mobile",
        "--throttling-method=simulate",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--locale=th",
        f"--extra-headers={json.dumps({'Cookie': f'sessionid={session}'})}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    # Lighthouse sometimes loses the browser's trace of a load (NO_NAVSTART, "run Lighthouse
    # again"): a run that fails is made again, up to three times in all; the scores of a run
    # that completes are never retried.
    for attempt in range(1, ATTEMPTS + 1):
        done = subprocess.run(command, cwd=ROOT, env=env)
        if done.returncode == 0:
            break
        print(f"Lighthouse: {name} failed (attempt {attempt} of {ATTEMPTS})", flush=True)
    else:
        raise subprocess.CalledProcessError(done.returncode, command)
    report = json.loads(Path(f"{output}.report.json").read_text())
    return {
        key: round((report["categories"][key]["score"] or 0) * 100)
        for key in TARGETS
        if key in report["categories"]
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep-data", action="store_true", help="reuse var/lighthouse/")
    options = parser.parse_args()

    if not options.keep_data and WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True, exist_ok=True)
    REPORTS.mkdir(parents=True, exist_ok=True)
    env = _environment(options.port)
    print("Preparing the site (migrate, demo data, static files)...", flush=True)
    if not options.keep_data or not (WORK / "static").exists():
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "setup_platform")
        # A throwaway database of its own: the demo accounts are allowed here.
        _manage(env, "seed_demo", "--force")
    _manage(env, "collectstatic", "--noinput", "-v0")
    found = json.loads(_manage(env, "shell", "-c", PAGES_SCRIPT).strip().splitlines()[-1])

    server = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "lighthouse_wsgi",
            f"--pythonpath={ROOT},{ROOT / 'scripts'}",
            f"--bind=127.0.0.1:{options.port}",
            "--workers=2",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    results: dict[str, dict[str, int]] = {}
    try:
        _wait_for_server(options.port)
        base = f"http://localhost:{options.port}"
        _warm_up(options.port, found)
        for name, path in found["pages"].items():
            print(f"Lighthouse: {name} ({path})", flush=True)
            results[name] = _lighthouse(env, name, base + path, found["session"])
    finally:
        server.terminate()
        server.wait(timeout=30)

    failed = False
    header = f"{'page':<8}" + "".join(f"{key:>16}" for key in TARGETS)
    print("\n" + header)
    for name, scores in results.items():
        cells = []
        for key, target in TARGETS.items():
            score = scores.get(key, 0)
            low = score < target
            failed |= low
            cells.append(f"{score:>13}{' !' if low else '  '} ")
        print(f"{name:<8}" + "".join(cells))
    print("targets " + "".join(f"{'>= ' + str(t):>16}" for t in TARGETS.values()))
    print(f"Reports: {REPORTS}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
