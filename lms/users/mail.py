"""Writing to a learner by e-mail, in the platform's language, where they have an address."""

from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from .models import User


def learner_mail_send(learner: User, compose: Callable[[], tuple[str, list[str]]]) -> bool:
    """Greet the learner and send what `compose` returns (subject, lines of the body).

    `compose` runs in Thai: learners choose no language, and the platform speaks Thai
    first. False, and nothing composed, when there is nobody to write to (no address,
    or an erased account).
    """
    if not learner.email or learner.anonymised_at:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        subject, lines = compose()
        greeting = _("Hello %(name)s,") % {"name": learner.display_name or learner.username}
        send_mail(subject, "\n".join([greeting, "", *lines]), None, [learner.email])
    return True
