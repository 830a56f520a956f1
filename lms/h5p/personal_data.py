"""Activity results in the personal-data export (registered with lms.users.personal_data)."""

from lms.users.personal_data import register_personal_data_section

from .selectors import personal_data_section


def register() -> None:
    """Called from H5PConfig.ready()."""
    # Scores only: nothing in them shows the person once the account is anonymised.
    register_personal_data_section("activity_results", personal_data_section, order=35)
