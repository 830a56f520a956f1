"""Which audit-log entries (Wagtail's site history) a staff member may read.

A log entry names its object: a learner's certificate, a class, an early-childhood
session, a hand-in. Wagtail lets anyone with a permission on the object's model read
every entry of that model; here an entry about a centre's record is read only by the
staff of that centre (lms.centres.scoping), and national admins read everything.

Each app says how its logged models are scoped with the `register_log_entry_scopes`
hook: a function returning {model: scope}, where scope is a function of the user
giving the queryset of records they may see, or SHARED for authored content every
permitted editor reads (quizzes, templates). Wagtail's own models and pages keep
Wagtail's permission rules. A model of ours that is logged but not registered is read
by national admins only, so a new centre-owned record never leaks by default.
"""

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from wagtail import hooks
from wagtail.models import Page

from lms.users.models import User

from . import scoping
from .models import Centre

HOOK = "register_log_entry_scopes"
SHARED = "shared"

Scope = Callable[[User], QuerySet] | str


def _people(user: User) -> QuerySet[User]:
    # Staff read their own entries (a password change) besides their learners'.
    return User.objects.filter(
        Q(pk__in=scoping.learners_visible_to(user).values("pk")) | Q(pk=user.pk)
    )


def centre_log_entry_scopes() -> dict[type, Scope]:
    return {
        User: _people,
        Centre: scoping.centres_visible_to,
    }


def log_entry_scopes() -> dict[type, Scope]:
    scopes: dict[type, Scope] = {}
    for hook in hooks.get_hooks(HOOK):
        scopes.update(hook())
    return scopes


def _wagtail_rules_apply(model: type | None) -> bool:
    if model is None:
        return False
    return issubclass(model, Page) or model._meta.app_label.startswith("wagtail")


def log_entries_visible_to(*, user: User, queryset: QuerySet) -> QuerySet:
    """`queryset` (log entries Wagtail lets `user` read) limited to the user's centres."""
    if scoping.staff_centre_ids(user) is None:
        return queryset
    scopes = log_entry_scopes()
    allowed = Q(pk__in=[])
    type_ids = queryset.order_by().values_list("content_type_id", flat=True).distinct()
    for type_id in type_ids:
        model = ContentType.objects.get_for_id(type_id).model_class()
        scope = scopes.get(model)
        if scope == SHARED or (scope is None and _wagtail_rules_apply(model)):
            allowed |= Q(content_type_id=type_id)
        elif scope is not None:
            # object_id is text: compare with the visible records' keys as text.
            keys = scope(user).annotate(_key=Cast("pk", CharField())).values("_key")
            allowed |= Q(content_type_id=type_id, object_id__in=keys)
    return queryset.filter(allowed)
