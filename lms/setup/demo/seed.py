"""Demo data for local use: the demo centre, the four demo accounts and sample
curricula in all three tracks.

`demo_seed()` is idempotent: it creates what is missing and leaves what exists
alone, so running it twice gives the same data and never overwrites edits.
"""

import io
import logging
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page

from curricula.models import (
    ActivityPage,
    CoursePage,
    HomeFeaturedCourse,
    LessonPage,
    SkillTag,
    TrackPage,
)
from lms.centres.models import Centre, HostType, Province, StaffRole, StaffRoleKind
from lms.setup.demo import assessments as assessments_demo
from lms.setup.demo import assignments as assignments_demo
from lms.setup.demo import centres as centres_demo
from lms.setup.demo import certificates as certificates_demo
from lms.setup.demo import dashboards as dashboards_demo
from lms.setup.demo import learning as learning_demo
from lms.setup.demo import scorm as scorm_demo
from lms.setup.platform import platform_setup
from lms.users import roles
from lms.users.models import TitlePrefix, User

from . import content
from .documents import photo_checklist_pdf
from .images import ILLUSTRATIONS, png_bytes

logger = logging.getLogger(__name__)

DEMO_PASSWORD = "demo-pass-2566"  # noqa: S105 - published in the README, local demo only
DEMO_CENTRE_CODE = "NKI-0001"
ASSETS = Path(__file__).parent / "assets"

DEMO_USERS = [
    {
        "username": "demo-learner",
        "title_prefix": TitlePrefix.MISS,
        "first_name": "มาลี",
        "last_name": "ศรีสุข",
        "first_name_en": "Malee",
        "last_name_en": "Srisuk",
        "birth_year": 2001,
        "phone": "0812345678",
        "group": None,
        "role": None,
    },
    {
        "username": "demo-trainer",
        "title_prefix": TitlePrefix.MR,
        "first_name": "สมศักดิ์",
        "last_name": "ทองดี",
        "first_name_en": "Somsak",
        "last_name_en": "Thongdee",
        "birth_year": 1985,
        "email": "trainer@example.org",
        "group": roles.TRAINERS,
        "role": StaffRoleKind.TRAINER,
    },
    {
        "username": "demo-centre-admin",
        "title_prefix": TitlePrefix.MRS,
        "first_name": "วันเพ็ญ",
        "last_name": "แก้วมณี",
        "first_name_en": "Wanphen",
        "last_name_en": "Kaewmanee",
        "birth_year": 1979,
        "email": "centre-admin@example.org",
        "group": roles.CENTRE_ADMINS,
        "role": StaffRoleKind.CENTRE_ADMIN,
    },
    {
        "username": "demo-admin",
        "title_prefix": TitlePrefix.MR,
        "first_name": "ประเสริฐ",
        "last_name": "วงศ์ใหญ่",
        "first_name_en": "Prasert",
        "last_name_en": "Wongyai",
        "birth_year": 1975,
        "email": "national-admin@example.org",
        "group": roles.NATIONAL_ADMINS,
        "role": None,
    },
]


def _centre() -> Centre:
    centre, _created = Centre.objects.get_or_create(
        code=DEMO_CENTRE_CODE,
        defaults={
            "name_th": "ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก",
            "name_en": "Pho Tak Sub-district Community Digital Centre",
            "province": Province.objects.get(code="43"),
            "district": "โพธิ์ตาก",
            "subdistrict": "โพธิ์ตาก",
            "address": "ที่ทำการองค์การบริหารส่วนตำบลโพธิ์ตาก อำเภอโพธิ์ตาก จังหวัดหนองคาย",
            "host_type": HostType.LOCAL_OFFICE,
            "contact_name": "นางวันเพ็ญ แก้วมณี",
            "contact_phone": "042000000",
        },
    )
    return centre


def _users(centre: Centre) -> dict[str, User]:
    users = {}
    for spec in DEMO_USERS:
        spec = dict(spec)
        group_name, role = spec.pop("group"), spec.pop("role")
        username = spec.pop("username")
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, home_centre=centre, **spec)
            user.set_password(DEMO_PASSWORD)
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        if role:
            StaffRole.objects.get_or_create(user=user, centre=centre, role=role)
        users[username] = user
    return users


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name="ตัวอย่าง").first()
    return existing or root.add_child(name="ตัวอย่าง")


def _media(collection: Collection, owner: User) -> dict[str, object]:
    media: dict[str, object] = {}
    for key, (title, _draw) in ILLUSTRATIONS.items():
        image = Image.objects.filter(title=title, collection=collection).first()
        if image is None:
            image = Image(
                title=title,
                collection=collection,
                uploaded_by_user=owner,
                file=ImageFile(io.BytesIO(png_bytes(key)), name=f"demo-{key}.png"),
            )
            image.save()
        media[key] = image
    documents = {
        "photo-checklist": ("เช็กลิสต์ถ่ายรูปสินค้า", "photo-checklist.pdf", photo_checklist_pdf),
        "window-light-video": (
            "วิดีโอ แสงจากหน้าต่าง",
            "window-light.mp4",
            lambda: (ASSETS / "window-light.mp4").read_bytes(),
        ),
    }
    for key, (title, filename, make) in documents.items():
        document = Document.objects.filter(title=title, collection=collection).first()
        if document is None:
            document = Document(title=title, collection=collection, uploaded_by_user=owner)
            document.file.save(filename, ContentFile(make()), save=False)
            document.save()
        media[key] = document
    return media


