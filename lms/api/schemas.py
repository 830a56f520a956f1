"""What the API answers with.

Bilingual fields: the plain name is Thai (the platform's language), and the same name
with `_en` holds the English text, or null when there is none (no English translation
published yet).
"""

import datetime as dt

from ninja import Field, Schema


class LessonOut(Schema):
    id: int
    slug: str
    title: str
    title_en: str | None
    estimated_minutes: int | None
    is_optional: bool


class TrackOut(Schema):
    id: int
    slug: str
    track: str = Field(description="youth, early_childhood or workforce")
    title: str
    title_en: str | None
    summary: str
    summary_en: str | None


class CourseOut(Schema):
    id: int
    slug: str
    url: str
    track: str | None
    title: str
    title_en: str | None
    summary: str
    summary_en: str | None
    level: str
    estimated_hours: float | None
    sequential: bool
    lessons: list[LessonOut]


class CentreRef(Schema):
    id: int
    name: str
    name_en: str | None


class CourseRef(Schema):
    id: int
    title: str
    title_en: str | None


class MeOut(Schema):
    id: int
    username: str
    first_name: str
    last_name: str
    first_name_en: str | None
    last_name_en: str | None
    home_centre: CentreRef | None
    is_staff_member: bool
    is_centre_admin: bool
    is_national_admin: bool


class EnrollmentOut(Schema):
    id: int
    course: CourseRef
    enrolled_at: dt.datetime
    completed_at: dt.datetime | None
    left_at: dt.datetime | None
    is_active: bool


class ProgressOut(Schema):
    course: CourseRef
    lessons_done: int = Field(description="Required lessons done")
    lessons_total: int = Field(description="Required lessons in the course")
    percent: int = Field(ge=0, le=100)
    completed: bool


class CertificateOut(Schema):
    id: int
    code: str
    status: str = Field(description="valid or revoked")
    course: str
    course_en: str | None
    centre: str
    centre_en: str | None
    issued_at: dt.datetime
    revoked_at: dt.datetime | None
    verification_url: str
    download_url: str


class VerificationOut(Schema):
    status: str = Field(description="valid or revoked")
    code: str
    learner_name: str
    learner_name_en: str | None
    course: str
    course_en: str | None
    centre: str
    centre_en: str | None
    issued_on: str
    issued_on_th: str
    issued_on_en: str
    revoked_on: str | None
    revoked_on_th: str | None
    revoked_on_en: str | None
    revocation_reason: str | None
    verification_url: str


class CentreOut(Schema):
    id: int
    code: str
    name: str
    name_en: str | None
    province: str
    province_en: str
    is_active: bool


class ClassOut(Schema):
    id: int
    name: str
    centre: CentreRef
    course: CourseRef
    start_date: dt.date
    end_date: dt.date | None
    member_count: int
    session_count: int


class MemberOut(Schema):
    id: int
    username: str
    first_name: str
    last_name: str
    lessons_done: int
    lessons_total: int
    percent: int
    completed: bool
    is_behind: bool
    present: int
    absent: int
    excused: int
    attendance_percent: int | None


class SessionOut(Schema):
    id: int
    class_id: int
    date: dt.date
    start_time: str = Field(
        pattern=r"^\d{2}:\d{2}$", description="Local time (Asia/Bangkok), HH:MM"
    )
    end_time: str = Field(pattern=r"^\d{2}:\d{2}$", description="Local time (Asia/Bangkok), HH:MM")
    place: str
    topic: str


class AttendanceRowOut(Schema):
    user_id: int
    username: str
    first_name: str
    last_name: str
    status: str | None = Field(description="present, absent, excused, or null when not taken")
    recorded_via: str | None


class AttendanceMark(Schema):
    user_id: int = Field(ge=1, le=2_147_483_647)
    status: str = Field(description="present, absent or excused", max_length=20)


class AttendanceIn(Schema):
    marks: list[AttendanceMark] = Field(min_length=1, max_length=500)


class AttendanceResultOut(Schema):
    changed: int
    completed: int = Field(description="Learners who completed the course with this record")


class ReportRowOut(Schema):
    key: str | None
    label: str
    learners: int
    enrolments: int
    completions: int
    completion_rate: int | None
    certificates: int
    class_sessions: int
    attendance_rate: int | None
    early_sessions: int
    children: int
    adults: int


class ReportOut(Schema):
    dimension: str
    scope: str
    generated_at: dt.datetime
    figures_as_of: dt.datetime | None
    totals: ReportRowOut
    rows: list[ReportRowOut]
