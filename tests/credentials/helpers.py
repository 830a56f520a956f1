"""What a verifier outside the platform does: fetch, decode, check with jwcrypto."""

import base64
import gzip
import json

from jwcrypto import jwk, jws


def b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def token_from_download(client, code: str) -> str:
    response = client.get(f"/credentials/{code}.json")
    assert response.status_code == 200
    envelope = response.json()
    assert envelope["type"] == "EnvelopedVerifiableCredential"
    prefix = "data:application/vc+jwt,"
    assert envelope["id"].startswith(prefix)
    return envelope["id"][len(prefix) :]


def header_of(token: str) -> dict:
    return json.loads(b64decode(token.split(".")[0]))


def payload_of(token: str) -> dict:
    return json.loads(b64decode(token.split(".")[1]))


def verify_with_did(client, token: str) -> dict:
    """Verify `token` with jwcrypto against the key named by its `kid` in did.json."""
    document = client.get("/.well-known/did.json").json()
    kid = header_of(token)["kid"]
    assert kid in document["assertionMethod"]
    method = next(m for m in document["verificationMethod"] if m["id"] == kid)
    assert method["controller"] == document["id"]
    key = jwk.JWK(**method["publicKeyJwk"])
    signed = jws.JWS()
    signed.deserialize(token)
    signed.verify(key, alg="EdDSA")  # raises InvalidJWSSignature if it does not verify
    return json.loads(signed.payload)


def status_bit(client, status: dict) -> int:
    """The credential's bit in the status list fetched now, decoded by hand."""
    url = status["statusListCredential"]
    path = url.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    token = response.content.decode()
    listing = verify_with_did(client, token)
    assert "BitstringStatusListCredential" in listing["type"]
    subject = listing["credentialSubject"]
    assert subject["statusPurpose"] == "revocation"
    encoded = subject["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(b64decode(encoded[1:]))
    assert len(bits) * 8 >= 131_072
    index = int(status["statusListIndex"])
    return (bits[index // 8] >> (7 - index % 8)) & 1
