"""Access rules shared by the staff pages.

Anonymous people are sent to log in; a logged-in person without a staff role
gets 403; a staff member asking for another centre's record gets 404 (its
existence is not revealed). Which records are "theirs" is decided in
lms.centres.scoping only.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.views.decorators.cache import never_cache

from .. import scoping


def staff_required(view):
    """Trainers, centre admins and national admins."""

    @login_required
    @never_cache
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not scoping.is_staff_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def centre_admin_required(view):
    """Centre admins (of any centre) and national admins; records are scoped further."""

    @login_required
    @never_cache
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not scoping.is_centre_admin(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def get_scoped_or_404(queryset, **lookup):
    """One record from a scoped queryset; anything outside the scope does not exist."""
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404
    return obj


def form_status(form) -> int:
    """400 for a submitted form that was refused, so bad input is never a 200."""
    return 400 if form.is_bound and form.errors else 200
