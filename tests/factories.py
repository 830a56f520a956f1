"""Factories for the models tests need. Pages are created live, under a given parent."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from curricula.models import ActivityPage, CoursePage, LessonPage, Track, TrackPage
from lms.centres.models import Centre, Province, StaffRole, StaffRoleKind
from lms.centres.provinces import provinces_ensure
from lms.users.models import User


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"learner{n}")
    first_name = "สมชาย"
    last_name = factory.Sequence(lambda n: f"ใจดี{n}")
    password = factory.PostGenerationMethodCall("set_password", "pass-2566-ok")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CentreFactory(DjangoModelFactory):
    class Meta:
        model = Centre

    code = factory.Sequence(lambda n: f"C{n:05d}")
    name_th = factory.Sequence(lambda n: f"ศูนย์ดิจิทัลชุมชนทดสอบ {n}")
    name_en = factory.Sequence(lambda n: f"Test Community Digital Centre {n}")
    province = factory.LazyFunction(
        lambda: (provinces_ensure(), Province.objects.get(code="43"))[1]
    )


class StaffRoleFactory(DjangoModelFactory):
    class Meta:
        model = StaffRole

    user = factory.SubFactory(UserFactory)
    centre = factory.SubFactory(CentreFactory)
    role = StaffRoleKind.TRAINER


class TrackPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrackPage

    title = "เยาวชน"
    track = Track.YOUTH


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"หลักสูตรทดสอบ {n}")
    summary = "สรุปหลักสูตรสำหรับการทดสอบ"


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"บทเรียนที่ {n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>เนื้อหาบทเรียน</p>")])


class ActivityPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ActivityPage

    title = factory.Sequence(lambda n: f"กิจกรรม {n}")
    summary = "กิจกรรมสำหรับเด็กปฐมวัย"
    age_min = 3
    age_max = 5
