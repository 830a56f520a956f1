"""Demo data: `make run` may seed any number of times and always ends with the same data."""

from django.apps import apps

import pytest

from lms.learning.models import Enrollment
from lms.setup.demo.seed import demo_seed

pytestmark = pytest.mark.django_db

SNAPSHOT_MODELS = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "wagtailcore.Locale",
    "wagtailcore.WorkflowPage",
    "wagtailcore.GroupPagePermission",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "auth.Group",
    "users.User",
    "centres.Centre",
    "centres.StaffRole",
    "curricula.SkillTag",
    "curricula.CourseTag",
    "curricula.ActivityTag",
    "curricula.SearchEntry",
    "learning.Enrollment",
    "learning.LessonProgress",
]


def snapshot():
    data = {}
    for label in SNAPSHOT_MODELS:
        model = apps.get_model(label)
        fields = [
            f.attname for f in model._meta.concrete_fields if f.attname not in ("last_login",)
        ]
        data[label] = sorted(map(repr, model.objects.values_list(*fields)))
    return data


def test_seeding_twice_gives_the_same_data():
    demo_seed()
    first = snapshot()
    demo_seed()
    assert snapshot() == first


def test_demo_has_what_the_product_brief_promises():
    result = demo_seed()
    assert set(result["users"]) == {
        "demo-learner",
        "demo-trainer",
        "demo-centre-admin",
        "demo-admin",
    }
    for user in result["users"].values():
        assert user.check_password("demo-pass-2566")
    assert result["centre"].name_th == "ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก"
    assert result["centre"].province.name_th == "หนองคาย"
    courses = result["courses"]
    assert courses["sell-products-online"].get_parent().specific.track == "workforce"
    assert courses["online-safety"].get_parent().specific.track == "youth"
    assert len(result["activities"]) >= 2
    english = courses["sell-products-online"].get_translations().get()
    assert english.title == "Selling Products Online for Community Producers"
    learner = result["users"]["demo-learner"]
    states = {
        e.course.slug: e.completed_at is not None for e in Enrollment.objects.filter(user=learner)
    }
    assert states["online-safety"] is True
    assert states["sell-products-online"] is False
    # A SCORM package plays in one lesson of online safety, made by the seed itself.
    package = result["scorm_package"]
    assert (package.lesson.slug, package.version, package.scos.count()) == (
        "think-before-you-post",
        "1.2",
        1,
    )


def test_seed_command_refuses_without_debug(settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
