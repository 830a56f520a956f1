"""Wagtail's built-in reports: scoped to the viewer's centres, or hidden from them."""

import csv
import io

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

import pytest

from lms.centres.audit import log_entries_visible_to
from lms.centres.models import StaffRole, StaffRoleKind
from lms.classes.models import ImportBatch
from lms.users import roles

from ..factories import CentreFactory, UserFactory

pytestmark = pytest.mark.django_db

STAFF = ("trainer", "centre_admin", "national")
# Every report and its live-results URL, and who may open it; the others get a 404.
REPORTS = {
    "site_history": STAFF,
    "locked_pages": ("national",),
    "workflow": ("trainer", "national"),
    "workflow_tasks": ("trainer", "national"),
    "aging_pages": ("trainer", "national"),
    "page_types_usage": ("trainer", "national"),
}
MENU_NAMES = {
    "site_history": "centre-site-history",
    "locked_pages": "locked-pages",
    "workflow": "workflows",
    "workflow_tasks": "workflow-tasks",
    "aging_pages": "aging-pages",
    "page_types_usage": "page-types-usage",
}


def _staff(username, group, centre=None, role=None, **names):
    user = UserFactory(username=username, home_centre=centre, **names)
    user.groups.add(Group.objects.get(name=group))
    if role:
        StaffRole.objects.create(user=user, centre=centre, role=role)
    return user


@pytest.fixture
def world(home):
    centre_a, centre_b = CentreFactory(), CentreFactory()
    people = {
        "trainer": _staff("trainer-b", roles.TRAINERS, centre_b, StaffRoleKind.TRAINER),
        "centre_admin": _staff(
            "admin-b",
            roles.CENTRE_ADMINS,
            centre_b,
            StaffRoleKind.CENTRE_ADMIN,
            first_name="วีระ",
            last_name="ผู้ดูแลบี",
        ),
        "admin_a": _staff(
            "admin-a",
            roles.CENTRE_ADMINS,
            centre_a,
            StaffRoleKind.CENTRE_ADMIN,
            first_name="วันเพ็ญ",
            last_name="ผู้ดูแลเอ",
        ),
        "national": _staff("national", roles.NATIONAL_ADMINS),
        "learner_a": UserFactory(
            username="learner-a", home_centre=centre_a, first_name="ลับเฉพาะ", last_name="ศูนย์เอ"
        ),
        "learner_b": UserFactory(
            username="learner-b", home_centre=centre_b, first_name="เปิดเผย", last_name="ศูนย์บี"
        ),
    }
    # Records every staff member of a centre has a permission on (its centre).
    log(instance=centre_a, action="wagtail.edit", user=people["admin_a"], title="ลับ-ศูนย์เอ")
    log(instance=centre_b, action="wagtail.edit", user=people["centre_admin"], title="เปิด-ศูนย์บี")
    # Records only national admins hold a permission on (people, imports).
    for who in ("learner_a", "learner_b"):
        log(instance=people[who], action="lms.user.signup", user=people[who])
    national = people["national"]
    batch = ImportBatch.objects.create(centre=centre_a, created_by=national, file_name="ลับ-a.csv")
    log(instance=batch, action="lms.import.start", user=national)
    # A model of ours that no app has said how to scope.
    role = StaffRole.objects.get(user=people["trainer"])
    log(instance=role, action="wagtail.edit", user=national, title="บทบาทไม่ระบุขอบเขต")
    return people


@pytest.mark.parametrize("role", STAFF)
def test_each_report_is_open_or_hidden_for_each_role(client, world, role):
    client.force_login(world[role])
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    for name, allowed in REPORTS.items():
        in_menu = f"&quot;{MENU_NAMES[name]}&quot;" in menu or f'"{MENU_NAMES[name]}"' in menu
        for suffix in ("", "_results"):
            response = client.get(reverse(f"wagtailadmin_reports:{name}{suffix}"))
            expected = 200 if role in allowed else 404
            assert response.status_code == expected, (name + suffix, role)
        assert in_menu == (role in allowed), (name, role)


def test_wagtails_own_site_history_menu_item_is_replaced(client, world):
    client.force_login(world["national"])
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "centre-site-history" in menu
    assert "&quot;site-history&quot;" not in menu and '"site-history"' not in menu


@pytest.mark.parametrize("role", ["trainer", "centre_admin"])
def test_site_history_lists_only_the_viewers_centres(
    client, world, role, django_assert_max_num_queries
):
    client.force_login(world[role])
    url = reverse("wagtailadmin_reports:site_history")
    with django_assert_max_num_queries(60):
        page = client.get(url).content.decode()
    results = client.get(reverse("wagtailadmin_reports:site_history_results")).content.decode()
    exported = client.get(url + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    labels = [row[1] for row in rows[1:]]

    assert "เปิด-ศูนย์บี" in labels  # trainers also read the pages' history
    for text in (page, results, "\n".join(labels)):
        assert "เปิด-ศูนย์บี" in text
        for hidden in ("ลับ-ศูนย์เอ", "ลับเฉพาะ", "เปิดเผย", "ลับ-a.csv", "บทบาทไม่ระบุขอบเขต"):
            assert hidden not in text


def test_site_history_filters_offer_only_visible_people(client, world):
    client.force_login(world["centre_admin"])
    page = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "ประวัติกิจกรรมในระบบ" in page  # the title and the menu item, in Thai
    assert "1 รายการ" in page and "log entr" not in page  # its row count, too
    # The "User" filter lists who wrote the entries the viewer may read.
    assert "ผู้ดูแลบี" in page
    assert "ผู้ดูแลเอ" not in page
    # Asking for the other centre's admin's entries is refused, not answered.
    response = client.get(
        reverse("wagtailadmin_reports:site_history_results") + f"?user={world['admin_a'].pk}"
    )
    assert response.status_code == 200
    assert "ลับ-ศูนย์เอ" not in response.content.decode()


def test_unregistered_models_are_for_national_admins_only(world):
    entries = ModelLogEntry.objects.all()
    national = log_entries_visible_to(user=world["national"], queryset=entries)
    trainer = log_entries_visible_to(user=world["trainer"], queryset=entries)
    assert national.count() == entries.count() == 6
    # Scoped by centre, before Wagtail's per-model permissions: B's centre and B's learner.
    assert set(trainer.values_list("label", flat=True)) == {"เปิด-ศูนย์บี", "เปิดเผย ศูนย์บี"}


def test_national_admins_read_every_entry(client, world):
    client.force_login(world["national"])
    url = reverse("wagtailadmin_reports:site_history")
    page = client.get(url).content.decode()
    for text in ("ลับ-ศูนย์เอ", "เปิด-ศูนย์บี", "ลับเฉพาะ ศูนย์เอ", "เปิดเผย ศูนย์บี"):
        assert text in page
    exported = client.get(url + "?export=xlsx")
    assert exported.status_code == 200
    assert exported["Content-Type"].startswith("application/vnd.openxmlformats")
