"""Double scans and a check-in racing the trainer's save: one attendance row each time.

Real threads against the configured database (PostgreSQL in CI, a SQLite file otherwise).
"""

import threading

from django.db import connections

from wagtail.models import ModelLogEntry

import pytest

from lms.classes.models import Attendance, AttendanceStatus
from lms.classes.services import attendance_checkin, attendance_record

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(functions):
    barrier = threading.Barrier(len(functions))
    errors = []

    def wrap(fn):
        try:
            barrier.wait(timeout=30)
            fn()
        except Exception as exc:  # collected and re-raised in the main thread
            errors.append(exc)
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=wrap, args=(fn,)) for fn in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return errors


def test_scanning_six_times_at_once_marks_present_once(world):
    scan = lambda: attendance_checkin(user=world.learner_a, session=world.session_a)  # noqa: E731
    assert run_together([scan] * 6) == []
    assert Attendance.objects.filter(session=world.session_a, user=world.learner_a).count() == 1
    assert ModelLogEntry.objects.filter(action="lms.attendance.checkin").count() == 1


def test_a_scan_racing_the_trainers_save_leaves_one_row(world):
    marks = {world.learner_a.pk: AttendanceStatus.ABSENT}
    errors = run_together(
        [
            lambda: attendance_checkin(user=world.learner_a, session=world.session_a),
            lambda: attendance_record(actor=world.trainer_a, session=world.session_a, marks=marks),
        ]
        * 3
    )
    assert errors == []
    rows = Attendance.objects.filter(session=world.session_a, user=world.learner_a)
    assert rows.count() == 1
    assert rows.get().status in (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT)
