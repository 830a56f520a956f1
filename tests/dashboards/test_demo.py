"""The demo data gives every dashboard real figures: several months, several centres."""

import pytest

from lms.dashboards import selectors
from lms.learning.models import Enrollment
from lms.setup.demo.seed import demo_seed
from lms.users.models import User

pytestmark = pytest.mark.django_db


def _months_with_figures(points) -> int:
    return sum(1 for _label, value in points if value)


def test_demo_history_fills_each_dashboard_and_seeding_twice_adds_nothing():
    demo_seed()
    enrolments = Enrollment.objects.count()

    national = selectors.national_dashboard(user=User.objects.get(username="demo-admin"))
    assert _months_with_figures(national.learners) >= 6
    assert _months_with_figures(national.completions) >= 6
    assert _months_with_figures(national.certificates) >= 3
    assert len(national.active_centres) >= 5
    assert len(national.completions_by_province) >= 5

    centre = selectors.centre_dashboard(user=User.objects.get(username="demo-centre-admin"))
    assert centre.sessions  # the demo class meets today
    assert centre.inactive_count > 0
    assert _months_with_figures(centre.completions) >= 3
    assert _months_with_figures(centre.attendance) >= 3
    assert centre.certificates_total > 0

    trainer = selectors.trainer_dashboard(user=User.objects.get(username="demo-trainer"))
    assert trainer.draft_count >= 1
    assert trainer.reviews_waiting
    assert all(course.enrolments for course in trainer.courses)
    assert trainer.hard_questions and trainer.hard_questions[0].wrong > 0

    demo_seed()
    assert Enrollment.objects.count() == enrolments
