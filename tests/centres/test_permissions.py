"""The permission matrix: every staff URL of the centres app, for every kind of person.

The URL list comes from lms.centres.urls and from the admin viewsets and views the
app registers: a new URL without a row in MATRIX fails `test_every_url_has_a_row`.
Each request runs in a savepoint that is rolled back, so every person meets the
same data. Codes: 302 = sent to log in (or, for actions, done and redirected),
403 = not allowed, 404 = another centre's record (its existence is not revealed).
"""

from django.db import transaction
from django.urls import reverse

import pytest

from lms import staff_urls
from lms.centres.wagtail_hooks import centre_viewset
from lms.classes.checkin import checkin_token
from lms.early_childhood.wagtail_hooks import early_childhood_viewset

ROLES = ("anonymous", "learner", "trainer_a", "admin_a", "admin_b", "national")

# name: (method, args from the world, expected status per role in ROLES order)
SITE = {
    "home": ("get", lambda w: [], (302, 403, 200, 200, 200, 200)),
    "cohort_list": ("get", lambda w: [], (302, 403, 200, 200, 200, 200)),
    "cohort_create": ("get", lambda w: [], (302, 403, 200, 200, 200, 200)),
    "cohort_detail": ("get", lambda w: [w.cohort_a.pk], (302, 403, 200, 200, 404, 200)),
    "cohort_edit": ("get", lambda w: [w.cohort_a.pk], (302, 403, 200, 200, 404, 200)),
    "cohort_attendance_export": (
        "get",
        lambda w: [w.cohort_a.pk, "xlsx"],
        (302, 403, 200, 200, 404, 200),
    ),
    "cohort_members_add": ("get", lambda w: [w.cohort_a.pk], (302, 403, 200, 200, 404, 200)),
    "cohort_member_remove": (
        "post",
        lambda w: [w.cohort_a.pk, w.learner_a.pk],
        (302, 403, 302, 302, 404, 302),
    ),
    "cohort_certificates": ("post", lambda w: [w.cohort_a.pk], (302, 403, 302, 302, 404, 302)),
    "session_create": ("get", lambda w: [w.cohort_a.pk], (302, 403, 200, 200, 404, 200)),
    "session_attendance": ("get", lambda w: [w.session_a.pk], (302, 403, 200, 200, 404, 200)),
    "session_edit": ("get", lambda w: [w.session_a.pk], (302, 403, 200, 200, 404, 200)),
    "session_qr": ("get", lambda w: [w.session_a.pk], (302, 403, 200, 200, 404, 200)),
    # Learners check in; staff are not members of the class.
    "checkin": ("get", lambda w: [checkin_token(w.session_a)], (302, 200, 403, 403, 403, 403)),
    "import_upload": ("get", lambda w: [], (302, 403, 403, 200, 200, 200)),
    "import_template": ("get", lambda w: ["xlsx"], (302, 403, 403, 200, 200, 200)),
    "import_detail": ("get", lambda w: [w.import_a.pk], (302, 403, 403, 200, 404, 200)),
    "import_status": ("get", lambda w: [w.import_a.pk], (302, 403, 403, 200, 404, 200)),
    "import_report": ("get", lambda w: [w.import_a.pk, "csv"], (302, 403, 403, 200, 404, 200)),
    "import_erase_passwords": (
        "post",
        lambda w: [w.import_a.pk],
        (302, 403, 403, 302, 404, 302),
    ),
    "early_childhood_list": ("get", lambda w: [], (302, 403, 200, 200, 200, 200)),
    "early_childhood_create": ("get", lambda w: [], (302, 403, 200, 200, 200, 200)),
    "early_childhood_edit": ("get", lambda w: [w.early_a.pk], (302, 403, 200, 200, 404, 200)),
    "report": ("get", lambda w: [], (302, 403, 403, 200, 200, 200)),
    "report_export": ("get", lambda w: ["xlsx"], (302, 403, 403, 200, 200, 200)),
    "learner_list": ("get", lambda w: [], (302, 403, 200, 200, 200, 200)),
    "learner_detail": ("get", lambda w: [w.learner_a.pk], (302, 403, 200, 200, 404, 200)),
    "learner_attendance_export": (
        "get",
        lambda w: [w.learner_a.pk, "csv"],
        (302, 403, 200, 200, 404, 200),
    ),
    "learner_password_reset": (
        "post",
        lambda w: [w.learner_a.pk],
        (302, 403, 200, 200, 404, 200),
    ),
}

