"""Synthetic data at national scale: `python -m bench.data --scale small|national`.

Builds `lms_bench_<scale>` from nothing: migrations, the platform set-up and demo
content, benchmark courses of 5 to 200 lessons with a classroom quiz, then centres
in every province and learners with Thai names, their enrolments, lesson progress,
quiz attempts, certificates, classes with attendance and early-childhood sessions.

Rows are streamed into PostgreSQL with COPY, learner by learner in chunks, with
foreign-key triggers off for the loading connection (the generator writes the ids
itself, so every reference is known to exist). What was made is written to
var/bench/data-<scale>.json for the benchmarks to find their learners and pages.
"""

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

SCALES = {
    "small": {"centres": 100, "learners": 20_000, "progress": 200_000},
    "national": {"centres": 2_222, "learners": 2_000_000, "progress": 20_000_000},
}
CHUNK = 20_000  # learners per COPY round
POOL = 400  # learners the load benchmarks sign in as (enrolled in the classroom courses)
LESSON_COUNTS = [5, 8, 10, 12, 15, 20, 30, 50, 80, 120, 200]
# How often learners choose each course: short courses are the popular ones.
COURSE_WEIGHTS = [30, 22, 18, 14, 12, 10, 7, 5, 3, 2, 1]
CLASS_SIZE = 20
SESSIONS_PER_CLASS = 4
EARLY_SESSIONS_PER_CENTRE = 3
SEED = 2569
NULL = "\\N"  # COPY's empty value

FIRST_NAMES = [
    ("สมชาย", "Somchai", "mr"),
    ("สมศักดิ์", "Somsak", "mr"),
    ("ประเสริฐ", "Prasert", "mr"),
    ("วิชัย", "Wichai", "mr"),
    ("สุรชัย", "Surachai", "mr"),
    ("อนันต์", "Anan", "mr"),
    ("ธนากร", "Thanakorn", "mr"),
    ("ณัฐพล", "Nattapon", "mr"),
    ("กิตติพัฒน์", "Kittiphat", "mr"),
    ("พงศกร", "Phongsakorn", "mr"),
    ("ภานุวัฒน์", "Phanuwat", "mr"),
    ("ศุภชัย", "Supachai", "mr"),
    ("มาลี", "Malee", "miss"),
    ("สมศรี", "Somsri", "mrs"),
    ("วันเพ็ญ", "Wanphen", "mrs"),
    ("ปราณี", "Pranee", "mrs"),
    ("กาญจนา", "Kanchana", "mrs"),
    ("สุภาพร", "Supaporn", "miss"),
    ("ศิริพร", "Siriporn", "miss"),
    ("อรอุมา", "Onuma", "miss"),
    ("ณัฐธิดา", "Nattida", "miss"),
    ("พิมพ์ชนก", "Pimchanok", "miss"),
    ("ธิดารัตน์", "Thidarat", "mrs"),
    ("จันทร์เพ็ญ", "Chanphen", "mrs"),
]
LAST_NAMES = [
    ("ศรีสุข", "Srisuk"),
    ("ทองดี", "Thongdee"),
    ("แก้วมณี", "Kaewmanee"),
    ("วงศ์ใหญ่", "Wongyai"),
    ("บุญมา", "Boonma"),
    ("สุขสวัสดิ์", "Suksawat"),
    ("ใจดี", "Jaidee"),
    ("พรหมมา", "Phromma"),
    ("จันทร์แก้ว", "Chankaew"),
    ("ศรีวงศ์", "Sriwong"),
    ("คำแสน", "Khamsaen"),
    ("สายทอง", "Saithong"),
    ("ปัญญาดี", "Panyadee"),
    ("มีสุข", "Meesuk"),
    ("อินทร์แก้ว", "Inkaew"),
    ("ชัยมงคล", "Chaimongkol"),
    ("บุญเรือง", "Boonruang"),
    ("ทองคำ", "Thongkham"),
    ("เพชรรัตน์", "Phetcharat"),
    ("นาคสวัสดิ์", "Naksawat"),
]
SUBDISTRICTS = [
    ("บ้านใหม่", "Ban Mai"),
    ("หนองบัว", "Nong Bua"),
    ("ท่าช้าง", "Tha Chang"),
    ("โพธิ์ทอง", "Pho Thong"),
    ("นาดี", "Na Di"),
    ("วังน้ำเย็น", "Wang Nam Yen"),
    ("ดอนตูม", "Don Tum"),
    ("หัวฝาย", "Hua Fai"),
    ("บางปลา", "Bang Pla"),
    ("เขาดิน", "Khao Din"),
    ("ห้วยทราย", "Huai Sai"),
    ("สระแก้ว", "Sa Kaeo"),
]
HOST_TYPES = ["temple", "mosque", "school", "local_office", "local_office", "other"]


