"""The one place that decides which centres, people and records a staff member may see.

Every staff view, export, report, task and admin listing filters through these
functions. National admins (and superusers) see everything. Trainers and centre
admins see the centres where they hold a StaffRole, the learners whose home
centre is one of them, and the learners who are members of a class (cohort) at
one of them. Some work is for centre admins only (bulk enrolment, reports): the
`*_admin_*` variants below answer for that role.
"""

from collections.abc import Callable

from django.db.models import Q, QuerySet

from wagtail import hooks

from lms.core.numbers import id_param
from lms.users import roles
from lms.users.models import User

from .models import Centre, StaffRole, StaffRoleKind

# Apps that bring learners to a centre other than by their home centre (a class)
# register a function with this hook: given centre ids, it returns a queryset of
# user ids (`.values("user_id")`) of the people they bring to those centres.
LEARNER_SOURCES_HOOK = "register_centre_learner_sources"

LearnerSource = Callable[[set[int]], QuerySet]


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
    """Ids of the centres `user` works at (optionally in one role); None means every centre.

    Cached on the user object, which lives for one request, so a page asks once.
    """
    if is_national_admin(user):
        return None
    if not user.is_authenticated:
        return set()
    cache = user.__dict__.setdefault("_staff_centre_ids", {})
    if role not in cache:
        queryset = StaffRole.objects.filter(user=user, centre__is_active=True)
        if role is not None:
            queryset = queryset.filter(role=role)
        cache[role] = set(queryset.values_list("centre_id", flat=True))
    return cache[role]


def admin_centre_ids(user: User) -> set[int] | None:
    """Centres where `user` is a centre admin; None means every centre (national admins)."""
    return staff_centre_ids(user, role=StaffRoleKind.CENTRE_ADMIN)


def in_centres(queryset: QuerySet, ids: set[int] | None, field: str = "centre_id") -> QuerySet:
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


def centres_visible_to(user: User) -> QuerySet[Centre]:
    return in_centres(Centre.objects.all(), staff_centre_ids(user), "pk")


def centre_filter(user: User, query) -> tuple[list[Centre], int | None]:
    """The active centres a staff queue can be filtered by, and the one chosen in `query`
    (`?centre=`), or None when none or one the user may not see was chosen."""
    centres = list(centres_visible_to(user).active().only("pk", "name_th", "name_en")[:200])
    centre_id = id_param(query, "centre")
    return centres, centre_id if centre_id in {c.pk for c in centres} else None


def centres_administered_by(user: User) -> QuerySet[Centre]:
    """Centres whose learners `user` may import and report on."""
    return in_centres(Centre.objects.all(), admin_centre_ids(user), "pk")


def learners_visible_to(user: User) -> QuerySet[User]:
    """People whose home centre is one of the user's, or who are in a class at one of them.

    "In a class" comes from the apps registered with LEARNER_SOURCES_HOOK (lms.classes).
    """
    ids = staff_centre_ids(user)
    queryset = User.objects.filter(anonymised_at__isnull=True)
    if ids is None:
        return queryset
    condition = Q(home_centre_id__in=ids)
    for source in hooks.get_hooks(LEARNER_SOURCES_HOOK):
        condition |= Q(pk__in=source(ids))
    return queryset.filter(condition)


def report_centre_ids(user: User) -> set[int] | None:
    """Centres whose figures `user` may see in reports (centre admins: theirs; national: all)."""
    return admin_centre_ids(user)


def can_work_at(user: User, centre_id: int) -> bool:
    ids = staff_centre_ids(user)
    return ids is None or centre_id in ids


def can_administer(user: User, centre_id: int) -> bool:
    ids = admin_centre_ids(user)
    return ids is None or centre_id in ids


def is_centre_admin(user: User) -> bool:
    return is_national_admin(user) or bool(admin_centre_ids(user))


def is_staff_member(user: User) -> bool:
    return is_national_admin(user) or bool(staff_centre_ids(user))


def is_plain_learner(user: User) -> bool:
    """No staff role, group or admin flag: someone whose password centre staff may reset."""
    if user.is_superuser or user.is_staff:
        return False
    if user.groups.exists():
        return False
    return not StaffRole.objects.filter(user=user).exists()
