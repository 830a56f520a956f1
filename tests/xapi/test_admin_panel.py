"""National admins see on the admin home page how sending learning records goes."""

from django.contrib.auth.models import Group

from lms.learning.services import enrollment_create, lesson_complete
from lms.users import roles
from lms.xapi.services import outbox_drain
from tests.factories import UserFactory


def _staff(username, group):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_national_admins_see_the_counts_in_thai(
    lrs_settings, home, make_learner, course, lessons, client
):
    learner = make_learner("malee")
    enrollment_create(user=learner, course=course)
    lesson_complete(user=learner, lesson=lessons[0])
    outbox_drain()  # nothing listens: both wait after a failed try
    lesson_complete(user=learner, lesson=lessons[1])  # two more, not tried yet

    client.force_login(_staff("national", roles.NATIONAL_ADMINS))
    page = client.get("/admin/").content.decode()
    assert "บันทึกการเรียนรู้ที่ส่งไปยังคลังบันทึก (LRS)" in page
    assert "ส่งแล้ว 0 รายการ รอส่ง 4 รายการ ในจำนวนนี้ 2 รายการส่งไม่สำเร็จ" in page

    client.force_login(_staff("trainer", roles.TRAINERS))
    assert "คลังบันทึก (LRS)" not in client.get("/admin/").content.decode()


def test_no_panel_without_an_lrs(settings, home, client):
    settings.LMS_XAPI_LRS_URL = ""
    client.force_login(_staff("national", roles.NATIONAL_ADMINS))
    assert "คลังบันทึก (LRS)" not in client.get("/admin/").content.decode()