@dataclass
class Made:
    """What the generator made: counts, timings and what the benchmarks use."""

    scale: str
    database: str
    centres: int = 0
    learners: int = 0
    enrolments: int = 0
    progress: int = 0
    attempts: int = 0
    certificates: int = 0
    classes: int = 0
    attendance: int = 0
    early_sessions: int = 0
    seconds_content: float = 0.0
    seconds_bulk: float = 0.0
    seconds_index: float = 0.0
    pool_user_ids: list | None = None
    course_ids: list | None = None
    lesson_course_id: int = 0
    quiz_id: int = 0
    quiz_course_id: int = 0
    big_centre_id: int = 0
    generated_at: str = ""


def result_path(scale: str) -> Path:
    from django.conf import settings

    return Path(settings.VAR_DIR) / "bench" / f"data-{scale}.json"


def load_made(scale: str) -> dict | None:
    path = result_path(scale)
    return json.loads(path.read_text()) if path.exists() else None


# --- database ------------------------------------------------------------------------------


def recreate_database(name: str) -> None:
    import psycopg

    admin_url = os.environ.get("BENCH_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")


def _copy(cursor, table: str, columns: str, lines: list[str]) -> None:
    if not lines:
        return
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        copy.write("".join(lines).encode())


def _next_id(cursor, table: str) -> int:
    cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608 - our table names
    return cursor.fetchone()[0]


def _reset_sequences(cursor, tables: list[str]) -> None:
    for table in tables:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
            f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
        )


# --- content made through the CMS ----------------------------------------------------------


def _lesson_body(number: int, course_title: str):
    from lms.setup.demo.content import h, p, tip

    return [
        h(f"บทที่ {number}: สิ่งที่จะได้เรียน"),
        p(
            f"บทเรียนนี้เป็นส่วนหนึ่งของหลักสูตร{course_title} ผู้เรียนจะได้ลองทำจริงด้วยโทรศัพท์มือถือ "
            "ทีละขั้นตอน พร้อมตัวอย่างจากร้านค้าและกลุ่มอาชีพในชุมชน",
            "อ่านให้จบแล้วลองทำแบบฝึกหัดท้ายบท หากติดขัดให้ถามวิทยากรประจำศูนย์ดิจิทัลชุมชน",
        ),
        tip("บันทึกสิ่งที่ทำไว้ในสมุด จะช่วยให้จำขั้นตอนได้ง่ายขึ้น", title="เคล็ดลับ"),
        p('เมื่อเรียนจบบทนี้แล้ว กดปุ่ม "เรียนบทนี้จบแล้ว" เพื่อบันทึกความก้าวหน้า'),
    ]


