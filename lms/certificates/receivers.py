"""What certificates do when learning announces an event (connected in apps.py)."""

from lms.learning.models import Enrollment
from lms.learning.signals import course_completed

from .services import certificate_issue_on_completion


def issue_on_completion(sender, *, enrollment: Enrollment, **kwargs) -> None:
    certificate_issue_on_completion(enrollment=enrollment)


def connect() -> None:
    course_completed.connect(
        issue_on_completion, sender=Enrollment, dispatch_uid="certificates-issue-on-completion"
    )
