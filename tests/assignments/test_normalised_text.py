"""Work typed in an assignment gets the one form of typed text, by autosave or by form."""

from django.urls import reverse

import pytest

from lms.assignments.models import Submission

pytestmark = pytest.mark.django_db

TYPED = "ลําดวน\x00 ปลูกต\u0e49\u0e49นไม้\r\nบรรทัดสอง"
STORED = "ลำดวน ปลูกต้นไม้\nบรรทัดสอง"


def test_autosave_stores_no_nul_and_one_form_of_thai(client, learner, assignment):
    client.force_login(learner)
    response = client.post(reverse("assignments:autosave", args=[assignment.pk]), {"text": TYPED})
    assert response.status_code == 200 and response.json()["saved"] is True
    assert Submission.objects.get(user=learner).text == STORED


def test_a_draft_saved_by_the_form_is_stored_the_same_way(client, learner, assignment):
    client.force_login(learner)
    client.post(
        reverse("assignments:detail", args=[assignment.pk]), {"action": "draft", "text": TYPED}
    )
    assert Submission.objects.get(user=learner).text == STORED


@pytest.mark.parametrize("value", ["²", "๑", "-1", "99999999999999999999"])
def test_a_hostile_file_id_to_remove_is_ignored(client, learner, assignment, value):
    client.force_login(learner)
    response = client.post(
        reverse("assignments:detail", args=[assignment.pk]),
        {"action": "draft", "text": "ร่าง", "remove_file": value},
    )
    assert response.status_code < 500