def make_content(made: Made) -> list[dict]:
    """Benchmark courses (5 to 200 lessons) and the classroom quiz, through Wagtail."""
    from curricula.models import CoursePage, LessonPage, Track, TrackPage
    from lms.setup.demo.seed import _body
    from lms.users.models import User

    author = User.objects.get(username="demo-trainer")
    approver = User.objects.get(username="demo-admin")
    tracks = {t.track: t for t in TrackPage.objects.filter(locale__language_code="th")}
    courses = []
    for index, count in enumerate(LESSON_COUNTS):
        track = tracks[Track.WORKFORCE if index % 2 else Track.YOUTH]
        title = f"ทักษะดิจิทัลชุดที่ {index + 1} ({count} บท)"
        course = CoursePage(
            title=title,
            slug=f"bench-course-{count}",
            summary=f"หลักสูตรสำหรับทดสอบประสิทธิภาพ มี {count} บทเรียน",
            description="หลักสูตรตัวอย่างสำหรับวัดความเร็วของระบบกับข้อมูลขนาดใหญ่",
            level="beginner",
            estimated_hours=max(1, count // 4),
            learning_outcomes="ใช้โทรศัพท์มือถือทำงานได้อย่างมั่นใจ",
            owner=author,
        )
        track.add_child(instance=course)
        course.save_revision(user=author).publish(user=approver)
        lessons = []
        for number in range(1, count + 1):
            lesson = LessonPage(
                title=f"บทที่ {number} การใช้งานเครื่องมือออนไลน์",
                slug=f"lesson-{number}",
                summary="ลองทำจริงทีละขั้นตอน",
                estimated_minutes=15,
                body=_body(_lesson_body(number, title), {}),
                owner=author,
            )
            course.add_child(instance=lesson)
            lessons.append(lesson.pk)
        courses.append({"id": course.pk, "lessons": lessons, "track": track.track, "title": title})
    made.course_ids = [c["id"] for c in courses]
    made.lesson_course_id = next(c["id"] for c in courses if len(c["lessons"]) == 50)
    made.quiz_course_id, made.quiz_id = make_quiz(courses[0])
    return courses


def make_quiz(course: dict) -> tuple[int, int]:
    """Ten single-choice questions on the first lesson of the 5-lesson course; no attempt limit."""
    from assessments.models import Choice, Question, Quiz, QuizQuestion
    from curricula.models import LessonPage

    quiz = Quiz.objects.create(
        title="แบบทดสอบท้ายบท: ความปลอดภัยออนไลน์",
        intro="ตอบให้ครบทุกข้อแล้วกดส่งคำตอบ",
        lesson=LessonPage.objects.get(pk=course["lessons"][0]),
        is_live=True,
        pass_mark_percent=60,
        max_attempts=None,
        shuffle_questions=True,
        shuffle_choices=True,
    )
    for number in range(1, 11):
        question = Question.objects.create(
            title=f"ข้อ {number}",
            kind="single",
            prompt=f"ข้อใดเป็นวิธีที่ปลอดภัยที่สุดเมื่อได้รับข้อความแปลก (ข้อ {number})",
        )
        for choice_number, text in enumerate(
            ["ไม่กดลิงก์และลบข้อความ", "กดลิงก์เพื่อดู", "ส่งต่อให้เพื่อน", "ตอบกลับทันที"]
        ):
            Choice.objects.create(
                question=question,
                text=text,
                is_correct=choice_number == 0,
                sort_order=choice_number,
            )
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=number)
    return course["id"], quiz.pk


# --- rows streamed with COPY ---------------------------------------------------------------


class Clock:
    """A fixed set of timestamps over the last two years, formatted once."""

    def __init__(self, rng: random.Random):
        now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
        self.moments = sorted(
            now - dt.timedelta(seconds=rng.randrange(730 * 86400)) for _ in range(4096)
        )
        self.text = [m.isoformat() for m in self.moments]

    def index(self, rng: random.Random, after: int = 0) -> int:
        return rng.randrange(after, len(self.text))


def _progress_bar(total: int, unit: str):
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, unit_scale=True, file=sys.stderr, dynamic_ncols=True)


