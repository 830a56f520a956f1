"""Demo records of the centres app (idempotent): a second centre in another province
with its own admin (to try scoping), a class of the online-selling course at the
demo centre with sessions and attendance, and early-childhood sessions."""

import datetime as dt

from django.contrib.auth.models import Group
from django.utils import timezone

from lms.centres.models import Centre, HostType, Province, StaffRole, StaffRoleKind
from lms.classes.models import AttendanceStatus, Cohort
from lms.classes.services import (
    attendance_record,
    cohort_create,
    cohort_member_add,
    cohort_session_create,
)
from lms.early_childhood.models import EarlyChildhoodSession
from lms.early_childhood.services import ChildCounts, early_childhood_session_create
from lms.learning.models import Enrollment
from lms.learning.services import enrollment_create
from lms.users import roles
from lms.users.models import TitlePrefix, User

SECOND_CENTRE_CODE = "KKN-0002"
COHORT_NAME = "ขายของออนไลน์ รุ่นที่ 1"

VILLAGERS = [
    ("demo-somjai", TitlePrefix.MRS, "สมใจ", "ใจดี", 1972, "0861234501"),
    ("demo-bunmee", TitlePrefix.MR, "บุญมี", "ศรีทอง", 1968, "0861234502"),
    ("demo-janpen", TitlePrefix.MISS, "จันทร์เพ็ญ", "พรมมา", 1995, "0861234503"),
    ("demo-prayoon", TitlePrefix.MR, "ประยูร", "คำแสน", 1980, "0861234504"),
    ("demo-thongbai", TitlePrefix.MRS, "ทองใบ", "บุญเรือง", 1975, "0861234505"),
    ("demo-pimchanok", TitlePrefix.MISS, "พิมพ์ชนก", "แก้วกันยา", 2001, "0861234506"),
]
SECOND_CENTRE_LEARNERS = [
    ("demo-kkn-wanida", TitlePrefix.MISS, "วนิดา", "สุขสวัสดิ์", 1999, "0871234501"),
    ("demo-kkn-somporn", TitlePrefix.MR, "สมพร", "ทองมา", 1984, "0871234502"),
    ("demo-kkn-kanya", TitlePrefix.MRS, "กัญญา", "ศรีสุข", 1977, "0871234503"),
]


def _person(spec, centre: Centre, password: str) -> User:
    username, title, first, last, year, phone = spec
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(
            username=username,
            title_prefix=title,
            first_name=first,
            last_name=last,
            birth_year=year,
            phone=phone,
            home_centre=centre,
        )
        user.set_password(password)
        user.save()
    return user


def _second_centre(password: str) -> tuple[Centre, User]:
    centre, _created = Centre.objects.get_or_create(
        code=SECOND_CENTRE_CODE,
        defaults={
            "name_th": "ศูนย์ดิจิทัลชุมชนตำบลบ้านแฮด",
            "name_en": "Ban Haet Sub-district Community Digital Centre",
            "province": Province.objects.get(code="40"),
            "district": "บ้านแฮด",
            "subdistrict": "บ้านแฮด",
            "address": "โรงเรียนบ้านแฮด อำเภอบ้านแฮด จังหวัดขอนแก่น",
            "host_type": HostType.SCHOOL,
            "contact_name": "นายวีระ ศรีบุญเรือง",
            "contact_phone": "043000000",
        },
    )
    admin = User.objects.filter(username="demo-centre-admin-2").first()
    if admin is None:
        admin = User(
            username="demo-centre-admin-2",
            title_prefix=TitlePrefix.MR,
            first_name="วีระ",
            last_name="ศรีบุญเรือง",
            first_name_en="Weera",
            last_name_en="Sriboonruang",
            birth_year=1981,
            email="centre-admin-2@example.org",
            home_centre=centre,
        )
        admin.set_password(password)
        admin.save()
    admin.groups.add(Group.objects.get(name=roles.CENTRE_ADMINS))
    StaffRole.objects.get_or_create(user=admin, centre=centre, role=StaffRoleKind.CENTRE_ADMIN)
    return centre, admin


def seed(result: dict) -> None:
    from lms.setup.demo.seed import DEMO_PASSWORD

    centre = result["centre"]
    users = result["users"]
    trainer, centre_admin = users["demo-trainer"], users["demo-centre-admin"]
    selling = result["courses"]["sell-products-online"]
    safety = result["courses"]["online-safety"]
    today = timezone.localdate()

    second, second_admin = _second_centre(DEMO_PASSWORD)
    for spec in SECOND_CENTRE_LEARNERS:
        learner = _person(spec, second, DEMO_PASSWORD)
        if not Enrollment.objects.filter(user=learner, course=safety).exists():
            enrollment_create(user=learner, course=safety)

    cohort = Cohort.objects.filter(centre=centre, name=COHORT_NAME).first()
    if cohort is None:
        cohort = cohort_create(
            actor=centre_admin,
            centre=centre,
            course=selling,
            name=COHORT_NAME,
            start_date=today - dt.timedelta(days=14),
            end_date=today + dt.timedelta(days=28),
            trainers=[trainer],
        )
        members = [users["demo-learner"]] + [
            _person(spec, centre, DEMO_PASSWORD) for spec in VILLAGERS
        ]
        for member in members:
            cohort_member_add(actor=trainer, cohort=cohort, user=member)
        plan = [
            (-14, dt.time(9), dt.time(12), "ตั้งชื่อร้านและถ่ายรูปสินค้า"),
            (-7, dt.time(9), dt.time(12), "เขียนรายละเอียดสินค้าให้น่าซื้อ"),
            (0, dt.time(9), dt.time(16), "เปิดร้านจริงและรับคำสั่งซื้อแรก"),
            (7, dt.time(9), dt.time(12), "ส่งของกับไปรษณีย์และดูแลลูกค้า"),
        ]
        sessions = [
            cohort_session_create(
                actor=trainer,
                cohort=cohort,
                date=today + dt.timedelta(days=offset),
                start_time=start,
                end_time=end,
                place="ห้องอบรม ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก",
                topic=topic,
            )
            for offset, start, end, topic in plan
        ]
        # The first two sessions have happened: most came, one was absent, one excused.
        for session, absent, excused in ((sessions[0], 2, None), (sessions[1], 4, 5)):
            marks = {}
            for index, member in enumerate(members):
                status = AttendanceStatus.PRESENT
                if index == absent:
                    status = AttendanceStatus.ABSENT
                elif index == excused:
                    status = AttendanceStatus.EXCUSED
                marks[member.pk] = status
            attendance_record(actor=trainer, session=session, marks=marks)

    activities = result["activities"]
    if activities and not EarlyChildhoodSession.objects.filter(centre=centre).exists():
        early_childhood_session_create(
            actor=trainer,
            centre=centre,
            activity=activities[0],
            date=today - dt.timedelta(days=3),
            counts=ChildCounts(age_3=4, age_4=5, age_5=3, age_6=0, adults=6),
            notes="เด็ก ๆ ชอบมาก ผู้ปกครองช่วยเตรียมอุปกรณ์ ครั้งหน้าควรเตรียมกระดาษเพิ่ม",
        )
    if len(activities) > 1 and not EarlyChildhoodSession.objects.filter(centre=second).exists():
        early_childhood_session_create(
            actor=second_admin,
            centre=second,
            activity=activities[1],
            date=today - dt.timedelta(days=5),
            counts=ChildCounts(age_3=2, age_4=3, age_5=4, age_6=2, adults=4),
            notes="ทำกิจกรรมที่ห้องสมุดโรงเรียน",
        )
