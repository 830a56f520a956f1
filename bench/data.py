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
import sys
import time
from dataclasses import asdict

from bench.data_base import (
    LESSON_COUNTS,
    SCALES,
    Made,
    recreate_database,
    result_path,
)
from bench.data_rows import bulk_load

# --- content made through the CMS ----------------------------------------------------------


def _lesson_body(number: int, course_title: str):
    from lms.setup.demo.blocks import h, p, tip

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

    # The rows went in by COPY, past the writes that keep the report summaries.
    started = time.monotonic()
    print("Report summaries …", file=sys.stderr)
    call_command("rebuild_report_summaries", verbosity=0)
    made.seconds_summaries = round(time.monotonic() - started, 1)

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
