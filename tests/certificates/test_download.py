"""Only the learner and staff whose centres include the learner can download the PDF."""

import pytest

from lms.certificates.models import Certificate, RenderStatus
from lms.certificates.services import certificate_revoke


@pytest.fixture
def certificate(learner, certified):
    return certified(learner)


def _url(certificate, by="code"):
    reference = certificate.code if by == "code" else certificate.pk
    return f"/certificates/{reference}/download/"


@pytest.mark.parametrize("by", ["code", "id"])
def test_owner_downloads_the_pdf(client, learner, certificate, by):
    client.force_login(learner)
    response = client.get(_url(certificate, by))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("staff", ["centre_admin", "trainer", "national_admin"])
def test_staff_of_the_learners_centre_download(client, certificate, staff, request):
    client.force_login(request.getfixturevalue(staff))
    assert client.get(_url(certificate)).status_code == 200


@pytest.mark.parametrize("who", ["other_learner", "far_admin"])
def test_everyone_else_gets_404(client, certificate, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_url(certificate)).status_code == 404
    assert client.get(_url(certificate, "id")).status_code == 404


def test_anonymous_is_asked_to_log_in(client, certificate):
    response = client.get(_url(certificate))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_unknown_or_malformed_references_are_404(client, learner):
    client.force_login(learner)
    for reference in ("999999", "ZZZZZZZZZZZZZZZZZZZZ", "../../etc/passwd", "x" * 300):
        assert client.get(f"/certificates/{reference}/download/").status_code == 404


def test_a_pdf_not_ready_yet_says_so(client, learner, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(status=RenderStatus.PENDING)
    client.force_login(learner)
    response = client.get(_url(certificate))
    assert response.status_code == 202
    assert "กำลังเตรียมเกียรติบัตรของคุณ" in response.content.decode()


def test_a_revoked_certificate_is_not_handed_to_its_learner(
    client, learner, certificate, national_admin
):
    certificate_revoke(actor=national_admin, certificate=certificate, reason="ออกผิดหลักสูตร")
    client.force_login(learner)
    response = client.get(_url(certificate))
    assert response.status_code == 410
    assert "ออกผิดหลักสูตร" in response.content.decode()
    client.force_login(national_admin)
    assert client.get(_url(certificate)).status_code == 200


def test_learner_sees_their_certificates(
    client, learner, certificate, django_assert_max_num_queries
):
    client.force_login(learner)
    with django_assert_max_num_queries(6):
        response = client.get("/certificates/")
    html = response.content.decode()
    assert response.status_code == 200
    assert certificate.course_title in html
    assert _url(certificate) in html
    assert "พร้อมแล้ว" in html
