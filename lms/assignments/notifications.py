"""Telling a learner that their work was reviewed, by e-mail where they have an address."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.users.mail import learner_mail_send

from .models import Submission, SubmissionStatus


def review_email_send(*, submission: Submission) -> bool:
    """Send the review to the learner. False when there is nobody to write to."""

    def compose() -> tuple[str, list[str]]:
        url = settings.SITE_URL + reverse("assignments:detail", args=[submission.assignment_id])
        title = submission.assignment.title
        if submission.status == SubmissionStatus.PASSED:
            subject = _("Your work passed: %(title)s") % {"title": title}
            opening = _("Your trainer has passed your work for “%(title)s”.") % {"title": title}
        else:
            subject = _("Please redo: %(title)s") % {"title": title}
            opening = _(
                "Your trainer has asked you to redo your work for “%(title)s”. Your work is "
                "kept as a draft: change what the feedback asks for and hand it in again."
            ) % {"title": title}
        lines = [opening]
        if submission.score is not None:
            lines += [
                "",
                _("Score: %(score)s of %(max)s")
                % {"score": submission.score, "max": submission.max_score},
            ]
        if submission.feedback:
            lines += ["", _("Feedback:"), submission.feedback]
        lines += ["", _("See it here: %(url)s") % {"url": url}]
        return subject, lines

    return learner_mail_send(submission.user, compose)
