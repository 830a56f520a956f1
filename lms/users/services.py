"""Accounts: sign-up, personal data export and anonymisation (Thailand's PDPA)."""

import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from .models import User


@transaction.atomic
def user_signup(*, username: str, password: str, **profile: Any) -> User:
    """Create a learner account. Profile fields are those of the signup form."""
    user = User(username=username, **profile)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    log(instance=user, action="lms.user.signup", user=user)
    return user


def personal_data_sections(user: User) -> dict[str, Any]:
    """Everything the platform holds about `user`, grouped by what it is.

    Each part of the platform that stores learner data contributes its section here.
    """
    from assessments.models import QuizAttempt
    from lms.assignments.selectors import personal_data_section as handed_in_work
    from lms.certificates.models import Certificate
    from lms.learning.models import Enrollment, LessonProgress

    enrollments = Enrollment.objects.filter(user=user).select_related("course")
    progress = LessonProgress.objects.filter(user=user).select_related("lesson")
    return {
        "profile": {
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
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "enrolments": [
            {
                "course": e.course.title,
                "enrolled_at": e.enrolled_at.isoformat(),
                "left_at": e.left_at.isoformat() if e.left_at else None,
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
            }
            for e in enrollments
        ],
        "lesson_progress": [
            {
                "lesson": p.lesson.title,
                "first_visited_at": p.first_visited_at.isoformat() if p.first_visited_at else None,
                "last_visited_at": p.last_visited_at.isoformat() if p.last_visited_at else None,
                "completed_at": p.completed_at.isoformat() if p.completed_at else None,
                "completed_via": p.completed_via,
            }
            for p in progress
        ],
        "quiz_attempts": [
            {
                "quiz": attempt.quiz.title,
                "attempt": attempt.number,
                "started_at": attempt.started_at.isoformat(),
                "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
                "percent": float(attempt.percent) if attempt.percent is not None else None,
                "passed": attempt.passed,
            }
            for attempt in QuizAttempt.objects.filter(user=user)
            .select_related("quiz")
            .order_by("started_at")
        ],
        "handed_in_work": handed_in_work(user=user),
        "certificates": [
            {
                "number": certificate.number,
                "code": certificate.code,
                "course": certificate.course_title,
                "issued_at": certificate.issued_at.isoformat(),
                "revoked_at": certificate.revoked_at.isoformat()
                if certificate.revoked_at
                else None,
            }
            for certificate in Certificate.objects.filter(learner=user).order_by("issued_at")
        ],
    }


def personal_data_export(*, user: User) -> dict[str, Any]:
    data = {"exported_at": timezone.now().isoformat(), **personal_data_sections(user)}
    log(instance=user, action="lms.user.data_export", user=user)
    return data


@transaction.atomic
def user_anonymise(*, user: User, requested_by: User) -> User:
    """Erase what identifies a person, keep what counts them.

    Names, contact details and the username go; enrolments, progress and the
    birth year and home centre stay so that centre and national statistics do not
    change. The account can no longer log in.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.anonymised_at is not None:
        return user
    user.username = f"deleted-{user.pk}-{secrets.token_hex(4)}"
    for field in (
        "first_name",
        "last_name",
        "first_name_en",
        "last_name_en",
        "email",
        "phone",
        "title_prefix",
    ):
        setattr(user, field, "")
    user.set_unusable_password()
    user.is_active = False
    user.must_change_password = False
    user.anonymised_at = timezone.now()
    user.save()
    user.groups.clear()
    user.staff_roles.all().delete()
    from lms.assignments.services import submissions_erase
    from lms.certificates.services import certificates_anonymise

    submissions_erase(user=user)  # photos and texts may show the person
    certificates_anonymise(user=user)  # valid still, but no longer naming them
    log(instance=user, action="lms.user.anonymise", user=requested_by)
    return user
