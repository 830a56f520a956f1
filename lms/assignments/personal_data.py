"""Handed-in work in the personal-data export and its erasure
(registered with lms.users.personal_data in `register()`)."""

from lms.users.personal_data import register_erasure_step, register_personal_data_section

from .selectors import personal_data_section
from .services import submissions_erase


def register() -> None:
    """Called from AssignmentsConfig.ready()."""
    register_personal_data_section("handed_in_work", personal_data_section, order=40)
    # Photos and texts may show the person.
    register_erasure_step(submissions_erase, order=10)
