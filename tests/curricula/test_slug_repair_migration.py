"""The data migration that repairs slugs left by Wagtail's Thai-dropping slugify."""

import importlib

from django.apps import apps

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

import pytest

from curricula.models import CoursePage, LessonPage
from tests.factories import CoursePageFactory, LessonPageFactory

migration = importlib.import_module("curricula.migrations.0004_repair_page_slugs")


def break_slug(page, slug):
    """Store a junk slug as the old admin did, bypassing today's cleaning."""
    page.refresh_from_db()
    old = page.url_path
    new = old[: -len(page.slug) - 1] + slug + "/"
    Page.objects.filter(pk=page.pk).update(slug=slug)
    for moved in Page.objects.filter(path__startswith=page.path):
        Page.objects.filter(pk=moved.pk).update(url_path=new + moved.url_path[len(old) :])


@pytest.fixture
def broken(workforce_track):
    course = CoursePageFactory(
        parent=workforce_track, title="ถ่ายวิดีโอสินค้าด้วยมือถือ รุ่นทดสอบ H1", slug="c"
    )
    first = LessonPageFactory(parent=course, title="บทที่ 1 จัดแสงและมุมกล้อง", slug="a")
    second = LessonPageFactory(parent=course, title="จัดแสง และมุมกล้อง", slug="b")
    third = LessonPageFactory(parent=course, title="จัดแสง และมุมกล้อง", slug="good-one")
    fourth = LessonPageFactory(parent=course, title="๑๒", slug="d")
    break_slug(first, "-1")
    break_slug(second, "-")
    break_slug(fourth, "12")
    break_slug(course, "-h1")
    return course, first, second, third, fourth


def test_bad_slugs_are_repaired_and_good_ones_kept(broken):
    course, first, second, third, fourth = broken
    migration.repair_page_slugs(apps, None)
    for page in broken:
        page.refresh_from_db()
    assert course.slug == "thai-widio-sinkha-duai-muethue-run-thotsop-h1"
    assert first.slug == "bot-thi-1-chat-saeng-lae-mum-klong"
    assert second.slug == "chat-saeng-lae-mum-klong"
    assert third.slug == "good-one"
    assert fourth.slug == "page-12"
    # The subpages' addresses follow their course's new slug.
    assert first.url_path == f"{course.url_path}bot-thi-1-chat-saeng-lae-mum-klong/"
    assert third.url_path == f"{course.url_path}good-one/"


def test_old_addresses_redirect_to_the_repaired_pages(client, broken):
    course, first, _second, third, _fourth = broken
    migration.repair_page_slugs(apps, None)
    assert Redirect.objects.filter(old_path="/workforce/-h1").exists()
    for old, page in [
        ("/workforce/-h1/", course),
        ("/workforce/-h1/-1/", first),
        ("/workforce/-h1/good-one/", third),  # its own slug was fine; its course's was not
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        page.refresh_from_db()
        assert response["Location"].endswith(page.specific.url), old
        assert client.get(response["Location"]).status_code == 200


def test_a_draft_published_later_keeps_the_repaired_slug(broken):
    course, first, *_ = broken
    lesson = LessonPage.objects.get(pk=first.pk)
    lesson.save_revision()
    revision = lesson.latest_revision
    revision.content["slug"] = "-1"
    revision.save(update_fields=["content"])
    migration.repair_page_slugs(apps, None)
    revision.refresh_from_db()
    assert revision.content["slug"] == "bot-thi-1-chat-saeng-lae-mum-klong"
    revision.publish()
    assert LessonPage.objects.get(pk=first.pk).slug == "bot-thi-1-chat-saeng-lae-mum-klong"


def test_running_it_twice_changes_nothing(broken):
    migration.repair_page_slugs(apps, None)
    slugs = dict(CoursePage.objects.values_list("pk", "slug"))
    redirects = Redirect.objects.count()
    migration.repair_page_slugs(apps, None)
    assert dict(CoursePage.objects.values_list("pk", "slug")) == slugs
    assert Redirect.objects.count() == redirects
