"""Writes of the centre staff that belong to no class: temporary passwords for learners.

The checks every staff service starts with live here too: `require_staff` and
`require_admin` refuse an actor who does not work at (or administer) the centre,
with the one error type of the staff area, CentreError.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from lms.core.errors import ServiceError
from lms.users.models import User

from . import scoping
from .passwords import temporary_password_generate


class CentreError(ServiceError):
    """A refused staff action; `message` is shown to the person as it is."""


def require_staff(actor: User, centre_id: int) -> None:
    if not scoping.can_work_at(actor, centre_id):
        raise CentreError(_("You do not work at this centre."), code="forbidden")


def require_admin(actor: User, centre_id: int) -> None:
    if not scoping.can_administer(actor, centre_id):
        raise CentreError(_("Only the centre's admins can do this."), code="forbidden")


# --- Passwords ------------------------------------------------------------------------------


def learner_password_reset(*, actor: User, learner: User) -> str:
    """Give a learner without e-mail a temporary password, returned once to show the staff member.

    Only for plain learners the actor may see (never staff or admins); the learner
    must choose a new password at the next login.
    """
    if not scoping.is_staff_member(actor):
        raise CentreError(_("Only centre staff can do this."), code="forbidden")
    if not scoping.learners_visible_to(actor).filter(pk=learner.pk).exists():
        raise CentreError(_("This person is not one of your centre's learners."), code="scope")
    if learner.pk == actor.pk or not scoping.is_plain_learner(learner):
        raise CentreError(
            _("Staff accounts reset their password themselves or with a national admin."),
            code="staff_account",
        )
    if not learner.is_active:
        raise CentreError(_("This account is closed."), code="inactive")
    password = temporary_password_generate()
    with transaction.atomic():
        learner = User.objects.select_for_update().get(pk=learner.pk)
        learner.set_password(password)
        learner.must_change_password = True
        learner.save(update_fields=["password", "must_change_password"])
        log(instance=learner, action="lms.user.password_reset_by_staff", user=actor)
    return password
