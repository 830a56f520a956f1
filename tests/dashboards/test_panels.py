"""The admin home page of each staff role: what it shows, to whom, in how many queries."""

import datetime as dt
import json
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from assessments.models import AttemptAnswer, QuizAttempt
from assessments.models.attempts import CloseReason
from lms.certificates.models import Certificate
from lms.core.figures import figures_rows_written
from lms.learning.models import Enrollment
from lms.reports.summaries import summaries_drain_all
from tests.assessments.factories import make_quiz, single_choice
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def _enrol(user, course, *, days_ago: int, completed: bool = False, active_days_ago=None):
    now = timezone.now()
    enrolment, _created = Enrollment.objects.get_or_create(user=user, course=course)
    # A write past the services: tell the report summaries, before and after the move.
    figures_rows_written(model=Enrollment, pks=[enrolment.pk])
    Enrollment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=now - dt.timedelta(days=days_ago),
        last_activity_at=(
            now - dt.timedelta(days=active_days_ago) if active_days_ago is not None else None
        ),
        completed_at=now - dt.timedelta(days=days_ago - 1) if completed else None,
    )
    figures_rows_written(model=Enrollment, pks=[enrolment.pk])
    return enrolment


def _wrong_answers(quiz, question, learners):
    now = timezone.now()
    for learner in learners:
        attempt = QuizAttempt.objects.create(
            quiz=quiz,
            user=learner,
            number=1,
            started_at=now,
            submitted_at=now,
            close_reason=CloseReason.SUBMITTED,
        )
        AttemptAnswer.objects.create(
            attempt=attempt, question=question, position=1, is_correct=False
        )


def test_centre_admin_sees_their_centre_and_nothing_of_another(world, login):
    idle_a = UserFactory(
        username="idle-a", first_name="เงียบ", last_name="หายไป", home_centre=world.centre_a
    )
    idle_b = UserFactory(
        username="idle-b", first_name="ไม่มา", last_name="นานแล้ว", home_centre=world.centre_b
    )
    _enrol(idle_a, world.course, days_ago=40, active_days_ago=20)
    _enrol(idle_b, world.course, days_ago=40, active_days_ago=20)
    _enrol(world.learner_a, world.course, days_ago=40, active_days_ago=1)

    response = login(world.admin_a).get(HOME)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="centre-dashboard-section"' in html
    assert world.cohort_a.name in html  # today's session at centre A
    assert world.cohort_b.name not in html
    assert "เงียบ หายไป" in html
    assert "ไม่มา" not in html  # centre B's idle learner
    assert reverse("centres:learner_detail", args=[idle_a.pk]) in html
    assert 'id="national-dashboard-section"' not in html


def test_centre_admin_charts_count_by_month_with_a_table(world, login):
    for index in range(3):
        learner = UserFactory(username=f"done-{index}", home_centre=world.centre_a)
        _enrol(learner, world.course, days_ago=3, completed=True, active_days_ago=2)
    html = login(world.admin_a).get(HOME).content.decode()
    # Three completions this month: a bar labelled 3 and the same figure in the table.
    assert "<svg" in html and 'aria-hidden="true"' in html
    assert '<td class="lms-dash__num">3</td>' in html
    # Centre B's admin counts none of them.
    html_b = login(world.admin_b).get(HOME).content.decode()
    assert '<td class="lms-dash__num">3</td>' not in html_b


def test_national_admin_sees_every_centre_and_the_province_map(world, login):
    for index in range(2):
        learner = UserFactory(username=f"nk-{index}", home_centre=world.centre_a)
        _enrol(learner, world.course, days_ago=10, completed=True)
    html = login(world.national).get(HOME).content.decode()
    assert 'id="national-dashboard-section"' in html
    assert 'id="centre-dashboard-section"' not in html
    # 77 provinces drawn as outlines; Nong Khai (centre A), the only one with
    # completions, is in the darkest class, Bangkok and the rest are not shaded.
    shades = {
        code: int(level)
        for level, code in re.findall(
            r'class="lms-map__shape lms-map__shade--(\d)" data-province="(\d+)"', html
        )
    }
    assert len(shades) == 77
    assert shades["43"] == 4
    assert {level for code, level in shades.items() if code != "43"} == {0}
    assert "<title>หนองคาย: 2</title>" in html
    assert "<title>กรุงเทพมหานคร: 0</title>" in html
    assert "<title>ทะเลสาบสงขลา</title>" in html  # water, not a 78th province
    assert "CC BY 4.0" in html  # the outlines' licence asks for credit where they are shown
    assert "ศูนย์ ก" in html  # the most active centres