def _resolve(value, media):
    """Swap "@key" references in block values for the demo image or document."""
    if isinstance(value, str) and value.startswith("@"):
        return media[value[1:]]
    if isinstance(value, dict):
        return {k: _resolve(v, media) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_resolve(v, media) for v in value)
    return value


def _body(blocks, media):
    return [(block_type, _resolve(value, media)) for block_type, value in blocks]


def _publish(page: Page, author: User) -> None:
    """Written by the trainer, published by the national admin (as the workflow would)."""
    approver = User.objects.get(username="demo-admin")
    page.save_revision(user=author).publish(user=approver)


def _tags(names: list[str]) -> list[SkillTag]:
    return [SkillTag.objects.get_or_create(name=name)[0] for name in names]


def _course(spec: dict, track: TrackPage, media, author: User) -> CoursePage:
    course = CoursePage.objects.child_of(track).filter(slug=spec["slug"]).first()
    if course is None:
        course = CoursePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            description=spec["description"],
            level=spec["level"],
            estimated_hours=spec["hours"],
            learning_outcomes=spec["outcomes"],
            cover_image=media[spec["cover"]],
            owner=author,
        )
        track.add_child(instance=course)
        course.tags.set(_tags(spec["tags"]))
        _publish(course, author)
    for lesson_spec in spec["lessons"]:
        if not LessonPage.objects.child_of(course).filter(slug=lesson_spec["slug"]).exists():
            lesson = LessonPage(
                title=lesson_spec["title"],
                slug=lesson_spec["slug"],
                summary=lesson_spec["summary"],
                estimated_minutes=lesson_spec["minutes"],
                body=_body(lesson_spec["body"], media),
                owner=author,
            )
            course.add_child(instance=lesson)
            _publish(lesson, author)
    return course


def _translate_course(course: CoursePage, spec: dict, locale: Locale, media, author: User) -> None:
    translated = course.get_translation_or_none(locale)
    if translated is None:
        translated = course.copy_for_translation(locale).specific
        translated.title = spec["title"]
        translated.summary = spec["summary"]
        translated.description = spec["description"]
        translated.learning_outcomes = spec["outcomes"]
        _publish(translated, author)
    for lesson in LessonPage.objects.child_of(course):
        text = spec["lessons"].get(lesson.slug)
        if text is None or lesson.get_translation_or_none(locale) is not None:
            continue
        copy = lesson.copy_for_translation(locale).specific
        copy.title = text["title"]
        copy.summary = text["summary"]
        copy.body = _body(text["body"], media)
        _publish(copy, author)


def _activity(spec: dict, track: TrackPage, media, author: User) -> ActivityPage:
    activity = ActivityPage.objects.child_of(track).filter(slug=spec["slug"]).first()
    if activity is not None:
        return activity
    activity = ActivityPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        cover_image=media[spec["cover"]],
        age_min=spec["age_min"],
        age_max=spec["age_max"],
        duration_minutes=spec["minutes"],
        group_size_min=spec["group"][0],
        group_size_max=spec["group"][1],
        materials=spec["materials"],
        learning_goals=spec["goals"],
        steps=[
            ("step", {"title": title, "text": f"<p>{text}</p>", "image": None})
            for title, text in spec["steps"]
        ],
        safety_notes=spec["safety"],
        parent_tips=spec["parent_tips"],
        owner=author,
    )
    track.add_child(instance=activity)
    activity.tags.set(_tags(spec["tags"]))
    _publish(activity, author)
    return activity


def _feature(home, courses, author) -> None:
    """The home page features the selling course and online safety, as a national admin
    would choose them in the admin (a published revision, once)."""
    home = home.specific
    if home.featured_courses.exists():
        return
    for order, course in enumerate(courses):
        home.featured_courses.add(HomeFeaturedCourse(course=course, sort_order=order))
    _publish(home, author)


@transaction.atomic
def demo_seed() -> dict[str, object]:
    """Create the demo centre, accounts and curricula that are missing."""
    home = platform_setup()
    centre = _centre()
    users = _users(centre)
    author = users["demo-trainer"]
    media = _media(_collection(), author)
    tracks = {page.track: page for page in TrackPage.objects.child_of(home)}
    english = Locale.objects.get(language_code="en")

    courses = {}
    for spec in content.COURSES:
        courses[spec["slug"]] = _course(spec, tracks[spec["track"]], media, author)
    _translate_course(courses[content.SELLING["slug"]], content.SELLING_EN, english, media, author)
    activities = [
        _activity(spec, tracks["early_childhood"], media, author) for spec in content.ACTIVITIES
    ]
    _feature(home, [courses[content.SELLING["slug"]], courses["online-safety"]], author)
    result = {
        "centre": centre,
        "users": users,
        "courses": courses,
        "activities": activities,
        "media": media,
    }
    # Each app adds its own demo records below, in dependency order, each idempotent.
    assessments_demo.seed(result)
    assignments_demo.seed(result)
    learning_demo.seed(result)
    certificates_demo.seed(result)
    centres_demo.seed(result)
    # The class's villagers exist now: one of them has an essay waiting for the trainer.
    assessments_demo.seed_essay_waiting(result)
    scorm_demo.seed(result)
    # Last: a year of history at several centres, for the dashboards' figures.
    dashboards_demo.seed(result)
    return result
