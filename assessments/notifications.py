"""Telling a learner that their essays were graded, by e-mail where they have an address."""

from django.conf import settings
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.users.mail import learner_mail_send

from .models import QuizAttempt


def essay_result_email_send(*, attempt: QuizAttempt) -> bool:
    """Send the result of a graded attempt. False when there is nobody to write to."""
    if attempt.graded_at is None:
        return False

    def compose() -> tuple[str, list[str]]:
        url = settings.SITE_URL + reverse("assessments:review", args=[attempt.pk])
        title = attempt.quiz.title
        if attempt.passed:
            subject = _("You passed: %(title)s") % {"title": title}
            opening = _(
                "Your trainer has graded your written answers in “%(title)s”, and you passed."
            ) % {"title": title}
        else:
            subject = _("Your quiz result: %(title)s") % {"title": title}
            opening = _(
                "Your trainer has graded your written answers in “%(title)s”. You have not "
                "passed this time: read the trainer's comments before you try again."
            ) % {"title": title}
        lines = [
            opening,
            "",
            _("Score: %(score)s of %(max)s points (%(percent)s%%). The pass mark is %(mark)s%%.")
            % {
                "score": floatformat(attempt.score, -2),
                "max": floatformat(attempt.max_score, -2),
                "percent": floatformat(attempt.percent, -2),
                "mark": attempt.quiz.pass_mark_percent,
            },
            "",
            _("See your answers and the trainer's comments here: %(url)s") % {"url": url},
        ]
        return subject, lines

    return learner_mail_send(attempt.user, compose)
