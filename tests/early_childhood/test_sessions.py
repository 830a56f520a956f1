"""A facilitator records an activity run with children: counts, never names."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from lms.centres.services import CentreError
from lms.early_childhood.models import EarlyChildhoodSession
from lms.early_childhood.services import ChildCounts, early_childhood_session_create


def test_record_from_the_phone_form(world, login):
    client = login(world.trainer_a)
    form = client.get(reverse("centres:early_childhood_create"))
    assert form.status_code == 200
    html = form.content.decode()
    assert 'name="centre"' in html and 'type="hidden"' in html  # one centre: not asked
    response = client.post(
        reverse("centres:early_childhood_create"),
        {
            "centre": world.centre_a.pk,
            "activity": world.activity.pk,
            "date": timezone.localdate().isoformat(),
            "children_age_3": 3,
            "children_age_4": 4,
            "children_age_5": 0,
            "children_age_6": 1,
            "adults": 5,
            "notes": "เด็กสนุกมาก",
        },
    )
    assert response.status_code == 302
    record = EarlyChildhoodSession.objects.latest("pk")
    assert (record.children, record.adults, record.recorded_by) == (8, 5, world.trainer_a)


@pytest.mark.parametrize(
    "changes",
    [
        {"children_age_3": 0, "children_age_4": 0},  # no children
        {"children_age_3": -1},
        {"children_age_3": 500},
        {"date": (timezone.localdate() + dt.timedelta(days=1)).isoformat()},
        {"date": "yesterday"},
        {"activity": 999999},
        {"centre": 999999},
    ],
)
def test_bad_input_saves_nothing(world, login, changes):
    data = {
        "centre": world.centre_a.pk,
        "activity": world.activity.pk,
        "date": timezone.localdate().isoformat(),
        "children_age_3": 2,
        "children_age_4": 0,
        "children_age_5": 0,
        "children_age_6": 0,
        "adults": 1,
        **changes,
    }
    count = EarlyChildhoodSession.objects.count()
    response = login(world.trainer_a).post(reverse("centres:early_childhood_create"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "errorlist" in html or "message--error" in html
    assert EarlyChildhoodSession.objects.count() == count


def test_another_centre_is_refused(world, login):
    with pytest.raises(CentreError):
        early_childhood_session_create(
            actor=world.trainer_a,
            centre=world.centre_b,
            activity=world.activity,
            date=timezone.localdate(),
            counts=ChildCounts(age_3=1),
        )
    response = login(world.trainer_a).post(
        reverse("centres:early_childhood_create"),
        {
            "centre": world.centre_b.pk,
            "activity": world.activity.pk,
            "date": timezone.localdate().isoformat(),
            "children_age_3": 1,
            "children_age_4": 0,
            "children_age_5": 0,
            "children_age_6": 0,
            "adults": 0,
        },
    )
    assert response.status_code == 400  # the centre is not a choice
    assert not EarlyChildhoodSession.objects.filter(
        centre=world.centre_b, recorded_by=world.trainer_a
    )


def test_edit_and_delete(world, login):
    client = login(world.trainer_a)
    url = reverse("centres:early_childhood_edit", args=[world.early_a.pk])
    data = {
        "activity": world.activity.pk,
        "date": timezone.localdate().isoformat(),
        "children_age_3": 1,
        "children_age_4": 1,
        "children_age_5": 1,
        "children_age_6": 1,
        "adults": 2,
        "notes": "",
    }
    assert client.post(url, data).status_code == 302
    world.early_a.refresh_from_db()
    assert world.early_a.children == 4
    assert client.post(url, {"delete": "1"}).status_code == 302
    assert not EarlyChildhoodSession.objects.filter(pk=world.early_a.pk).exists()
    assert (
        login(world.admin_b)
        .post(reverse("centres:early_childhood_edit", args=[world.early_b.pk]), {"delete": "1"})
        .status_code
        == 302
    )
