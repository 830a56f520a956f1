"""Reports, exports and the admins' charts read from a real streaming replica
(scripts/replica); learners' pages never do; a lagging or dying replica gives way to the
primary and the person still gets their report.

The rows are committed on the primary (transactional tests) and reach the replica
through PostgreSQL's own streaming. The summary line counts the reads on the replica,
the fallbacks and the errors of these tests.
"""

import logging
import time

from django.db import connections
from django.urls import reverse
from django.utils import timezone

import pytest

from lms.core import db_routing
from lms.core.db_routing import LAG_SQL, REPLICA
from lms.learning.models import Enrollment
from lms.learning.services import enrollment_create
from lms.reports.exports import report_csv
from lms.reports.reports import ReportFilters, centre_report
from lms.users.models import User
from tests import replica_server
from tests.assessments.factories import make_quiz, true_false

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


@pytest.fixture(scope="session")
def replica_session(django_db_setup):
    replica_server.session_start()
    yield
    replica_server.session_end()


@pytest.fixture(scope="module", autouse=True)
def replica_alias(replica_session):
    """The "replica" alias exists while this module's tests run, and only then: other tests
    read everything from the primary. (Module scope: it must exist before the test case
    that lists it among its databases is set up.)"""
    replica_server.alias_add()
    yield
    replica_server.alias_remove()


class Counts:
    def __init__(self):
        self.replica_reads = 0
        self.fallbacks = 0
        self.errors = 0


@pytest.fixture
def replica(replica_session, transactional_db, settings, caplog, record_property):
    """The "replica" alias for one test, the replica to itself (see tests/replica_server)."""
    counts = Counts()
    settings.DATABASE_REPLICA_MAX_LAG = 30
    caplog.set_level(logging.WARNING, logger="lms.core.db_routing")
    with replica_server.exclusive():
        replica_server.ensure_running()
        db_routing.forget_replica_health()
        try:
            yield counts
        finally:
            connections[REPLICA].close()
            db_routing.forget_replica_health()
            if replica_server.running():
                replica_server.replay_resume()
    counts.fallbacks = sum(
        "Heavy reads use the primary" in record.getMessage()
        for record in caplog.get_records("call")
    )
    record_property(
        "counts",
        {
            "replica reads": counts.replica_reads,
            "replica fallbacks": counts.fallbacks,
            "replica errors": counts.errors,
        },
    )


def get(client, counts: Counts, url: str, params=None):
    """GET `url`; returns the response and the queries it made on the replica."""
    reads = []

    def record(execute, sql, params, many, context):
        if sql != LAG_SQL:
            reads.append(sql)
        return execute(sql, params, many, context)

    # An execute wrapper, unlike CaptureQueriesContext, does not connect to a stopped replica.
    with connections[REPLICA].execute_wrapper(record):
        response = client.get(url, params or {})
    if response.status_code >= 500:
        counts.errors += 1
    counts.replica_reads += len(reads)
    return response, reads


def national_report_csv(world) -> bytes:
    return report_csv(
        centre_report(user=world.national, dimension="centre", filters=ReportFilters())
    )


def enrol_someone(world, username: str) -> None:
    learner = User.objects.create(username=username, home_centre=world.centre_a)
    enrollment_create(user=learner, course=world.course)


def test_every_staff_report_reads_from_the_replica(replica, world, login, lessons):
    quiz = make_quiz(lesson=lessons[0], questions=[true_false(answer=True)])
    replica_server.wait_for_replay()
    client = login(world.national)
    pages = [
        (reverse("centres:report"), {"by": "centre"}),
        (reverse("centres:report"), {"by": "month"}),
        (reverse("centres:report_export", args=["xlsx"]), {}),
        (reverse("centres:report_export", args=["csv"]), {}),
        (reverse("quiz-results:index"), {}),
        (reverse("quiz-results:detail", args=[quiz.pk]), {}),
        (reverse("quiz-results:detail", args=[quiz.pk]), {"export": "learners"}),
        (reverse("quiz-results:detail", args=[quiz.pk]), {"export": "items"}),
        (reverse("wagtailadmin_reports:site_history"), {}),
        (reverse("wagtailadmin_home"), {}),
    ]
    for url, params in pages:
        response, reads = get(client, replica, url, params)
        assert response.status_code == 200, url
        assert reads, f"{url} {params} read nothing from the replica"
    # The dashboard's charts: the enrolment counts (report summaries) came from the replica.
    _, reads = get(client, replica, reverse("wagtailadmin_home"))
    assert any("reports_reportsummary" in sql for sql in reads)
    csv = client.get(reverse("centres:report_export", args=["csv"])).content
    assert csv == national_report_csv(world)


