"""The one place that decides which centres and learners a staff member may see.

Every staff view, export, report and admin listing filters through these
functions. National admins (and superusers) see everything; trainers and centre
admins see the centres where they hold a StaffRole, and the learners whose home
centre is one of them.
"""

from django.db.models import QuerySet

from lms.users import roles
from lms.users.models import User

from .models import Centre, StaffRole, StaffRoleKind


def is_national_admin(user: User) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_national_admin", None)
    if cached is None:
        cached = user.groups.filter(name=roles.NATIONAL_ADMINS).exists()
        user._is_national_admin = cached
    return cached


def staff_centre_ids(user: User, *, role: str | None = None) -> set[int] | None:
    """Ids of the centres `user` works at (optionally in one role); None means every centre."""
    if is_national_admin(user):
        return None
    if not user.is_authenticated:
        return set()
    queryset = StaffRole.objects.filter(user=user, centre__is_active=True)
    if role is not None:
        queryset = queryset.filter(role=role)
    return set(queryset.values_list("centre_id", flat=True))


def centres_visible_to(user: User) -> QuerySet[Centre]:
    ids = staff_centre_ids(user)
    queryset = Centre.objects.all()
    return queryset if ids is None else queryset.filter(pk__in=ids)


def learners_visible_to(user: User) -> QuerySet[User]:
    ids = staff_centre_ids(user)
    queryset = User.objects.filter(anonymised_at__isnull=True)
    return queryset if ids is None else queryset.filter(home_centre_id__in=ids)


def is_centre_admin(user: User) -> bool:
    return is_national_admin(user) or bool(staff_centre_ids(user, role=StaffRoleKind.CENTRE_ADMIN))


def is_staff_member(user: User) -> bool:
    return is_national_admin(user) or bool(staff_centre_ids(user))
