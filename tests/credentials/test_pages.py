"""The pages around credentials: the learner's list, consent, the PDF attachment, the
verify form's answers to bad input, and the keys in the admin."""

import json
import re
import subprocess

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from lms.certificates.models import Certificate
from lms.certificates.services import certificate_storage
from lms.credentials.models import CredentialConsent, IssuerKey

from .helpers import verify_with_did

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, timeout=60, check=True, text=True).stdout


VERIFY = "/credentials/verify/"


def test_the_learner_finds_the_credential_and_its_qr_code(client, learner, certified):
    certificate = certified(learner)
    client.force_login(learner)
    page = client.get("/certificates/").content.decode()
    assert "ดาวน์โหลดหลักฐานดิจิทัล (JSON)" in page
    assert f'href="http://127.0.0.1:8000/credentials/{certificate.code}.json"' in page or (
        f"/credentials/{certificate.code}.json" in page
    )
    assert 'src="data:image/svg+xml' in page
    assert "แสดงชื่อของฉันในหลักฐานดิจิทัล" in page


def test_consent_is_the_learners_own_choice(client, learner, other_learner):
    client.force_login(learner)
    response = client.post("/credentials/consent/", {"show_name": "on"})
    assert response.status_code == 302
    assert CredentialConsent.objects.get(user=learner).show_name is True
    assert not CredentialConsent.objects.filter(user=other_learner).exists()
    client.post("/credentials/consent/", {})
    assert CredentialConsent.objects.get(user=learner).show_name is False


def test_consent_needs_a_signed_in_learner(client):
    response = client.post("/credentials/consent/", {"show_name": "on"})
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not CredentialConsent.objects.exists()


def test_the_pdf_carries_the_credential(client, learner, certified, tmp_path):
    """pdfdetach (poppler) finds the credential in the PDF, and it verifies."""
    certificate = certified(learner)
    certificate.refresh_from_db()
    assert certificate.is_ready
    path = tmp_path / "certificate.pdf"
    with certificate_storage().open(certificate.file_name, "rb") as handle:
        path.write_bytes(handle.read())
    name = f"credential-{certificate.code}.json"
    listing = _run("pdfdetach", "-list", str(path))
    assert name in listing
    _run("pdfdetach", "-saveall", "-o", str(tmp_path), str(path))
    envelope = json.loads((tmp_path / name).read_text())
    token = envelope["id"].removeprefix("data:application/vc+jwt,")
    assert verify_with_did(client, token)["id"].endswith(f"/credentials/{certificate.code}.json")


def test_a_revoked_certificate_has_no_credential_link(client, learner, certified):
    certificate = certified(learner)
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=certificate.issued_at, revoked_reason="x"
    )
    client.force_login(learner)
    assert "ดาวน์โหลดหลักฐานดิจิทัล" not in client.get("/certificates/").content.decode()


def test_unknown_code_is_404(client):
    assert client.get("/credentials/ZZZZZZZZZZZZZZZZZZZZ.json").status_code == 404
    assert client.get("/credentials/status/2/").status_code == 404


@pytest.mark.parametrize(
    "text",
    [
        "สวัสดีครับ นี่ไม่ใช่หลักฐาน",
        '{"hello": "world"}',
        "[1, 2, 3]",
        '{"id": "data:application/vc+jwt,not a token"}',
        "{not json",
    ],
)
def test_garbage_gets_a_thai_400(client, text):
    response = client.post(VERIFY, {"credential": text})
    assert response.status_code == 400
    assert "ไม่ใช่หลักฐานดิจิทัล" in response.content.decode()
    response = client.post(VERIFY + "?format=json", {"credential": text})
    assert response.status_code == 400
    assert response.json()["status"] == "error"
    assert "ไม่ใช่หลักฐานดิจิทัล" in response.json()["message"]


def test_an_empty_form_gets_a_thai_400(client):
    response = client.post(VERIFY, {"credential": "  "})
    assert response.status_code == 400
    assert "โปรดวางหลักฐานดิจิทัล" in response.content.decode()


def test_a_huge_paste_gets_a_thai_413(client):
    huge = "a." * (33 * 1024) + "b"
    response = client.post(VERIFY, {"credential": huge})
    assert response.status_code == 413
    assert "ใหญ่เกิน" in response.content.decode()
    upload = SimpleUploadedFile("big.json", b"{" + b" " * (65 * 1024) + b"}")
    response = client.post(VERIFY + "?format=json", {"file": upload})
    assert response.status_code == 413
    assert "ใหญ่เกิน" in response.json()["message"]


def test_a_binary_upload_gets_a_thai_400(client):
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff")
    response = client.post(VERIFY, {"file": upload})
    assert response.status_code == 400
    assert "ไม่ใช่ไฟล์ข้อความ" in response.content.decode()


def test_the_verify_page_opens_for_anyone_and_is_linked(client):
    page = client.get(VERIFY).content.decode()
    assert "ตรวจหลักฐานดิจิทัล" in page
    assert VERIFY in client.get("/certificates/verify/").content.decode()


def test_national_admins_rotate_keys_in_the_admin(client, national_admin, centre_admin):
    from lms.credentials.services import issuer_key_ensure

    first = issuer_key_ensure()
    client.force_login(centre_admin)
    # Wagtail answers a refused admin page by sending staff back to the dashboard.
    for response in (
        client.get("/admin/credentials/keys/"),
        client.post("/admin/credentials/keys/"),
    ):
        assert response.status_code in (302, 403)
        assert first.kid not in response.content.decode()
    assert IssuerKey.objects.count() == 1
    client.force_login(national_admin)
    page = client.get("/admin/credentials/keys/").content.decode()
    assert first.kid in page
    assert first.private_key_encrypted not in page
    response = client.post("/admin/credentials/keys/", follow=True)
    assert response.status_code == 200
    first.refresh_from_db()
    assert first.retired_at is not None
    active = IssuerKey.objects.active().get()
    assert active != first
    assert re.search(re.escape(active.kid), response.content.decode())
    assert len(client.get("/.well-known/did.json").json()["verificationMethod"]) == 2


def test_an_unreadable_key_does_not_stop_the_certificate(learner, certified, settings, caplog):
    from lms.credentials.services import issuer_key_ensure

    issuer_key_ensure()
    settings.CREDENTIALS_KEY_SECRET = "another secret than the one the key was sealed with"
    certificate = certified(learner)
    certificate.refresh_from_db()
    assert certificate.is_ready
    assert "could not be signed" in caplog.text
