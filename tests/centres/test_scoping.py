"""Staff of centre A get nothing about centre B: not its learners, classes, attendance,
early-childhood sessions, imports or figures. National admins see both."""

import csv
import io

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from lms.centres import scoping
from lms.centres.services import CentreError, learner_password_reset
from lms.centres.wagtail_hooks import centre_viewset
from lms.classes import scoping as class_scoping
from lms.classes.services import cohort_member_add
from lms.early_childhood.scoping import early_childhood_sessions_visible_to
from lms.early_childhood.wagtail_hooks import early_childhood_viewset


def test_learners_visible_to(world):
    assert set(scoping.learners_visible_to(world.admin_a)) >= {world.learner_a}
    assert world.learner_b not in scoping.learners_visible_to(world.admin_a)
    assert world.learner_a not in scoping.learners_visible_to(world.admin_b)
    assert {world.learner_a, world.learner_b} <= set(scoping.learners_visible_to(world.national))
    assert not scoping.learners_visible_to(world.learner_a).exists()


def test_class_members_from_elsewhere_are_visible_to_the_class_centre(world):
    """A learner of centre B in a class at centre A is one of A's learners too."""
    cohort_member_add(actor=world.national, cohort=world.cohort_a, user=world.learner_b)
    assert world.learner_b in scoping.learners_visible_to(world.admin_a)
    assert world.learner_b in scoping.learners_visible_to(world.trainer_a)
    # ...without making centre B's other people visible, and no duplicates.
    visible = list(scoping.learners_visible_to(world.admin_a))
    assert len(visible) == len(set(visible))
    assert world.admin_b not in visible


def test_records_visible_to(world):
    assert list(class_scoping.cohorts_visible_to(world.admin_b)) == [world.cohort_b]
    assert list(class_scoping.sessions_visible_to(world.admin_b)) == [world.session_b]
    assert {a.session_id for a in class_scoping.attendance_visible_to(world.admin_a)} <= {
        world.session_a.pk
    }
    assert list(early_childhood_sessions_visible_to(world.admin_b)) == [world.early_b]
    assert list(class_scoping.imports_visible_to(world.admin_b)) == [world.import_b]
    assert not class_scoping.imports_visible_to(world.trainer_a).exists()  # centre admins only
    assert class_scoping.cohorts_visible_to(world.national).count() == 2
    assert not class_scoping.cohorts_visible_to(world.learner_a).exists()


def test_services_refuse_another_centres_people(world):
    with pytest.raises(CentreError):
        cohort_member_add(actor=world.admin_a, cohort=world.cohort_a, user=world.learner_b)
    with pytest.raises(CentreError):
        cohort_member_add(actor=world.admin_b, cohort=world.cohort_a, user=world.learner_b)
    with pytest.raises(CentreError):
        learner_password_reset(actor=world.admin_b, learner=world.learner_a)
    assert not world.cohort_a.memberships.filter(user=world.learner_b).exists()


@pytest.mark.parametrize(
    "name",
    ["centres:home", "centres:cohort_list", "centres:learner_list", "centres:early_childhood_list"],
)
def test_lists_of_centre_b_hold_nothing_of_centre_a(world, login, name):
    html = login(world.admin_b).get(reverse(name)).content.decode()
    assert world.cohort_a.name not in html
    assert world.learner_a.username not in html
    assert world.centre_a.name_th not in html
    assert reverse("centres:cohort_detail", args=[world.cohort_a.pk]) not in html
    assert reverse("centres:early_childhood_edit", args=[world.early_a.pk]) not in html


def test_learner_search_does_not_reach_another_centre(world, login):
    client = login(world.admin_b)
    detail = reverse("centres:learner_detail", args=[world.learner_a.pk]).encode()
    found = client.get(reverse("centres:learner_list"), {"q": world.learner_a.username}).content
    assert detail not in found
    own = client.get(reverse("centres:learner_list"), {"q": world.learner_b.username}).content
    assert reverse("centres:learner_detail", args=[world.learner_b.pk]).encode() in own
    add = reverse("centres:cohort_members_add", args=[world.cohort_b.pk])
    html = client.get(add, {"q": world.learner_a.username}).content.decode()
    assert f'name="user" value="{world.learner_a.pk}"' not in html
    response = client.post(add, {"user": world.learner_a.pk})
    assert response.status_code == 404
    assert not world.cohort_b.memberships.filter(user=world.learner_a).exists()


def test_imports_of_another_centre_are_not_listed(world, login):
    html = login(world.admin_b).get(reverse("centres:import_upload")).content.decode()
    assert reverse("centres:import_detail", args=[world.import_a.pk]) not in html
    assert reverse("centres:import_detail", args=[world.import_b.pk]) in html


def test_reports_and_exports_of_centre_b_hold_nothing_of_centre_a(world, login):
    client = login(world.admin_b)
    html = client.get(reverse("centres:report"), {"by": "centre"}).content.decode()
    assert world.centre_b.name_th in html
    assert world.centre_a.name_th not in html
    # Asking for centre A's figures by id gives an error on the form, not the figures.
    response = client.get(reverse("centres:report"), {"by": "centre", "centre": world.centre_a.pk})
    assert response.status_code == 400
    assert world.centre_a.name_th not in response.content.decode()
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("centres:report_export", args=["xlsx"])).content)
    ).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert not any(world.centre_a.name_th in cell for cell in cells)
    text = client.get(reverse("centres:report_export", args=["csv"])).content.decode("utf-8-sig")
    assert world.centre_a.name_th not in text


def test_admin_listings_and_their_exports_are_scoped(world, login):
    client = login(world.admin_b)
    centres = client.get(reverse(centre_viewset.get_url_name("index"))).content.decode()
    assert world.centre_b.name_th in centres
    assert world.centre_a.name_th not in centres
    index = reverse(early_childhood_viewset.get_url_name("index"))
    export = client.get(index, {"export": "csv"})
    assert export.status_code == 200
    body = b"".join(export.streaming_content) if export.streaming else export.content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 2  # heading + centre B's one session
    assert world.centre_b.name_th in rows[1]
    national = login(world.national).get(index, {"export": "csv"})
    body = b"".join(national.streaming_content) if national.streaming else national.content
    assert len(list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))) == 3
