"""The registry of personal data: what the export holds and what erasure does (PDPA).

Users knows only the profile. Every app that stores something about a person
registers, in its `AppConfig.ready()`, a section of the export and, if anything it
keeps identifies the person, an erasure step:

    from lms.users.personal_data import register_erasure_step, register_personal_data_section

    register_personal_data_section("recordings", recordings_of, order=60)
    register_erasure_step(recordings_erase, order=30)

- a section reader is `fn(*, user) -> JSON-able value`; the export holds it under its
  key, sections in `order` (profile 0, enrolments 10, lesson progress 20, quiz attempts
  30, handed-in work 40, certificates 50, consent to be named in credentials 55);
- an erasure step is `fn(*, user) -> None`, run by `user_anonymise` inside its
  transaction, after the account itself is anonymised, steps in `order` (quiz essays 5,
  handed-in work 10, certificates 20, credential consent 25). Erase what names or shows the person; keep what counts them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lms.core.registry import Registry

from .models import User

SectionReader = Callable[..., Any]
ErasureStep = Callable[..., None]


@dataclass(frozen=True)
class PersonalDataSection:
    key: str
    read: SectionReader


PERSONAL_DATA_SECTIONS: Registry[PersonalDataSection] = Registry("personal data sections")
ERASURE_STEPS: Registry[ErasureStep] = Registry("erasure steps")


def register_personal_data_section(
    key: str, read: SectionReader, *, order: int = 0
) -> PersonalDataSection:
    """Add `read(user=...)`'s result to the export under `key`."""
    return PERSONAL_DATA_SECTIONS.register(PersonalDataSection(key, read), order=order)


def unregister_personal_data_section(key: str) -> None:
    for section in list(PERSONAL_DATA_SECTIONS):
        if section.key == key:
            PERSONAL_DATA_SECTIONS.unregister(section)


def register_erasure_step(step: ErasureStep, *, order: int = 0) -> ErasureStep:
    """Run `step(user=...)` when a person is erased."""
    return ERASURE_STEPS.register(step, order=order)


def profile_section(*, user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "title": user.get_title_prefix_display() if user.title_prefix else "",
        "first_name": user.first_name,
        "last_name": user.last_name,
        "first_name_en": user.first_name_en,
        "last_name_en": user.last_name_en,
        "birth_year": user.birth_year,
        "phone": user.phone,
        "email": user.email,
        "home_centre": str(user.home_centre) if user.home_centre_id else None,
        "interests": list(user.interests or []),
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


register_personal_data_section("profile", profile_section, order=0)


def personal_data_sections(user: User) -> dict[str, Any]:
    """Everything the platform holds about `user`, grouped by what it is."""
    return {section.key: section.read(user=user) for section in PERSONAL_DATA_SECTIONS}


def personal_data_erase(*, user: User) -> None:
    """Every registered erasure step, in order (called by `user_anonymise`)."""
    for step in ERASURE_STEPS:
        step(user=user)