# Wagtail admin: anyone without admin access is sent to the admin login (302);
# Wagtail answers a missing model permission with a redirect to the dashboard (302),
# and another centre's record with 404 (views that load the record before checking
# the permission) or the same 302.
CENTRE_ADMIN = {
    "index": ("get", lambda w: [], (302, 302, 200, 200, 200, 200)),
    "index_results": ("get", lambda w: [], (302, 302, 200, 200, 200, 200)),
    "add": ("get", lambda w: [], (302, 302, 302, 302, 302, 200)),
    "edit": ("get", lambda w: [w.centre_a.pk], (302, 302, 302, 302, 302, 200)),
    "delete": ("get", lambda w: [w.centre_a.pk], (302, 302, 302, 302, 404, 302)),
    "history": ("get", lambda w: [w.centre_a.pk], (302, 302, 302, 302, 404, 200)),
    "history_results": ("get", lambda w: [w.centre_a.pk], (302, 302, 302, 302, 404, 200)),
    "usage": ("get", lambda w: [w.centre_a.pk], (302, 302, 302, 302, 404, 200)),
    "inspect": ("get", lambda w: [w.centre_a.pk], (302, 302, 200, 200, 404, 200)),
}
EARLY_ADMIN = {
    "index": ("get", lambda w: [], (302, 302, 200, 200, 200, 200)),
    "index_results": ("get", lambda w: [], (302, 302, 200, 200, 200, 200)),
    # Recording and editing happen in the staff area, which is scoped itself.
    "add": ("get", lambda w: [], (302, 302, 302, 302, 302, 302)),
    "edit": ("get", lambda w: [w.early_a.pk], (302, 302, 302, 302, 302, 302)),
    "delete": ("get", lambda w: [w.early_a.pk], (302, 302, 302, 302, 302, 302)),
    "history": ("get", lambda w: [w.early_a.pk], (302, 302, 302, 302, 404, 302)),
    "history_results": ("get", lambda w: [w.early_a.pk], (302, 302, 302, 302, 404, 302)),
    "usage": ("get", lambda w: [w.early_a.pk], (302, 302, 302, 302, 404, 302)),
    "inspect": ("get", lambda w: [w.early_a.pk], (302, 302, 200, 200, 404, 200)),
}


def _redirect(world):
    from wagtail.contrib.redirects.models import Redirect

    redirect, _ = Redirect.objects.get_or_create(
        old_path="/old-slug", defaults={"redirect_link": "/"}
    )
    return [redirect.pk]


# Wagtail's redirects (the slug repair adds some): national admins manage them, nobody
# else; Wagtail sends staff without the permission to the dashboard (302).
REDIRECTS = {
    "index": ("get", lambda w: [], (302, 302, 302, 302, 302, 200)),
    "index_results": ("get", lambda w: [], (302, 302, 302, 302, 302, 200)),
    "add": ("get", lambda w: [], (302, 302, 302, 302, 302, 200)),
    "edit": ("get", _redirect, (302, 302, 302, 302, 302, 200)),
    "delete": ("get", _redirect, (302, 302, 302, 302, 302, 200)),
    "start_import": ("get", lambda w: [], (302, 302, 302, 302, 302, 200)),
    # Past the permission check, the import step only takes a POST.
    "process_import": ("get", lambda w: [], (302, 302, 302, 302, 302, 405)),
}
OTHER_ADMIN = {
    "centres_admin_import": ("get", lambda w: [], (302, 302, 302, 302, 302, 200)),
}

MATRIX = {
    **{f"centres:{name}": row for name, row in SITE.items()},
    **{f"{centre_viewset.url_namespace}:{name}": row for name, row in CENTRE_ADMIN.items()},
    **{f"{early_childhood_viewset.url_namespace}:{name}": row for name, row in EARLY_ADMIN.items()},
    **{f"wagtailredirects:{name}": row for name, row in REDIRECTS.items()},
    **OTHER_ADMIN,
}


def registered_url_names() -> set[str]:
    names = {f"centres:{p.name}" for p in staff_urls.urlpatterns}
    for viewset in (centre_viewset, early_childhood_viewset):
        names |= {f"{viewset.url_namespace}:{p.name}" for p in viewset.get_urlpatterns()}
    from lms.centres.wagtail_hooks import register_admin_urls

    names |= {p.name for p in register_admin_urls()}
    from wagtail.contrib.redirects import urls as redirect_urls

    names |= {f"wagtailredirects:{p.name}" for p in redirect_urls.urlpatterns}
    return names


def test_every_url_has_a_row():
    assert registered_url_names() == set(MATRIX)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(name, world, login):
    method, args, expected = MATRIX[name]
    url = reverse(name, args=args(world))
    got = {}
    for role, code in zip(ROLES, expected, strict=True):
        client = login(world.people[role])
        with transaction.atomic():
            response = getattr(client, method)(url)
            transaction.set_rollback(True)
        got[role] = response.status_code
        if role == "anonymous" and code == 302:
            assert "login" in response["Location"], (name, response["Location"])
    assert got == dict(zip(ROLES, expected, strict=True)), name
