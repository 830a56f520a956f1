"""Load benchmarks: `python -m bench.run [--national] [--only http,bursts,pages,certificates]`.

Serves the site with gunicorn on the benchmark database and measures it with wrk
(steady load) and locust (classroom bursts), each against a baseline measured in
the same run. Prints a Markdown table and writes var/bench/results-<time>.json.

Quick set (`make bench`, small data): signed-in lesson page vs the trivial view at 8
and 32 connections, classroom bursts, learner pages, reports, certificate throughput.
With --national: learner pages on the national data set against the small one, and
the reports on the national data set.
"""

import argparse
import contextlib
import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.report import machine, markdown

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RESULTS = ROOT / "var" / "bench"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
GUNICORN_WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1))))
WRK_SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def django_env(scale: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        BENCH_SCALE=scale,
        PYTHONPATH=str(ROOT),
    )
    env.pop("DATABASE_URL", None)
    env.pop("CELERY_BROKER_URL", None)
    return env


def setup_django(scale: str) -> None:
    """Point this process's Django at the data set of `scale` (a fresh connection)."""
    os.environ.update(django_env(scale))
    import django
    from django.apps import apps
    from django.conf import settings

    if not apps.ready:
        django.setup()
    from django.db import connections

    connections.close_all()
    database = f"lms_bench_{scale}"
    settings.DATABASES["default"]["NAME"] = database
    connections["default"].settings_dict["NAME"] = database


def clear_task_queue() -> None:
    """Empty the queue the benchmarked site sends tasks to (no worker reads it), and the
    cache, which may hold outlines of a data set generated since."""
    from django.conf import settings
    from django.core.cache import cache

    import redis

    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()
    cache.clear()


# --- the server ----------------------------------------------------------------------------


@contextlib.contextmanager
def gunicorn(scale: str):
    """gunicorn with sync workers (2 per core), as production runs it, on 127.0.0.1:PORT."""
    command = [
        str(BIN / "gunicorn"),
        "lms.wsgi:application",
        "--bind",
        f"127.0.0.1:{PORT}",
        "--workers",
        str(GUNICORN_WORKERS),
        "--worker-class",
        "sync",
        "--backlog",
        "2048",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=django_env(scale))
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2) as r:  # noqa: S310
                    if r.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.3)
        yield f"http://127.0.0.1:{PORT}"
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- who signs in --------------------------------------------------------------------------