def bulk_load(made: Made, courses: list[dict], scale: dict) -> None:
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from assessments.layout import build_layout
    from assessments.models import Quiz
    from curricula.models import ActivityPage
    from lms.centres.models import Province
    from lms.certificates.codes import code_generate

    rng = random.Random(SEED)
    clock = Clock(rng)
    password = make_password("bench-pass-2569")
    provinces = list(Province.objects.order_by("code").values_list("id", "name_th"))
    quiz = Quiz.objects.get(pk=made.quiz_id)
    layout = json.dumps(build_layout(quiz), ensure_ascii=False)
    activities = list(ActivityPage.objects.filter(live=True).values_list("id", flat=True))[:4]
    by_id = {c["id"]: c for c in courses}
    course_ids = [c["id"] for c in courses]
    weights = COURSE_WEIGHTS[: len(course_ids)]
    quiz_course = by_id[made.quiz_course_id]

    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("SELECT id FROM certificates_certificatetemplate WHERE is_default")
        row = cursor.fetchone()
        template_id = str(row[0]) if row else "\\N"
        ids = {
            t: _next_id(cursor, t)
            for t in (
                "centres_centre",
                "users_user",
                "learning_enrollment",
                "learning_lessonprogress",
                "assessments_quizattempt",
                "certificates_certificate",
                "centres_cohort",
                "centres_cohortmembership",
                "centres_cohortsession",
                "centres_attendance",
                "centres_earlychildhoodsession",
            )
        }

        # Centres: every province has some, bigger provinces more (round-robin with a skew).
        centre_lines, centres = [], []
        for n in range(scale["centres"]):
            province_id, province_name = (
                provinces[n % len(provinces)] if n < len(provinces) else rng.choice(provinces)
            )
            sub_th, sub_en = rng.choice(SUBDISTRICTS)
            cid = ids["centres_centre"] + n
            name_th = f"ศูนย์ดิจิทัลชุมชนตำบล{sub_th} {province_name}"
            name_en = f"{sub_en} Community Digital Centre {n + 1}"
            centres.append((cid, name_th, name_en))
            centre_lines.append(
                f"{cid}\tB{n + 1:05d}\t{name_th}\t{name_en}\t{province_id}\t{sub_th}\t{sub_th}\t"
                f"ที่ทำการตำบล{sub_th}\t{rng.choice(HOST_TYPES)}\tผู้ดูแลศูนย์\t0420000000\t\tt\t{clock.text[0]}\n"
            )
        _copy(
            cursor,
            "centres_centre",
            "id, code, name_th, name_en, province_id, district, subdistrict, address, host_type, "
            "contact_name, contact_phone, contact_email, is_active, created_at",
            centre_lines,
        )
        made.centres = len(centres)
        made.big_centre_id = centres[0][0]

        learners = scale["learners"]
        # Mean lessons per enrolment, assuming two enrolments a learner until measured.
        per_enrolment = scale["progress"] / (learners * 2)
        emitted_progress = made_enrolments = 0
        class_members: dict[int, list[int]] = {}
        pool = []
        cursor.execute("SELECT year, last FROM certificates_certificatesequence")
        certificate_seq: dict[int, int] = dict(cursor.fetchall())
        bar = _progress_bar(learners, "learners")
        uid, eid, pid, aid, cert_id = (
            ids["users_user"],
            ids["learning_enrollment"],
            ids["learning_lessonprogress"],
            ids["assessments_quizattempt"],
            ids["certificates_certificate"],
        )
        for start in range(0, learners, CHUNK):
            users, enrolments, progress, attempts, certificates = [], [], [], [], []
            for n in range(start, min(start + CHUNK, learners)):
                # The first POOL learners belong to the first centre: the benchmark classroom.
                centre_id, centre_th, centre_en = centres[0] if n < POOL else rng.choice(centres)
                first_th, first_en, title = rng.choice(FIRST_NAMES)
                last_th, last_en = rng.choice(LAST_NAMES)
                joined = clock.index(rng)
                users.append(
                    f"{uid}\t{password}\tf\tf\tt\t{clock.text[joined]}\tbench{n + 1:07d}\t\t"
                    f"08{rng.randrange(10**8):08d}\t{title}\t{first_th}\t{last_th}\t{first_en}\t"
                    f"{last_en}\t{rng.randrange(1950, 2012)}\t{centre_id}\tf\n"
                )
                members = class_members.setdefault(centre_id, [])
                if len(members) < CLASS_SIZE:
                    members.append(uid)
                if n < POOL:
                    pool.append(uid)
                    chosen = [made.quiz_course_id, made.lesson_course_id]
                else:
                    count = 1 + (rng.random() < 0.6) + (rng.random() < 0.4)
                    chosen = list(dict.fromkeys(rng.choices(course_ids, weights, k=count)))
                for course_id in chosen:
                    lessons = by_id[course_id]["lessons"]
                    enrolled = clock.index(rng, joined)
                    wanted = int(rng.expovariate(1 / per_enrolment)) if per_enrolment else 0
                    done = min(len(lessons), wanted)
                    if n < POOL:
                        done = min(done, 3)  # the classroom is mid-course
                    last = clock.index(rng, enrolled)
                    completed = done == len(lessons)
                    enrolments.append(
                        f"{eid}\t{uid}\t{course_id}\t{clock.text[enrolled]}\t\\N\t"
                        f"{clock.text[last] if completed else NULL}\t{clock.text[last]}\n"
                    )
                    for lesson_id in lessons[:done]:
                        ts = clock.text[clock.index(rng, enrolled)]
                        progress.append(
                            f"{pid}\t{eid}\t{uid}\t{lesson_id}\t{ts}\t{ts}\t{ts}\tlearner\n"
                        )
                        pid += 1
                    opened = done < len(lessons) and rng.random() < 0.5  # the next lesson
                    if opened:
                        ts = clock.text[last]
                        progress.append(
                            f"{pid}\t{eid}\t{uid}\t{lessons[done]}\t{ts}\t{ts}\t\\N\t\n"
                        )
                        pid += 1
                    emitted_progress += done + opened
                    if course_id == quiz_course["id"] and n >= POOL and rng.random() < 0.6:
                        for number in range(1, 1 + 1 + (rng.random() < 0.3)):
                            percent = rng.choice([40, 50, 60, 70, 80, 90, 100])
                            ts = clock.text[clock.index(rng, enrolled)]
                            attempts.append(
                                f"{aid}\t{made.quiz_id}\t{uid}\t{number}\t{ts}\t\\N\t{ts}\tsubmitted\t"
                                f"{layout}\t{percent // 10}\t10\t{percent}\t{'t' if percent >= 60 else 'f'}\n"
                            )
                            aid += 1
                    if completed and rng.random() < 0.9:
                        issued = clock.moments[last]
                        year = issued.year + 543
                        certificate_seq[year] = certificate_seq.get(year, 0) + 1
                        course = by_id[course_id]
                        name_th = f"{first_th} {last_th}"
                        name_en = f"{first_en} {last_en}"
                        certificates.append(
                            f"{cert_id}\t{code_generate()}\t{year}/{certificate_seq[year]:06d}\t{uid}\t"
                            f"{course_id}\t{eid}\t{template_id}\tcompletion\t\t{clock.text[last]}\t\\N\t"
                            f"{clock.text[last]}\t{name_th}\t{name_en}\t{course['title']}\t"
                            f"Digital skills set {course_ids.index(course_id) + 1}\t{course['track']}\t"
                            f"{course['track']}\t{max(1, len(course['lessons']) // 4)}\t{centre_id}\t"
                            f"{centre_th}\t{centre_en}\trendered\tbench/{cert_id}.pdf\t1\t1\t1\t\t"
                            f"{clock.text[last]}\t{clock.text[last]}\t{clock.text[last]}\t\\N\t\\N\t\n"
                        )
                        cert_id += 1
                    eid += 1
                uid += 1
                made_enrolments += len(chosen)
                if n % 1000 == 999 and n + 1 < learners:
                    # Keep the progress total on target: adjust the mean for the learners to come.
                    per_learner = made_enrolments / (n + 1)
                    per_enrolment = max(
                        0.0,
                        (scale["progress"] - emitted_progress) / ((learners - n - 1) * per_learner),
                    )
            _copy(
                cursor,
                "users_user",
                "id, password, is_superuser, is_staff, is_active, date_joined, username, email, "
                "phone, title_prefix, first_name, last_name, first_name_en, last_name_en, "
                "birth_year, home_centre_id, must_change_password",
                users,
            )
            _copy(
                cursor,
                "learning_enrollment",
                "id, user_id, course_id, enrolled_at, left_at, completed_at, last_activity_at",
                enrolments,
            )
            _copy(
                cursor,
                "learning_lessonprogress",
                "id, enrollment_id, user_id, lesson_id, first_visited_at, last_visited_at, "
                "completed_at, completed_via",
                progress,
            )
            _copy(
                cursor,
                "assessments_quizattempt",
                "id, quiz_id, user_id, number, started_at, deadline, submitted_at, close_reason, "
                "layout, score, max_score, percent, passed",
                attempts,
            )
            _copy(
                cursor,
                "certificates_certificate",
                "id, code, number, learner_id, course_id, enrollment_id, template_id, source, "
                "issue_reason, issued_at, issued_by_id, completed_at, learner_name, "
                "learner_name_en, course_title, course_title_en, track_title, track_title_en, "
                "hours, centre_id, centre_name, centre_name_en, status, file_name, file_version, "
                "render_attempts, render_count, last_render_error, rendered_at, enqueued_at, "
                "notified_at, revoked_at, revoked_by_id, revoked_reason",
                certificates,
            )
            made.learners += len(users)
            made.enrolments += len(enrolments)
            made.progress += len(progress)
            made.attempts += len(attempts)
            made.certificates += len(certificates)
            bar.update(len(users))
        bar.close()

        _classes(cursor, made, ids, centres, class_members, courses, clock, rng, activities)
        for year, last in certificate_seq.items():
            cursor.execute(
                "INSERT INTO certificates_certificatesequence (year, last) VALUES (%s, %s) "
                "ON CONFLICT (year) DO UPDATE SET last = GREATEST(certificates_certificatesequence.last, EXCLUDED.last)",
                [year, last],
            )
        cursor.execute("SET session_replication_role = DEFAULT")
        _reset_sequences(cursor, list(ids))
        made.pool_user_ids = pool