def test_the_report_shows_what_the_replica_holds_until_it_lags_too_far(
    replica, world, login, settings
):
    """With replay paused, a new enrolment is on the primary only: the report leaves it out
    while the replica is within the allowed lag, and counts it once it is not."""
    client = login(world.national)
    url = reverse("centres:report_export", args=["csv"])
    replica_server.wait_for_replay()
    before = national_report_csv(world)
    replica_server.replay_pause()
    enrol_someone(world, "new-on-primary")
    after = national_report_csv(world)
    assert after != before

    response, reads = get(client, replica, url)
    assert reads and response.content == before

    settings.DATABASE_REPLICA_MAX_LAG = 0.5
    time.sleep(1)
    db_routing.forget_replica_health()
    response, reads = get(client, replica, url)
    assert not reads and response.content == after
    health = db_routing.replica_health()
    assert not health.usable and health.lag > 0.5


def test_an_idle_primary_does_not_look_like_lag(replica, world, login, settings):
    """Nothing written for a while: the last replayed transaction is old, nothing is missing."""
    replica_server.wait_for_replay()
    settings.DATABASE_REPLICA_MAX_LAG = 0.5
    time.sleep(1)
    # Other test databases in the same cluster may be busy, and their writes in flight are
    # lag for a moment: wait for a quiet moment, which an idle primary must not spoil.
    deadline = time.monotonic() + 20
    while True:
        db_routing.forget_replica_health()
        health = db_routing.replica_health()
        if health.usable:
            break
        assert time.monotonic() < deadline and health.lag < 5, health
        time.sleep(0.2)
    # The verdict is kept for a few seconds: the report reads the replica.
    response, reads = get(login(world.national), replica, reverse("centres:report"))
    assert response.status_code == 200 and reads


def test_learner_pages_never_touch_the_replica(replica, world, login, lessons):
    learner = world.learner_a
    client = login(learner)
    replica_server.wait_for_replay()
    assert db_routing.replica_health().usable
    lesson = lessons[0]
    on_replica = []

    def record(execute, sql, params, many, context):
        on_replica.append(sql)
        return execute(sql, params, many, context)

    with connections[REPLICA].execute_wrapper(record):
        assert client.post(reverse("learning:enrol", args=[world.course.pk])).status_code < 400
        for url in (world.course.url, lesson.url, reverse("learning:dashboard")):
            assert client.get(url).status_code == 200, url
        done = client.post(reverse("learning:complete_lesson", args=[lesson.pk]))
        assert done.status_code < 400
        for url in (
            lessons[1].url,
            reverse("learning:dashboard"),
            reverse("certificates:mine"),
            reverse("profile"),
        ):
            assert client.get(url).status_code == 200, url
    assert on_replica == []
    enrollment = Enrollment.objects.get(user=learner, course=world.course)
    assert enrollment.progress.filter(lesson=lesson, completed_at__lte=timezone.now()).exists()


# Last in the module: the replica stays stopped until the next replica test starts it again.
def test_replica_stopped_in_the_middle_of_a_report(replica, world, login):
    """The replica dies between two of the report's queries: the report comes from the
    primary, one line is logged, and the next report does not try the replica."""
    client = login(world.national)
    url = reverse("centres:report_export", args=["csv"])
    replica_server.wait_for_replay()
    assert db_routing.replica_health().usable
    stopped = []

    def stop_after_first_query(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not stopped:
            replica_server.run("stop", "immediate")
            stopped.append(sql)
        return result

    with connections[REPLICA].execute_wrapper(stop_after_first_query):
        response, reads = get(client, replica, url)
    assert stopped, "the report never read from the replica"
    assert response.status_code == 200
    assert response.content == national_report_csv(world)
    assert not db_routing.replica_health().usable

    response, reads = get(client, replica, reverse("centres:report"))
    assert response.status_code == 200 and not reads

    # A replica that is down from the start: the health check finds it, once.
    db_routing.forget_replica_health()
    response, reads = get(client, replica, url)
    assert response.status_code == 200 and not reads
    assert response.content == national_report_csv(world)
