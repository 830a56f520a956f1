"""The two-centre world of the centres tests (Nong Khai and Khon Kaen), reused."""

from tests.centres.conftest import login, thai_first, world  # noqa: F401
