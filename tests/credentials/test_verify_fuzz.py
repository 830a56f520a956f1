"""Whatever is pasted, the check answers a verdict or a Thai refusal, never an error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.credentials.verification import (
    TAMPERED,
    UNKNOWN_ISSUER,
    CredentialInputError,
    credential_verify,
)

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
B64URL = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", max_size=120
)
JWT_SHAPED = st.tuples(B64URL.filter(bool), B64URL.filter(bool), B64URL).map(".".join)
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
).map(repr)


@FUZZ
@given(text=st.one_of(st.text(max_size=300), JWT_SHAPED, JSONISH))
def test_any_paste_gets_a_verdict_or_a_refusal(text):
    try:
        verdict = credential_verify(text=text)
    except CredentialInputError as refusal:
        assert 400 <= refusal.status < 500
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in refusal.message)
    else:
        # Nothing random is ever ours: at best it looks like a JWT of someone else.
        assert verdict.status in (TAMPERED, UNKNOWN_ISSUER)