def _classes(cursor, made, ids, centres, class_members, courses, clock, rng, activities) -> None:
    """One class per centre with four sessions and attendance; early-childhood sessions."""
    cohort_lines, member_lines, session_lines, attendance_lines, early_lines = [], [], [], [], []
    cohort_id, member_id, session_id, attendance_id, early_id = (
        ids["centres_cohort"],
        ids["centres_cohortmembership"],
        ids["centres_cohortsession"],
        ids["centres_attendance"],
        ids["centres_earlychildhoodsession"],
    )
    for centre_id, _th, _en in centres:
        course = rng.choice(courses)
        moment = clock.moments[clock.index(rng)]
        start = moment.date()
        cohort_lines.append(
            f"{cohort_id}\t{centre_id}\t{course['id']}\tรุ่นที่ 1/{start.year + 543}\t{start}\t"
            f"{start + dt.timedelta(days=30)}\t\\N\t{moment.isoformat()}\n"
        )
        members = class_members.get(centre_id, [])
        for user_id in members:
            member_lines.append(
                f"{member_id}\t{cohort_id}\t{user_id}\timport\t\\N\t{moment.isoformat()}\n"
            )
            member_id += 1
        for week in range(SESSIONS_PER_CLASS):
            day = start + dt.timedelta(days=7 * week)
            session_lines.append(
                f"{session_id}\t{cohort_id}\t{day}\t09:00\t12:00\tห้องอบรมของศูนย์\t"
                f"ครั้งที่ {week + 1}\t{moment.isoformat()}\n"
            )
            for user_id in members:
                status = "present" if rng.random() < 0.85 else rng.choice(["absent", "excused"])
                attendance_lines.append(
                    f"{attendance_id}\t{session_id}\t{user_id}\t{status}\tstaff\t\\N\t{moment.isoformat()}\n"
                )
                attendance_id += 1
            session_id += 1
        cohort_id += 1
        for _n in range(EARLY_SESSIONS_PER_CENTRE if activities else 0):
            moment = clock.moments[clock.index(rng)]
            ages = [rng.randrange(0, 6) for _age in range(3)] + [rng.randrange(1, 6)]
            early_lines.append(
                f"{early_id}\t{rng.choice(activities)}\t{centre_id}\t{moment.date()}\t"
                f"{ages[0]}\t{ages[1]}\t{ages[2]}\t{ages[3]}\t{rng.randrange(0, 8)}\t\t\\N\t"
                f"{moment.isoformat()}\n"
            )
            early_id += 1
    _copy(
        cursor,
        "centres_cohort",
        "id, centre_id, course_id, name, start_date, end_date, created_by_id, created_at",
        cohort_lines,
    )
    _copy(
        cursor,
        "centres_cohortmembership",
        "id, cohort_id, user_id, source, added_by_id, added_at",
        member_lines,
    )
    _copy(
        cursor,
        "centres_cohortsession",
        "id, cohort_id, date, start_time, end_time, place, topic, created_at",
        session_lines,
    )
    _copy(
        cursor,
        "centres_attendance",
        "id, session_id, user_id, status, recorded_via, recorded_by_id, recorded_at",
        attendance_lines,
    )
    _copy(
        cursor,
        "centres_earlychildhoodsession",
        "id, activity_id, centre_id, date, children_age_3, children_age_4, children_age_5, "
        "children_age_6, adults, notes, recorded_by_id, created_at",
        early_lines,
    )
    made.classes = len(cohort_lines)
    made.attendance = len(attendance_lines)
    made.early_sessions = len(early_lines)


