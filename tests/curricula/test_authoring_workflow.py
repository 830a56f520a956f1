"""A trainer writes a lesson with every block type and submits it; only a national
admin can publish it, through the Curriculum review workflow."""

from django.contrib.auth.models import Group

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest
import wagtail_factories

from curricula.models import LessonPage
from lms.users import roles
from tests.factories import UserFactory


@pytest.fixture
def trainer(home):
    user = UserFactory(username="trainer1")
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    return user


@pytest.fixture
def national_admin(home):
    user = UserFactory(username="national1")
    user.groups.add(Group.objects.get(name=roles.NATIONAL_ADMINS))
    return user


@pytest.fixture
def media():
    image = wagtail_factories.ImageFactory(title="สินค้าบนผ้าขาว")
    document = wagtail_factories.DocumentFactory(title="เช็กลิสต์ถ่ายรูป")
    return image, document


def every_block(image, document):
    return streamfield(
        [
            ("paragraph", rich_text("<p>แสงจากหน้าต่างช่วยให้สินค้าดูเป็นธรรมชาติ</p>")),
            ("heading", {"text": "เตรียมฉาก", "level": "h2"}),
            ("image", {"image": image.pk, "alt_text": "ขวดน้ำพริกบนผ้าขาว", "caption": "ฉากง่าย ๆ"}),
            (
                "video",
                {"url": "", "file": document.pk, "caption": "ตัวอย่าง", "transcript": "คำบรรยาย"},
            ),
            ("download", {"document": document.pk, "description": "พิมพ์ไปใช้ได้"}),
            (
                "callout",
                {"kind": "tip", "title": "เคล็ดลับ", "text": rich_text("<p>เช็ดเลนส์ก่อนถ่าย</p>")},
            ),
            (
                "steps",
                {
                    "title": "ขั้นตอน",
                    "steps": {
                        "count": "2",
                        **{
                            str(i): {
                                "value": {
                                    "title": f"ขั้นที่ {i + 1}",
                                    "text": rich_text("<p>ทำตาม</p>"),
                                    "image": "",
                                },
                                "deleted": "",
                                "order": str(i),
                                "id": "",
                            }
                            for i in range(2)
                        },
                    },
                },
            ),
            (
                "practice",
                {
                    "title": "ลองถ่ายสินค้าของคุณ",
                    "instructions": rich_text("<p>ถ่ายสามมุม</p>"),
                    "duration_minutes": "20",
                    "checklist": {
                        "count": "1",
                        "0": {"value": "ภาพคมชัด", "deleted": "", "order": "0", "id": ""},
                    },
                },
            ),
        ]
    )


def lesson_form(image, document, **extra):
    return nested_form_data(
        {
            "title": "ถ่ายรูปสินค้าด้วยมือถือ",
            "slug": "photograph-products",
            "summary": "ถ่ายรูปสินค้าให้น่าซื้อ",
            "estimated_minutes": "20",
            "body": every_block(image, document),
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
            **extra,
        }
    )


def test_trainer_submits_for_review_and_admin_publishes(
    client, trainer, national_admin, course, media
):
    client.force_login(trainer)
    response = client.post(
        f"/admin/pages/add/curricula/lessonpage/{course.pk}/",
        lesson_form(*media, **{"action-submit": "Submit"}),
    )
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    lesson = LessonPage.objects.get(slug="photograph-products")
    assert not lesson.live
    assert [block.block_type for block in lesson.get_latest_revision_as_object().body] == [
        "paragraph",
        "heading",
        "image",
        "video",
        "download",
        "callout",
        "steps",
        "practice",
    ]
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "การตรวจหลักสูตร"

    # The trainer's publish button does nothing: the page stays a draft in review.
    client.post(
        f"/admin/pages/{lesson.pk}/edit/", lesson_form(*media, **{"action-publish": "Publish"})
    )
    lesson.refresh_from_db()
    assert not lesson.live

    client.force_login(national_admin)
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{lesson.pk}/approve/{task_state.pk}/", {"comment": "เรียบร้อย"}
    )
    assert response.status_code in (200, 302)
    lesson.refresh_from_db()
    assert lesson.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    public = client.get(lesson.url)
    assert public.status_code == 200
    assert "ลองถ่ายสินค้าของคุณ" in public.content.decode()


def test_trainer_lacks_publish_permission(trainer, course):
    perms = course.permissions_for_user(trainer)
    assert perms.can_edit()
    assert not perms.can_publish()


def test_national_admin_can_publish(national_admin, course):
    assert course.permissions_for_user(national_admin).can_publish()


def test_preview_renders_a_draft_lesson(client, trainer, course, media):
    client.force_login(trainer)
    response = client.post(
        f"/admin/pages/add/curricula/lessonpage/{course.pk}/preview/", lesson_form(*media)
    )
    assert response.json() == {"is_valid": True, "is_available": True}
    preview = client.get(f"/admin/pages/add/curricula/lessonpage/{course.pk}/preview/")
    assert preview.status_code == 200
    assert "เตรียมฉาก" in preview.content.decode()


def test_revisions_are_kept(client, trainer, course, media):
    client.force_login(trainer)
    client.post(f"/admin/pages/add/curricula/lessonpage/{course.pk}/", lesson_form(*media))
    lesson = LessonPage.objects.get(slug="photograph-products")
    client.post(f"/admin/pages/{lesson.pk}/edit/", lesson_form(*media, title="ถ่ายรูปสินค้า ฉบับปรับปรุง"))
    titles = [rev.as_object().title for rev in lesson.revisions.order_by("created_at")]
    assert titles == ["ถ่ายรูปสินค้าด้วยมือถือ", "ถ่ายรูปสินค้า ฉบับปรับปรุง"]
    assert Page.objects.get(pk=lesson.pk).live is False


def test_thai_title_without_slug_gets_an_ascii_slug(client, trainer, course, media):
    client.force_login(trainer)
    data = lesson_form(*media, **{"action-submit": "Submit"})
    data["slug"] = ""
    data["title"] = "การแพ็กสินค้าส่งไปรษณีย์"
    response = client.post(f"/admin/pages/add/curricula/lessonpage/{course.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    lesson = LessonPage.objects.get(title="การแพ็กสินค้าส่งไปรษณีย์")
    assert lesson.slug.isascii() and len(lesson.slug) > 5


def test_admin_draws_thai_with_the_sites_sarabun(client, trainer):
    client.force_login(trainer)
    html = client.get("/admin/").content.decode()
    assert "/static/css/fonts.css" in html and "/static/css/admin.css" in html
    assert "gravatar" not in html
