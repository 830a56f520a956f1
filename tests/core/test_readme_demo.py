"""What the README promises about the demo is what the demo data holds: the accounts and
their roles, the demo centre, the learner's progress, and the sample spreadsheet."""

import re
from pathlib import Path

from django.contrib.auth.models import Group

import pytest
from openpyxl import load_workbook

from assessments.models import QuizAttempt
from lms.assignments.models import Submission
from lms.centres.models import Centre, StaffRole
from lms.certificates.models import Certificate
from lms.learning.models import Enrollment
from lms.learning.selectors import course_progress_for
from lms.users.models import User
from tests.demo_data import demo_seed_for_test

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEMO = README[README.index("## Demo accounts") : README.index("## Using it")]
TEXT = " ".join(DEMO.split())


@pytest.fixture
def demo(db):
    return demo_seed_for_test()


def test_every_account_in_the_table_exists_with_the_role_it_is_given(demo):
    rows = re.findall(r"^\| `([\w-]+)` \| ([^|]+) \|", DEMO, re.MULTILINE)
    assert len(rows) >= 5
    password = re.search(r"password of every demo account is `([^`]+)`", TEXT).group(1)
    for username, role in rows:
        user = User.objects.get(username=username)
        assert user.check_password(password), username
        groups = set(Group.objects.filter(user=user).values_list("name", flat=True))
        for group in re.findall(r"group ([A-Z][a-z]+(?: [a-z]+)*)", role):
            assert any(name.casefold() == group.casefold() for name in groups), (username, group)
        if "centre admin" in role:
            assert StaffRole.objects.filter(user=user).exists(), username


def test_the_demo_centre_is_the_one_named(demo):
    name, code = re.search(r"Demo centre: ([^,]+),.*?\(code `([\w-]+)`\)", TEXT).groups()
    assert Centre.objects.get(code=code).name_th == name


def test_the_demo_learners_progress_is_as_described(demo):
    learner = User.objects.get(username="demo-learner")
    assert "one course in progress, one completed" in TEXT
    enrollments = Enrollment.objects.filter(user=learner, left_at__isnull=True)
    assert enrollments.filter(completed_at__isnull=False).count() == 1
    assert enrollments.filter(completed_at__isnull=True).count() == 1

    completed = enrollments.get(completed_at__isnull=False)
    assert "has completed online safety" in TEXT and completed.course.slug == "online-safety"
    assert Certificate.objects.filter(learner=learner, course=completed.course).exists()

    done, total, percent = map(
        int,
        re.search(
            r"has done (\d+) of the (\d+) lessons of the selling course \((\d+) %\)", TEXT
        ).groups(),
    )
    selling = enrollments.get(completed_at__isnull=True)
    progress = course_progress_for(user=learner, course=selling.course)
    assert (progress.done_required, progress.total_required, progress.percent) == (
        done,
        total,
        percent,
    )
    assert Submission.objects.filter(user=learner).exists()  # "waits for demo-trainer"


def test_the_villagers_essay_waits_and_the_sample_sheet_has_its_rows(demo):
    assert "`demo-somjai` of the demo class has taken it" in TEXT
    somjai = User.objects.get(username="demo-somjai")
    assert QuizAttempt.objects.filter(user=somjai, submitted_at__isnull=False).exists()

    villagers, bad = map(int, re.search(r"(\d+) villagers with (\d+) bad rows", TEXT).groups())
    sheet = ROOT / "docs" / "samples" / f"learners-{villagers}-rows-{bad}-errors.xlsx"
    rows = [r for r in load_workbook(sheet).active.iter_rows(values_only=True) if any(r)]
    assert len(rows) - 1 == villagers
