"""The credential carries what Open Badges 3.0 and VC Data Model 2.0 require.

The schema below is written from the specifications' required fields (not fetched):
OpenBadgeCredential: @context (VC 2.0 first, then OB 3.0), id, type (with
VerifiableCredential and OpenBadgeCredential), issuer Profile (id, type, name),
validFrom, name, credentialSubject (AchievementSubject with identifier or id, and an
Achievement with id, type, name, description, criteria), credentialStatus.
"""

import jsonschema_rs
import pytest

from lms.credentials.services import credential_consent_set

from .helpers import token_from_download, verify_with_did

pytestmark = pytest.mark.django_db

URI = {"type": "string", "pattern": "^[a-z][a-z0-9+.-]*:"}
DATETIME = {
    "type": "string",
    "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$",
}


def _has(value: str) -> dict:
    return {"type": "array", "contains": {"const": value}}


IDENTITY_OBJECT = {
    "type": "object",
    "required": ["type", "hashed", "identityHash", "identityType"],
    "properties": {
        "type": {"const": "IdentityObject"},
        "hashed": {"type": "boolean"},
        "identityHash": {"type": "string", "minLength": 1},
        "identityType": {"type": "string"},
        "salt": {"type": "string"},
    },
}
PROFILE = {
    "type": "object",
    "required": ["id", "type", "name"],
    "properties": {"id": URI, "type": _has("Profile"), "name": {"type": "string", "minLength": 1}},
}
SCHEMA = {
    "type": "object",
    "required": [
        "@context",
        "id",
        "type",
        "issuer",
        "validFrom",
        "name",
        "credentialSubject",
        "credentialStatus",
    ],
    "properties": {
        "@context": {
            "type": "array",
            "minItems": 2,
            "prefixItems": [{"const": "https://www.w3.org/ns/credentials/v2"}],
            "contains": {"pattern": "^https://purl.imsglobal.org/spec/ob/v3p0/context-3"},
        },
        "id": URI,
        "type": {"allOf": [_has("VerifiableCredential"), _has("OpenBadgeCredential")]},
        "issuer": PROFILE,
        "validFrom": DATETIME,
        "name": {"type": "string", "minLength": 1},
        "credentialSubject": {
            "type": "object",
            "required": ["type", "achievement"],
            "anyOf": [{"required": ["id"]}, {"required": ["identifier"]}],
            "properties": {
                "type": _has("AchievementSubject"),
                "identifier": {"type": "array", "minItems": 1, "items": IDENTITY_OBJECT},
                "achievement": {
                    "type": "object",
                    "required": ["id", "type", "name", "description", "criteria"],
                    "properties": {
                        "id": URI,
                        "type": _has("Achievement"),
                        "name": {"type": "string", "minLength": 1},
                        "description": {"type": "string", "minLength": 1},
                        "criteria": {
                            "type": "object",
                            "anyOf": [{"required": ["id"]}, {"required": ["narrative"]}],
                        },
                        "creditsAvailable": {"type": "number"},
                    },
                },
                "source": PROFILE,
            },
        },
        "credentialStatus": {
            "type": "object",
            "required": [
                "type",
                "statusPurpose",
                "statusListIndex",
                "statusListCredential",
            ],
            "properties": {
                "type": {"const": "BitstringStatusListEntry"},
                "statusPurpose": {"const": "revocation"},
                "statusListIndex": {"type": "string", "pattern": "^[0-9]+$"},
                "statusListCredential": URI,
            },
        },
    },
}


def _credential(client, certificate) -> dict:
    return verify_with_did(client, token_from_download(client, certificate.code))


def test_the_credential_has_every_required_field(client, learner, certified):
    certificate = certified(learner)
    credential = _credential(client, certificate)
    validator = jsonschema_rs.validator_for(SCHEMA)
    errors = [error.message for error in validator.iter_errors(credential)]
    assert not errors, errors
    achievement = credential["credentialSubject"]["achievement"]
    assert "การขายสินค้าออนไลน์" in achievement["criteria"]["narrative"]
    assert credential["credentialSubject"]["source"]["name"] == certificate.centre_name


def test_the_schema_is_not_a_formality(client, learner, certified):
    credential = _credential(client, certified(learner))
    validator = jsonschema_rs.validator_for(SCHEMA)
    del credential["credentialSubject"]["achievement"]["criteria"]
    credential["type"] = ["VerifiableCredential"]
    assert len(list(validator.iter_errors(credential))) == 2


def test_the_learner_is_a_salted_hash_and_named_only_with_consent(client, learner, certified):
    import hashlib

    certificate = certified(learner)
    identifiers = _credential(client, certificate)["credentialSubject"]["identifier"]
    assert len(identifiers) == 1
    (hashed,) = identifiers
    assert hashed["hashed"] is True
    expected = hashlib.sha256(f"{learner.username}{hashed['salt']}".encode()).hexdigest()
    assert hashed["identityHash"] == f"sha256${expected}"
    assert learner.username not in str(identifiers)
    text = client.get(f"/credentials/{certificate.code}.json").content.decode()
    assert certificate.learner_name not in str(_credential(client, certificate))
    assert "มาลี" not in text

    credential_consent_set(user=learner, show_name=True)
    identifiers = _credential(client, certificate)["credentialSubject"]["identifier"]
    named = [i for i in identifiers if i["identityType"] == "name"]
    assert named == [
        {
            "type": "IdentityObject",
            "identityHash": certificate.learner_name,
            "identityType": "name",
            "hashed": False,
        }
    ]


def test_the_did_document_lists_keys_as_json_web_keys(client, settings):
    settings.SITE_URL = "https://lms.example.go.th:8443"
    document = client.get("/.well-known/did.json").json()
    assert document["id"] == "did:web:lms.example.go.th%3A8443"
    (method,) = document["verificationMethod"]
    assert method["type"] == "JsonWebKey"
    assert method["publicKeyJwk"]["kty"] == "OKP"
    assert method["publicKeyJwk"]["crv"] == "Ed25519"
    assert "d" not in method["publicKeyJwk"]  # never the private half
    assert document["assertionMethod"] == [method["id"]]
    profile = client.get("/credentials/issuer/").json()
    assert profile["id"] == document["id"]
    assert "Profile" in profile["type"]


def test_erasure_removes_the_consent_and_the_name(client, learner, certified):
    from lms.credentials.models import CredentialConsent
    from lms.users.services import user_anonymise

    certificate = certified(learner)
    credential_consent_set(user=learner, show_name=True)
    user_anonymise(user=learner, requested_by=learner)
    assert not CredentialConsent.objects.filter(user=learner).exists()
    certificate.refresh_from_db()
    identifiers = _credential(client, certificate)["credentialSubject"]["identifier"]
    assert [i["identityType"] for i in identifiers] == ["identifier"]
    assert "มาลี" not in str(identifiers)