def staff(made: Made) -> None:
    """A centre admin and a trainer for the benchmark classroom's centre."""
    from django.contrib.auth.models import Group

    from lms.centres.models import Centre, StaffRole, StaffRoleKind
    from lms.users import roles
    from lms.users.models import User

    centre = Centre.objects.get(pk=made.big_centre_id)
    for username, group, role in [
        ("bench-centre-admin", roles.CENTRE_ADMINS, StaffRoleKind.CENTRE_ADMIN),
        ("bench-trainer", roles.TRAINERS, StaffRoleKind.TRAINER),
    ]:
        user = User(username=username, first_name="ผู้ดูแล", last_name="ทดสอบ", home_centre=centre)
        user.set_password("bench-pass-2569")
        user.save()
        user.groups.add(Group.objects.get(name=group))
        StaffRole.objects.create(user=user, centre=centre, role=role)


def generate(scale_name: str) -> Made:
    os.environ["BENCH_SCALE"] = scale_name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    from django.conf import settings

    database = settings.DATABASES["default"]["NAME"]
    print(f"Creating {database} ({scale_name}: {SCALES[scale_name]})", file=sys.stderr)
    recreate_database(database)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    made = Made(scale=scale_name, database=database)
    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("setup_platform", verbosity=0)
    call_command("seed_demo", force=True, verbosity=0)  # a throwaway database
    courses = make_content(made)
    made.seconds_content = round(time.monotonic() - started, 1)

    started = time.monotonic()
    bulk_load(made, courses, SCALES[scale_name])
    staff(made)
    made.seconds_bulk = round(time.monotonic() - started, 1)

    started = time.monotonic()
    print("VACUUM ANALYZE …", file=sys.stderr)
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    made.seconds_index = round(time.monotonic() - started, 1)
    made.generated_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")

    path = result_path(scale_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(made), ensure_ascii=False, indent=2))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    args = parser.parse_args(argv)
    made = generate(args.scale)
    summary = {k: v for k, v in asdict(made).items() if k not in {"pool_user_ids", "course_ids"}}
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
