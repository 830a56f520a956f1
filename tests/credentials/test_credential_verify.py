"""A learner's credential checked as an outside verifier would: jwcrypto (which did not
sign it) with the keys from /.well-known/did.json, and the status list refetched."""

import json

import pytest
from jwcrypto.jws import InvalidJWSSignature

from lms.certificates.services import certificate_revoke
from lms.credentials.models import IssuerKey
from lms.credentials.services import issuer_key_create

from .helpers import (
    b64encode,
    header_of,
    payload_of,
    status_bit,
    token_from_download,
    verify_with_did,
)

pytestmark = pytest.mark.django_db


def _check(client, token: str) -> dict:
    response = client.post("/credentials/verify/?format=json", {"credential": token})
    assert response.status_code == 200
    return response.json()


def test_a_learners_credential_verifies_with_an_independent_library(client, learner, certified):
    certificate = certified(learner)
    token = token_from_download(client, certificate.code)
    header = header_of(token)
    assert header["alg"] == "EdDSA"
    assert header["typ"] == "vc+jwt"
    did = client.get("/.well-known/did.json").json()["id"]
    assert header["kid"].startswith(did + "#")
    credential = verify_with_did(client, token)
    assert credential["id"].endswith(f"/credentials/{certificate.code}.json")
    assert credential["issuer"]["id"] == did
    assert credential["credentialSubject"]["achievement"]["name"] == "การขายสินค้าออนไลน์"
    # The JWKS publishes the same key.
    kids = [key["kid"] for key in client.get("/.well-known/jwks.json").json()["keys"]]
    assert header["kid"].split("#", 1)[1] in kids
    assert _check(client, token)["status"] == "valid"


def test_a_tampered_copy_fails(client, learner, certified):
    token = token_from_download(client, certificate_code := certified(learner).code)
    header, _payload, signature = token.split(".")
    credential = payload_of(token)
    credential["credentialSubject"]["achievement"]["name"] = "หลักสูตรที่ไม่ได้เรียน"
    forged = ".".join(
        [header, b64encode(json.dumps(credential, ensure_ascii=False).encode()), signature]
    )
    with pytest.raises(InvalidJWSSignature):
        verify_with_did(client, forged)
    result = _check(client, forged)
    assert result["status"] == "tampered"
    assert "ลายเซ็น" in result["message"]
    # The original still verifies.
    assert _check(client, token_from_download(client, certificate_code))["status"] == "valid"


def test_a_revoked_certificate_shows_in_the_refetched_status_list(
    client, learner, certified, national_admin, django_capture_on_commit_callbacks
):
    certificate = certified(learner)
    token = token_from_download(client, certificate.code)
    status = payload_of(token)["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status_bit(client, status) == 0  # fetched (and cached) before the revocation
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(actor=national_admin, certificate=certificate, reason="ทุจริตในการสอบ")
    assert status_bit(client, status) == 1
    # The signature is still good: the verdict is "revoked", not "tampered".
    verify_with_did(client, token)
    assert _check(client, token)["status"] == "revoked"


def test_only_revoked_certificates_are_set_in_the_list(
    client, learner, other_learner, certified, national_admin, django_capture_on_commit_callbacks
):
    kept = payload_of(token_from_download(client, certified(learner).code))
    revoked_certificate = certified(other_learner)
    revoked = payload_of(token_from_download(client, revoked_certificate.code))
    assert (
        kept["credentialStatus"]["statusListIndex"]
        != revoked["credentialStatus"]["statusListIndex"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(actor=national_admin, certificate=revoked_certificate, reason="ผิดคน")
    assert status_bit(client, revoked["credentialStatus"]) == 1
    assert status_bit(client, kept["credentialStatus"]) == 0


def test_the_status_index_is_allocated_once(client, learner, certified):
    code = certified(learner).code
    first = payload_of(token_from_download(client, code))["credentialStatus"]
    again = payload_of(token_from_download(client, code))["credentialStatus"]
    assert first == again


def test_key_rotation_keeps_old_credentials_valid(
    client, learner, certified, national_admin, django_capture_on_commit_callbacks
):
    code = certified(learner).code
    old_token = token_from_download(client, code)
    with django_capture_on_commit_callbacks(execute=True):
        new_key = issuer_key_create(actor=national_admin)
    document = client.get("/.well-known/did.json").json()
    assert len(document["verificationMethod"]) == IssuerKey.objects.count() >= 2
    assert IssuerKey.objects.active().get() == new_key
    verify_with_did(client, old_token)
    assert _check(client, old_token)["status"] == "valid"
    new_token = token_from_download(client, code)
    assert header_of(new_token)["kid"].endswith("#" + new_key.kid)
    assert header_of(old_token)["kid"] != header_of(new_token)["kid"]
    verify_with_did(client, new_token)
    # The status list is signed with the new key too, and still decodes.
    assert status_bit(client, payload_of(new_token)["credentialStatus"]) == 0


# joserfc warns that "EdDSA" is deprecated (RFC 9864); the stranger signs as we do.
@pytest.mark.filterwarnings("ignore::joserfc.errors.SecurityWarning")
def test_a_credential_signed_elsewhere_is_an_unknown_issuer(client, learner, certified):
    from joserfc import jws
    from joserfc.jwk import OKPKey

    credential = payload_of(token_from_download(client, certified(learner).code))
    stranger = OKPKey.generate_key("Ed25519")
    for kid in ("did:web:example.org#key-1", header_of_any(client, learner)):
        token = jws.serialize_compact(
            {"alg": "EdDSA", "kid": kid, "typ": "vc+jwt"},
            json.dumps(credential).encode(),
            stranger,
            algorithms=["EdDSA"],
        )
        result = _check(client, token)
        expected = "unknown_issuer" if kid.startswith("did:web:example.org") else "tampered"
        assert result["status"] == expected, kid


def header_of_any(client, learner) -> str:
    """Our own key's reference: a stranger's signature under it is a forgery."""
    return client.get("/.well-known/did.json").json()["assertionMethod"][0]


def test_the_enveloped_json_is_accepted_as_a_file(client, learner, certified):
    from django.core.files.uploadedfile import SimpleUploadedFile

    code = certified(learner).code
    body = client.get(f"/credentials/{code}.json").content
    upload = SimpleUploadedFile("credential.json", body, content_type="application/json")
    response = client.post("/credentials/verify/", {"file": upload})
    assert response.status_code == 200
    assert "หลักฐานนี้เป็นของจริง" in response.content.decode()


def test_revoking_in_the_admin_updates_the_cached_status_list(
    client, learner, certified, national_admin, django_capture_on_commit_callbacks
):
    certificate = certified(learner)
    status = payload_of(token_from_download(client, certificate.code))["credentialStatus"]
    assert status_bit(client, status) == 0  # now in the cache
    staff = client.__class__()
    staff.force_login(national_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/admin/certificates/{certificate.pk}/revoke/", {"reason": "ออกผิดหลักสูตร"}
        )
    assert response.status_code == 302
    assert status_bit(client, status) == 1


def test_machines_may_post_the_jwt_or_json_as_the_body(client, learner, certified):
    code = certified(learner).code
    token = token_from_download(client, code)
    response = client.post(
        "/credentials/verify/?format=json", token, content_type="application/vc+jwt"
    )
    assert response.json()["status"] == "valid"
    body = client.get(f"/credentials/{code}.json").content
    response = client.post(
        "/credentials/verify/?format=json", body, content_type="application/json"
    )
    assert response.json()["status"] == "valid"
    response = client.post(
        "/credentials/verify/?format=json", b"x" * (70 * 1024), content_type="text/plain"
    )
    assert response.status_code == 413
