"""Profile one page in-process: `python -m bench.profile PATH [--as USERNAME] [--scale small]`.

Requests PATH through Django's test client on the benchmark data set, first once to
warm caches, then --repeat times under pyinstrument, and prints the call tree, the
mean time per request and the queries of the last request with their time. PATH may
use {lesson} and {course} for the 50-lesson benchmark course's first lesson and page.
"""

import argparse
import json
import statistics
import sys
import time

from bench.run import RESULTS, setup_django


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--as", dest="username", help="sign in as this user (default: a learner)")
    parser.add_argument("--scale", default="small", choices=["small", "national"])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--method", default="GET", choices=["GET", "POST"])
    args = parser.parse_args(argv)

    setup_django(args.scale)
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pyinstrument import Profiler

    from curricula.models import CoursePage
    from lms.users.models import User

    made = json.loads((RESULTS / f"data-{args.scale}.json").read_text())
    course = CoursePage.objects.get(pk=made["lesson_course_id"])
    lesson = course.get_children().live().first()
    path = args.path.format(lesson=lesson.url, course=course.url)

    cache.clear()  # nothing left from an earlier data set
    client = Client(HTTP_HOST="127.0.0.1")
    user = (
        User.objects.get(username=args.username)
        if args.username
        else User.objects.get(pk=made["pool_user_ids"][0])
    )
    client.force_login(user)
    send = client.post if args.method == "POST" else client.get

    response = send(path)
    if response.status_code >= 400:
        print(f"{path}: HTTP {response.status_code}", file=sys.stderr)
        return 1

    times = []
    profiler = Profiler(interval=0.0005)
    for _round in range(args.repeat):
        profiler.start()
        started = time.perf_counter()
        send(path)
        times.append(time.perf_counter() - started)
        profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))

    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        send(path)
    database_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    print(
        f"{path} as {user.username}: mean {statistics.mean(times) * 1000:.1f} ms, "
        f"median {statistics.median(times) * 1000:.1f} ms over {args.repeat} "
        f"(profiler on); {len(queries)} queries, {database_ms:.1f} ms in the database"
    )
    for query in queries.captured_queries:
        print(f"  {float(query['time']) * 1000:6.1f} ms  {query['sql'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