def sessions_for(user_ids: list[int]) -> list[str]:
    """A signed-in session cookie (`name=value`) per user, made as a login would."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from lms.users.middleware import MUST_CHANGE_PASSWORD_SESSION_KEY
    from lms.users.models import User

    # The site's own session engine (cached_db: in the shared cache and the database).
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore  # noqa: N806
    cookies = []
    for user in User.objects.filter(pk__in=user_ids).order_by("pk"):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session[MUST_CHANGE_PASSWORD_SESSION_KEY] = user.must_change_password
        session.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    return cookies


def check_targets(base: str, targets: list[tuple[str, str]], sample: int = 20) -> None:
    """Every benchmarked URL must answer 200 for its learner: a redirect to the login
    page or an error would make the figures meaningless."""
    step = max(1, len(targets) // sample)
    for path, cookie in targets[::step]:
        request = urllib.request.Request(base + path, headers={"Cookie": cookie})  # noqa: S310
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            final = response.geturl()
            if response.status != 200 or "/accounts/login" in final:
                raise RuntimeError(f"{path} answered {response.status} at {final}")


# --- wrk -----------------------------------------------------------------------------------


def wrk(base: str, targets: list[tuple[str, str]], *, connections: int, seconds: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as handle:
        for path, cookie in targets:
            handle.write(f"{path}\t{cookie}\n")
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "60s",
        "-s",
        str(ROOT / "bench" / "wrk.lua"),
        base,
        "--",
        handle.name,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(handle.name)
    line = next(line for line in output.splitlines() if line.startswith("WRK_JSON "))
    result = json.loads(line.removeprefix("WRK_JSON "))
    result["requests_per_s"] = round(result["requests"] / result["seconds"], 1)
    result["connections"] = connections
    return result


def steady(base, name: str, targets, *, connections: int, seconds: int = WRK_SECONDS) -> dict:
    wrk(base, targets, connections=connections, seconds=2)  # warm the workers' caches
    result = wrk(base, targets, connections=connections, seconds=seconds)
    log(
        f"{name} @{connections}: {result['requests_per_s']} req/s, "
        f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms, "
        f"errors {result['non_2xx_or_3xx'] + result['socket_errors']}"
    )
    return {"name": name, **result}


# --- the benchmarks ------------------------------------------------------------------------


def learner_targets(made: dict, cookies: list[str]) -> dict[str, list[tuple[str, str]]]:
    from curricula.models import CoursePage, LessonPage

    course = CoursePage.objects.get(pk=made["lesson_course_id"])
    lessons = [page.url for page in LessonPage.objects.child_of(course).live().order_by("path")]
    return {
        "lesson": [(lessons[i % 10], cookie) for i, cookie in enumerate(cookies)],
        "trivial": [("/bench/trivial/", cookie) for cookie in cookies],
        "dashboard": [("/learn/", cookie) for cookie in cookies],
        "course": [(course.url, cookie) for cookie in cookies],
    }


def staff_targets(made: dict) -> dict[str, list[tuple[str, str]]]:
    from lms.users.models import User

    national = sessions_for([User.objects.get(username="demo-admin").pk])[0]
    centre = sessions_for([User.objects.get(username="bench-centre-admin").pk])[0]
    reports = [
        "/centre/reports/?by=province",
        "/centre/reports/?by=track",
        "/centre/reports/?by=month",
        "/centre/reports/?by=centre",
    ]
    return {
        "national report": [(path, national) for path in reports],
        "centre report": [(path, centre) for path in reports],
    }


def bench_http(base: str, made: dict, cookies: list[str]) -> dict:
    targets = learner_targets(made, cookies)
    check_targets(base, targets["lesson"])
    runs = []
    for connections in (8, 32):
        trivial = steady(base, "trivial view", targets["trivial"], connections=connections)
        lesson = steady(base, "lesson page", targets["lesson"], connections=connections)
        runs.append(
            {
                "connections": connections,
                "trivial": trivial,
                "lesson": lesson,
                "throughput_ratio": round(lesson["requests_per_s"] / trivial["requests_per_s"], 3),
            }
        )
    return {"runs": runs}


def bench_pages(
    base: str, made: dict, cookies: list[str], *, reports: bool, rounds: int = 5
) -> dict:
    """Learner pages (and staff reports) at a light load: how long one page takes."""
    targets = learner_targets(made, cookies)
    pages = {}
    for name in ("dashboard", "course", "lesson"):
        check_targets(base, targets[name])
        pages[name] = steady(base, name, targets[name], connections=4, seconds=10)
    if reports:
        for name, report_targets in staff_targets(made).items():
            pages[name] = sample(base, name, report_targets, rounds=rounds)
    return pages


def sample(base: str, name: str, targets: list[tuple[str, str]], *, rounds: int) -> dict:
    """Requests one at a time, each URL `rounds` times: for pages too slow for wrk's load."""
    timings = []
    for _round in range(rounds):
        for path, cookie in targets:
            request = urllib.request.Request(base + path, headers={"Cookie": cookie})  # noqa: S310
            started = time.monotonic()
            with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310
                response.read()
                if response.status != 200 or "/accounts/login" in response.geturl():
                    raise RuntimeError(f"{path} answered {response.status}")
            timings.append((time.monotonic() - started) * 1000)
    timings.sort()

    def percentile(p: float) -> float:
        return round(timings[min(len(timings) - 1, int(p / 100 * len(timings)))], 1)

    result = {
        "name": name,
        "requests": len(timings),
        "p50_ms": percentile(50),
        "p95_ms": percentile(95),
        "max_ms": round(timings[-1], 1),
    }
    log(f"{name}: {len(timings)} requests, p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms")
    return result


