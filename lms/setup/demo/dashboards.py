"""A year of demo history, so that every dashboard shows real figures (idempotent).

Six more centres in other provinces, 48 learners who enrolled over the last eleven
months, most of whom finished, classes that met once a month with attendance,
early-childhood sessions, certificates, quiz attempts with some wrong answers and a
trainer's draft. Classes, attendance, sessions, certificates and attempts go through
the services. Enrolment and completion dates are set afterwards: the services stamp
"now", and a history needs past months.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from assessments.models import Quiz
from curricula.models import LessonPage
from lms.centres.models import Centre, HostType, Province
from lms.certificates.models import Certificate
from lms.certificates.services import certificate_issue_on_completion
from lms.classes.models import AttendanceStatus
from lms.classes.services import (
    attendance_record,
    cohort_create,
    cohort_member_add,
    cohort_session_create,
)
from lms.core.figures import figures_rows_written
from lms.early_childhood.services import ChildCounts, early_childhood_session_create
from lms.learning.models import Enrollment
from lms.setup.demo.assessments import answer_quiz
from lms.users.models import TitlePrefix, User

MARKER = "demo-h-000"  # the first history learner: present means the history exists
LEARNERS = 48
CERTIFICATES = 10  # each is rendered as a PDF when issued: keep the seed quick

CENTRES = [
    ("CMI-0003", "ศูนย์ดิจิทัลชุมชนตำบลแม่แตง", "Mae Taeng", "50", "แม่แตง", HostType.TEMPLE),
    ("UBN-0004", "ศูนย์ดิจิทัลชุมชนตำบลวารินชำราบ", "Warin Chamrap", "34", "วารินชำราบ", HostType.SCHOOL),
    ("SKA-0005", "ศูนย์ดิจิทัลชุมชนตำบลจะนะ", "Chana", "90", "จะนะ", HostType.MOSQUE),
    ("NMA-0006", "ศูนย์ดิจิทัลชุมชนตำบลปักธงชัย", "Pak Thong Chai", "30", "ปักธงชัย", HostType.LOCAL_OFFICE),
    ("PLK-0007", "ศูนย์ดิจิทัลชุมชนตำบลวังทอง", "Wang Thong", "65", "วังทอง", HostType.SCHOOL),
    ("SNK-0008", "ศูนย์ดิจิทัลชุมชนตำบลพังโคน", "Phang Khon", "47", "พังโคน", HostType.TEMPLE),
]
NAMES = [
    (TitlePrefix.MRS, "สมหญิง"),
    (TitlePrefix.MR, "วิชัย"),
    (TitlePrefix.MISS, "ประภา"),
    (TitlePrefix.MR, "สุนทร"),
    (TitlePrefix.MRS, "อำไพ"),
    (TitlePrefix.MR, "บุญช่วย"),
    (TitlePrefix.MISS, "นงลักษณ์"),
    (TitlePrefix.MR, "ชาตรี"),
    (TitlePrefix.MRS, "ศิริพร"),
    (TitlePrefix.MR, "ไพโรจน์"),
    (TitlePrefix.MISS, "รัตนา"),
    (TitlePrefix.MR, "สมบัติ"),
    (TitlePrefix.MRS, "กาญจนา"),
    (TitlePrefix.MR, "ธนากร"),
    (TitlePrefix.MISS, "อรุณี"),
    (TitlePrefix.MR, "เกียรติศักดิ์"),
]
LAST_NAMES = [
    "บุญมา",
    "ศรีสวัสดิ์",
    "แสงทอง",
    "พรหมวงศ์",
    "ทองคำ",
    "จันทร์หอม",
    "สายบุญ",
    "ภูมิใจ",
    "คำมูล",
    "วงค์ษา",
    "อินทร์แก้ว",
    "ศักดิ์ดี",
]


def _centres(actor: User) -> list[Centre]:
    centres = []
    for code, name, name_en, province, district, host in CENTRES:
        centre, _created = Centre.objects.get_or_create(
            code=code,
            defaults={
                "name_th": name,
                "name_en": f"{name_en} Sub-district Community Digital Centre",
                "province": Province.objects.get(code=province),
                "district": district,
                "subdistrict": district,
                "host_type": host,
            },
        )
        centres.append(centre)
    return centres


def _learners(centres: list[Centre], rng: random.Random) -> list[User]:
    people = []
    for index in range(LEARNERS):
        # A third learn at the demo centre, the others spread over the rest.
        centre = centres[0] if index % 3 == 0 else centres[1 + index % (len(centres) - 1)]
        title, first_name = NAMES[index % len(NAMES)]
        user = User(
            username=f"demo-h-{index:03d}",
            title_prefix=title,
            first_name=first_name,
            last_name=LAST_NAMES[(index * 5) % len(LAST_NAMES)],
            birth_year=rng.randint(1960, 2008),
            home_centre=centre,
        )
        # History learners never sign in: no password to hash keeps the seed fast.
        user.set_unusable_password()
        people.append(user)
    return User.objects.bulk_create(people)


def _enrolments(learners, courses, rng: random.Random, now: dt.datetime) -> list[Enrollment]:
    rows = []
    for index, learner in enumerate(learners):
        for course in rng.sample(courses, k=1 + index % 2):
            enrolled = now - dt.timedelta(days=rng.randint(3, 330), hours=rng.randint(0, 10))
            finished = None
            if (now - enrolled).days > 20 and rng.random() < 0.65:
                finished = min(enrolled + dt.timedelta(days=rng.randint(7, 45)), now)
            # Some who have not finished have not come back for weeks.
            active = finished or min(enrolled + dt.timedelta(days=rng.randint(0, 60)), now)
            rows.append(
                Enrollment(
                    user=learner,
                    course=course,
                    enrolled_at=enrolled,
                    completed_at=finished,
                    last_activity_at=active,
                )
            )
    dates = [row.enrolled_at for row in rows]
    created = Enrollment.objects.bulk_create(rows)
    # enrolled_at is stamped on insert (auto_now_add): put the history's dates back.
    for row, enrolled in zip(created, dates, strict=True):
        row.enrolled_at = enrolled
    Enrollment.objects.bulk_update(created, ["enrolled_at"])
    figures_rows_written(model=Enrollment, pks=[row.pk for row in created])
    return created


def _certificates(enrolments: list[Enrollment]) -> None:
    done = sorted((e for e in enrolments if e.completed_at), key=lambda e: e.completed_at)
    for enrolment in done[-CERTIFICATES:]:
        certificate = certificate_issue_on_completion(enrollment=enrolment)
        Certificate.objects.filter(pk=certificate.pk).update(issued_at=enrolment.completed_at)
        figures_rows_written(model=Certificate, pks=[certificate.pk])


def _monthly_class(
    *, actor: User, centre: Centre, course, members: list[User], today: dt.date, name: str
) -> None:
    """A class that met once a month for six months, most members present each time."""
    start = (today - dt.timedelta(days=190)).replace(day=1)
    cohort = cohort_create(
        actor=actor,
        centre=centre,
        course=course,
        name=name,
        start_date=start,
        end_date=today - dt.timedelta(days=3),
    )
    for member in members:
        cohort_member_add(actor=actor, cohort=cohort, user=member)
    for month in range(6):
        day = min(start + dt.timedelta(days=31 * month + 10), today - dt.timedelta(days=3))
        session = cohort_session_create(
            actor=actor,
            cohort=cohort,
            date=day,
            start_time=dt.time(9),
            end_time=dt.time(12),
            topic=f"ครั้งที่ {month + 1}",
        )
        marks = {
            member.pk: AttendanceStatus.ABSENT
            if (index + month) % (3 + month % 3) == 0
            else AttendanceStatus.PRESENT
            for index, member in enumerate(members)
        }
        attendance_record(actor=actor, session=session, marks=marks)


def _early_sessions(*, actor: User, centres, activities, today: dt.date) -> None:
    for month in range(8):
        for index, centre in enumerate(centres[:4]):
            early_childhood_session_create(
                actor=actor,
                centre=centre,
                activity=activities[(month + index) % len(activities)],
                date=today - dt.timedelta(days=30 * month + 5 + index),
                counts=ChildCounts(age_3=2 + index, age_4=3, age_5=month % 4, adults=2),
            )


def _quiz_attempts(learners, enrolments, rng: random.Random) -> None:
    """Learners of the online-safety course take its quiz: the scam-link question is the
    one most get wrong."""
    lesson = LessonPage.objects.filter(slug="spot-online-scams").first()
    quiz = Quiz.objects.live().filter(lesson=lesson).first() if lesson else None
    if quiz is None:
        return
    course_id = lesson.get_parent().pk
    takers = [e.user for e in enrolments if e.course_id == course_id][:14]
    for index, learner in enumerate(takers):
        wrong = {1} if index % 4 != 0 else set()
        if index % 3 == 0:
            wrong.add(3)
        if rng.random() < 0.2:
            wrong.add(2)
        answer_quiz(user=learner, quiz=quiz, wrong_positions=wrong)


def _trainer_draft(trainer: User, courses) -> None:
    """The trainer has started improving a lesson: a saved draft not yet sent for review."""
    lesson = LessonPage.objects.child_of(courses["online-safety"]).order_by("path").last()
    if lesson is None or lesson.has_unpublished_changes:
        return
    lesson.summary = f"{lesson.summary} (ปรับปรุงตัวอย่างให้ทันสมัย)"
    lesson.save_revision(user=trainer)


@transaction.atomic
def seed(result: dict) -> None:
    if User.objects.filter(username=MARKER).exists():
        return
    rng = random.Random(2566)
    now = timezone.now()
    today = timezone.localdate()
    national = result["users"]["demo-admin"]
    trainer = result["users"]["demo-trainer"]
    second = Centre.objects.filter(code="KKN-0002").first()
    centres = [result["centre"], *([second] if second else []), *_centres(national)]
    courses = [result["courses"][slug] for slug in sorted(result["courses"])]
    learners = _learners(centres, rng)
    enrolments = _enrolments(learners, courses, rng, now)
    _quiz_attempts(learners, enrolments, rng)
    _certificates(enrolments)

    selling = result["courses"]["sell-products-online"]
    home_members = [u for u in learners if u.home_centre_id == centres[0].pk][:8]
    _monthly_class(
        actor=national,
        centre=centres[0],
        course=selling,
        members=home_members,
        today=today,
        name="ขายของออนไลน์ รุ่นต้นปี",
    )
    other = centres[2]
    _monthly_class(
        actor=national,
        centre=other,
        course=selling,
        members=[u for u in learners if u.home_centre_id == other.pk][:6],
        today=today,
        name="ขายของออนไลน์ รุ่นแม่แตง",
    )
    if result.get("activities"):
        _early_sessions(
            actor=national, centres=centres, activities=result["activities"], today=today
        )
    _trainer_draft(trainer, result["courses"])