def test_province_map_keeps_its_outlines_when_thai_lines_break_between_words(
    world, login, settings
):
    settings.LMS_THAI_LINE_BREAKS = True
    html = login(world.national).get(HOME).content.decode()
    figure = html[html.index('<figure class="lms-chart lms-map">') :]
    figure = figure[: figure.index("</figure>")]
    assert figure.count('class="lms-map__shape lms-map__shade--') == 77
    # The Thai of the legend, note and credit wraps only between words; the outlines'
    # data and the titles are left alone.
    assert '<span class="th-words">' in figure
    assert "<wbr>" not in "".join(re.findall(r'd="[^"]*"', figure))
    assert "<title>กรุงเทพมหานคร: 0</title>" in figure


def test_trainer_sees_their_work_and_the_hardest_questions(world, login, lessons):
    trainer = world.trainer_a
    world.cohort_a.trainers.add(trainer)
    easy, hard = single_choice(title="ข้อง่าย"), single_choice(title="ข้อยากเรื่องแสง")
    quiz = make_quiz(lesson=lessons[0], questions=[easy, hard])
    learners = [UserFactory(username=f"q-{i}", home_centre=world.centre_a) for i in range(3)]
    _wrong_answers(quiz, hard, learners)
    _enrol(learners[0], world.course, days_ago=5, completed=True)
    _enrol(learners[1], world.course, days_ago=5)

    html = login(trainer).get(HOME).content.decode()
    assert 'id="trainer-dashboard-section"' in html
    assert 'id="centre-dashboard-section"' not in html
    assert "ข้อยากเรื่องแสง" in html
    assert "3 จาก 3 คน (100%)" in html
    assert world.course.title in html
    import re

    print(re.findall(r"<tr>.{0,400}?</tr>", html.replace("\n", " "))[:8])
    # The course's figures, every centre's learners counted (no names): learners A and B
    # (in their classes) and two quiz takers are enrolled, one of the four finished.
    assert '<td class="lms-dash__num">4</td>' in html
    assert "1 (เรียนจบ 25%)" in html


def test_trainer_sees_only_their_own_courses(world, login):
    html = login(world.trainer_a).get(HOME).content.decode()
    assert world.course.title not in html  # neither wrote it nor teaches a class of it


def test_learners_see_no_dashboard(world, login):
    response = login(world.learner_a).get(HOME)
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("who", ["admin_a", "national", "trainer_a"])
def test_queries_do_not_grow_with_the_data(world, login, django_assert_max_num_queries, who):
    user = getattr(world, who)
    world.cohort_a.trainers.add(world.trainer_a)
    client = login(user)
    client.get(HOME)  # warm the per-user caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(HOME).status_code == 200
    for index in range(15):
        learner = UserFactory(username=f"more-{index}", home_centre=world.centre_a)
        enrolment = _enrol(
            learner,
            world.course,
            days_ago=20 + index * 9,
            completed=index % 2 == 0,
            active_days_ago=16,
        )
        if index % 2 == 0:
            Certificate.objects.filter(pk=None)  # certificates come from their own service
        assert enrolment.pk
    # The worker drains the report summaries' outbox once the writes commit (here they
    # never do): the page then reads summaries, whatever the number of rows.
    summaries_drain_all()
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(HOME).status_code == 200


def _in_menu(html: str, label: str) -> bool:
    """The sidebar's menu is JSON in the page: Thai letters may be escaped there."""
    return json.dumps(label)[1:-1] in html or label in html


def test_reports_menu_offers_the_centre_report_to_those_who_may_open_it(world, login):
    centre_menu = login(world.admin_a).get(HOME).content.decode()
    assert _in_menu(centre_menu, "รายงานของศูนย์ฉัน")
    assert not _in_menu(centre_menu, "รายงานตามจังหวัด")
    national_menu = login(world.national).get(HOME).content.decode()
    assert _in_menu(national_menu, "รายงานระดับประเทศ (ทุกศูนย์)")
    assert _in_menu(national_menu, "รายงานตามจังหวัด")
    assert "/centre/reports/?by=province" in national_menu
    trainer_menu = login(world.trainer_a).get(HOME).content.decode()
    assert not _in_menu(trainer_menu, "รายงานของศูนย์ฉัน")
    assert not _in_menu(trainer_menu, "รายงานระดับประเทศ (ทุกศูนย์)")