def locust_burst(base: str, made: dict, cookies: list[str], *, learners: int, seconds: int) -> dict:
    """`learners` learners arrive over `seconds` seconds and each takes the quiz once."""
    folder = Path(tempfile.mkdtemp(prefix="bench-burst-"))
    sessions = folder / "sessions.txt"
    sessions.write_text("\n".join(cookies[:learners]) + "\n")
    env = dict(os.environ, BENCH_SESSIONS=str(sessions), BENCH_QUIZ_ID=str(made["quiz_id"]))
    env["BENCH_LEARNERS"] = str(learners)
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--host",
        base,
        "--users",
        str(learners),
        "--spawn-rate",
        str(learners / seconds),
        "--run-time",
        "180s",
        "--csv",
        str(folder / "burst"),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    started = time.monotonic()
    subprocess.run(command, env=env, check=False, capture_output=True, text=True, timeout=240)
    elapsed = time.monotonic() - started
    rows = {}
    with open(folder / "burst_stats.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] in {"start", "save", "submit", "quiz page"}:
                rows[row["Name"]] = {
                    "requests": int(row["Request Count"]),
                    "errors": int(row["Failure Count"]),
                    "p50_ms": float(row["50%"]),
                    "p95_ms": float(row["95%"]),
                    "max_ms": float(row["Max Response Time"]),
                }
    failures = []
    failures_csv = folder / "burst_failures.csv"
    if failures_csv.exists():
        with open(failures_csv, encoding="utf-8") as handle:
            failures = [dict(row) for row in csv.DictReader(handle)][:10]
    shutil.rmtree(folder, ignore_errors=True)
    result = {
        "learners": learners,
        "arrival_seconds": seconds,
        "elapsed_s": round(elapsed, 1),
        "steps": rows,
        "errors": sum(step["errors"] for step in rows.values()),
        "failures": failures,
    }
    log(
        f"burst {learners} over {seconds}s: errors {result['errors']}, "
        + ", ".join(f"{n} p95 {s['p95_ms']} ms" for n, s in rows.items())
    )
    return result


def graded_attempts(made: dict) -> int:
    from assessments.models import QuizAttempt

    return QuizAttempt.objects.filter(
        quiz_id=made["quiz_id"], user_id__in=made["pool_user_ids"], submitted_at__isnull=False
    ).count()


def bench_bursts(base: str, made: dict, cookies: list[str]) -> dict:
    before = graded_attempts(made)
    one_class = locust_burst(base, made, cookies, learners=30, seconds=1)
    arrivals = locust_burst(base, made, cookies[30:], learners=200, seconds=10)
    graded = graded_attempts(made) - before
    log(f"attempts graded in the database: {graded} of {30 + 200}")
    return {"one_class": one_class, "two_hundred": arrivals, "graded_attempts": graded}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--national", action="store_true", help="also measure the national data set"
    )
    parser.add_argument(
        "--only", default="http,bursts,pages,certificates", help="comma-separated parts to run"
    )
    parser.add_argument(
        "--renders",
        type=int,
        help="renders for one worker (default 300; 1,000 with --national, as the targets ask)",
    )
    args = parser.parse_args(argv)
    if args.renders is None:
        args.renders = 1000 if args.national else 300
    parts = set(args.only.split(","))
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian package wrk); `make bench` installs it.")

    setup_django("small")
    from bench.data_base import load_made

    made = load_made("small")
    if made is None:
        raise SystemExit("No small data set: run `make bench-data SCALE=small` first.")
    results: dict = {
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(GUNICORN_WORKERS),
        "data": {"small": {k: v for k, v in made.items() if not k.endswith("_ids")}},
    }
    started = time.monotonic()
    clear_task_queue()
    cookies = sessions_for(made["pool_user_ids"])
    if parts & {"http", "bursts", "pages"}:
        with gunicorn("small") as base:
            if "http" in parts:
                results["http"] = bench_http(base, made, cookies)
            if "bursts" in parts:
                results["bursts"] = bench_bursts(base, made, cookies)
            if "pages" in parts:
                results.setdefault("pages", {})["small"] = bench_pages(
                    base, made, cookies, reports=True
                )
    if args.national and "pages" in parts:
        national = load_made("national")
        if national is None:
            raise SystemExit("No national data set: run `make bench-data SCALE=national` first.")
        results["data"]["national"] = {k: v for k, v in national.items() if not k.endswith("_ids")}
        setup_django("national")
        national_cookies = sessions_for(national["pool_user_ids"])
        with gunicorn("national") as base:
            results["pages"]["national"] = bench_pages(
                base, national, national_cookies, reports=True, rounds=2
            )
        small_pages, national_pages = results["pages"]["small"], results["pages"]["national"]
        results["national_vs_small"] = {
            f"{name} page": round(national_pages[name]["p50_ms"] / small_pages[name]["p50_ms"], 2)
            for name in ("dashboard", "course", "lesson")
        }
        setup_django("small")
    if "certificates" in parts:
        from bench.certificates import bench_certificates

        results["certificates"] = bench_certificates(made, renders=args.renders)
    results["seconds"] = round(time.monotonic() - started, 1)

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"results-{stamp}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2))
    table = markdown(results)
    (RESULTS / f"results-{stamp}.md").write_text(table + "\n")
    print(table)
    print(f"\nResults: {path.relative_to(ROOT)} ({results['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
