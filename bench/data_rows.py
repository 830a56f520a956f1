"""The synthetic data's rows, streamed into PostgreSQL with COPY (see bench.data)."""

import datetime as dt
import functools
import json
import random
import sys

from django.utils import translation

from bench.data_base import (
    CHUNK,
    CLASS_SIZE,
    COURSE_WEIGHTS,
    EARLY_SESSIONS_PER_CENTRE,
    FIRST_NAMES,
    HOST_TYPES,
    LAST_NAMES,
    NULL,
    POOL,
    SEED,
    SESSIONS_PER_CLASS,
    SUBDISTRICTS,
    Made,
    _copy,
    _next_id,
    _reset_sequences,
)

# --- rows streamed with COPY ---------------------------------------------------------------


@functools.cache
def track_titles(track: str) -> tuple[str, str]:
    """The track's name as a certificate carries it, in Thai and in English."""
    from curricula.choices import Track

    label = Track(track).label
    with translation.override("th"):
        thai = str(label)
    with translation.override("en"):
        english = str(label)
    return thai, english


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
                        track_th, track_en = track_titles(course["track"])
                        certificates.append(
                            f"{cert_id}\t{code_generate()}\t{year}/{certificate_seq[year]:06d}\t{uid}\t"
                            f"{course_id}\t{eid}\t{template_id}\tcompletion\t\t{clock.text[last]}\t\\N\t"
                            f"{clock.text[last]}\t{name_th}\t{name_en}\t{course['title']}\t"
                            f"Digital skills set {course_ids.index(course_id) + 1}\t"
                            f"{track_th}\t{track_en}\t"
                            f"{max(1, len(course['lessons']) // 4)}\t{centre_id}\t"
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
