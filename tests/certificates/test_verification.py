"""Public verification: valid, revoked and unknown codes, as HTML and as JSON."""

import pytest

from lms.certificates.services import certificate_revoke

VERIFY = "/certificates/verify/{}/"
EXPECTED_KEYS = {
    "status",
    "code",
    "learner_name",
    "learner_name_en",
    "course",
    "course_en",
    "centre",
    "centre_en",
    "issued_on",
    "issued_on_th",
    "issued_on_en",
    "revoked_on",
    "revoked_on_th",
    "revoked_on_en",
    "revocation_reason",
    "verification_url",
}


@pytest.fixture
def certificate(learner, certified):
    return certified(learner)


def test_valid_certificate_html(client, certificate, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(VERIFY.format(certificate.display_code))
    assert response.status_code == 200
    html = response.content.decode()
    assert "เกียรติบัตรนี้ใช้ได้" in html
    assert "นางสาวมาลี ศรีสุข" in html
    assert certificate.course_title in html
    assert "ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก" in html
    assert "พ.ศ. 25" in html
    assert "no-cache" in response["Cache-Control"]
    # Nothing beyond what verification promises: no username, e-mail or number.
    assert "malee@example.org" not in html
    assert ">malee<" not in html
    assert certificate.number not in html


def test_valid_certificate_json(client, certificate):
    response = client.get(VERIFY.format(certificate.display_code), {"format": "json"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == EXPECTED_KEYS
    assert body["status"] == "valid"
    assert body["code"] == certificate.display_code
    assert body["learner_name"] == "นางสาวมาลี ศรีสุข"
    assert body["learner_name_en"] == "Miss Malee Srisuk"
    assert body["course"] == certificate.course_title
    assert body["centre"] == "ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก"
    assert body["issued_on_th"].endswith(f"พ.ศ. {certificate.issued_at.year + 543}")
    assert body["revoked_on"] is None and body["revocation_reason"] is None
    assert body["verification_url"].endswith(VERIFY.format(certificate.display_code))


def test_revoked_certificate_shows_date_and_reason(client, certificate, national_admin):
    certificate_revoke(actor=national_admin, certificate=certificate, reason="พบว่าทำแบบทดสอบแทนกัน")
    html_response = client.get(VERIFY.format(certificate.display_code))
    assert html_response.status_code == 200
    html = html_response.content.decode()
    assert "เกียรติบัตรนี้ถูกเพิกถอนแล้ว" in html
    assert "เกียรติบัตรนี้ใช้ได้" not in html
    assert "พบว่าทำแบบทดสอบแทนกัน" in html
    assert "พ.ศ." in html

    body = client.get(VERIFY.format(certificate.display_code), {"format": "json"}).json()
    assert body["status"] == "revoked"
    assert body["revocation_reason"] == "พบว่าทำแบบทดสอบแทนกัน"
    assert body["revoked_on"] is not None
    assert "พ.ศ." in body["revoked_on_th"]
    assert body["learner_name"] == "นางสาวมาลี ศรีสุข"


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["7KQ2M-XW9PA-3RT8H-V6NBC", "not-a-code", "A" * 64])
def test_unknown_code_is_a_helpful_404(client, code):
    response = client.get(VERIFY.format(code))
    assert response.status_code == 404
    html = response.content.decode()
    assert "เราไม่พบเกียรติบัตรนี้" in html
    assert 'name="code"' in html  # a form to type it again

    body = client.get(VERIFY.format(code), {"format": "json"}).json()
    assert body["status"] == "unknown"
    assert body["message"]


def test_typed_codes_are_forgiving(client, certificate):
    """Lower case, spaces, no dashes, and I/L/O typed for 1/0 still find the certificate."""
    compact = certificate.code
    typo = compact.replace("1", "l").replace("0", "o").lower()
    for typed in (compact.lower(), " ".join(compact[i : i + 4] for i in range(0, 20, 4)), typo):
        response = client.get("/certificates/verify/", {"code": typed})
        assert response.status_code == 302, typed
        assert response["Location"] == VERIFY.format(certificate.display_code)
    # The same forgiveness in the URL itself: redirected to the printed form.
    response = client.get(VERIFY.format(compact.lower()))
    assert response.status_code == 302
    assert response["Location"] == VERIFY.format(certificate.display_code)


@pytest.mark.django_db
def test_verify_form_rejects_what_cannot_be_a_code(client):
    assert client.get("/certificates/verify/").status_code == 200
    response = client.get("/certificates/verify/", {"code": "12345"})
    assert response.status_code == 400
    assert "รหัสนี้ไม่เหมือนรหัสเกียรติบัตร" in response.content.decode()
    assert client.get("/certificates/verify/", {"code": "x" * 5000}).status_code == 400


def test_english_page_uses_english_names(client, certificate):
    response = client.get("/en" + VERIFY.format(certificate.display_code))
    assert response.status_code == 200
    assert "Miss Malee Srisuk" in response.content.decode()
