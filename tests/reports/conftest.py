"""The staff area's shared world (two centres, their staff, classes and records)."""

from tests.centres.conftest import login, thai_first, world  # noqa: F401 (fixtures)
