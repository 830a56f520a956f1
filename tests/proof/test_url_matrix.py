"""Who may open what: a permission matrix over every URL of the site.

The rows are checked against the URL configuration, so a new URL without a row fails
`test_every_url_has_a_row`. Each request runs inside a savepoint that is rolled back, so a
POST by one person never changes what the next person sees.

Outcomes:
  ok     2xx, or a redirect that is not to a login page
  login  a redirect to a login page (the visitor must sign in first)
  deny   403 or 404 (another person's record, or a staff page for a learner)
  404    exactly 404 (another person's record: its existence is not confirmed)
  405    the method is not allowed (a POST-only action opened with GET)
"""

from dataclasses import dataclass
from datetime import time
from urllib.parse import urlsplit

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

import pytest

from assessments.models import Quiz, QuizAttempt
from lms.assignments.models import Submission
from lms.certificates.models import Certificate
from lms.classes.checkin import checkin_token
from lms.classes.models import Cohort, CohortSession, ImportBatch
from lms.early_childhood.models import EarlyChildhoodSession
from lms.h5p.services import h5p_content_create
from lms.packages.models import ScormSco
from lms.users.models import User
from tests.demo_data import demo_seed_for_test
from tests.h5p.h5p_packages import build_package

pytestmark = pytest.mark.django_db

ROLES = (
    "anon",  # nobody signed in
    "learner",  # demo-learner, centre A: owns the records in the URLs
    "other_learner",  # a learner of centre B
    "trainer",  # demo-trainer, centre A
    "admin_a",  # demo-centre-admin, centre A
    "admin_b",  # centre B's admin
    "national",  # demo-admin
)
USERNAMES = {
    "learner": "demo-learner",
    "other_learner": "demo-kkn-wanida",
    "trainer": "demo-trainer",
    "admin_a": "demo-centre-admin",
    "admin_b": "demo-centre-admin-2",
    "national": "demo-admin",
}

PUBLIC = dict.fromkeys(ROLES, "ok")
SIGNED_IN = {**PUBLIC, "anon": "login"}
# Another learner's record: only its owner, and staff whose centres include the owner.
OWNED_SEEN_BY_STAFF = {
    "anon": "login",
    "learner": "ok",
    "other_learner": "404",
    "trainer": "ok",
    "admin_a": "ok",
    "admin_b": "404",
    "national": "ok",
}
# A learner's own record that staff never open through the learner's pages.
OWNER_ONLY = {**OWNED_SEEN_BY_STAFF, "trainer": "404", "admin_a": "404", "national": "404"}
# Staff pages (any staff member; the rows inside are scoped).
STAFF = {**SIGNED_IN, "learner": "deny", "other_learner": "deny"}
# A record of centre A in the staff area.
CENTRE_A_RECORD = {**STAFF, "admin_b": "404"}
# Centre-admin pages: trainers cannot import.
CENTRE_ADMIN = {**STAFF, "trainer": "deny"}
CENTRE_A_ADMIN_RECORD = {**CENTRE_ADMIN, "admin_b": "404"}
# Reviewing handed-in work is the trainers' job (and the national office's), not the centre
# admins'.
REVIEWERS = {**STAFF, "admin_a": "403", "admin_b": "403"}
REVIEWERS_RECORD = {**REVIEWERS, "admin_a": "404", "admin_b": "404"}
# Handed-in work: its learner, classmates on the course (gallery) and reviewers.
WORK = {**OWNED_SEEN_BY_STAFF, "admin_a": "404"}
# Starting a quiz needs an enrolment: both learners are on the course, staff are not.
ENROLLED = {**SIGNED_IN, "trainer": "403", "admin_a": "403", "admin_b": "403", "national": "403"}


# The API answers with statuses, never a redirect to the login page.
API_SIGNED_IN = {**PUBLIC, "anon": "401"}
API_STAFF = {**API_SIGNED_IN, "learner": "403", "other_learner": "403"}
API_CENTRE_A_RECORD = {**API_STAFF, "admin_b": "404"}
API_CENTRE_ADMIN = {**API_STAFF, "trainer": "403"}


@dataclass(frozen=True)
class Row:
    expect: dict
    method: str = "get"
    query: str = ""
    json: object = None  # a function of the world giving a JSON body


MATRIX: dict[str, Row] = {
    "healthz": Row(PUBLIC),
    # The installable app (lms/offline): the same for everyone.
    "manifest": Row(PUBLIC),
    "service_worker": Row(PUBLIC),
    "robots_txt": Row(PUBLIC),
    "offline": Row(PUBLIC),
    "xapi_activity": Row(PUBLIC),
    # Offline learning: a course's download list, quiz paper and draft page are for the
    # learners enrolled in it (demo-learner; the other learner is not on the course). The
    # list answers 404 (never a login page) to a device whose session ended.
    "offline:course_download": Row({**dict.fromkeys(ROLES, "404"), "learner": "ok"}),
    "offline:quiz_paper": Row({**dict.fromkeys(ROLES, "404"), "anon": "login", "learner": "ok"}),
    "offline:assignment_draft": Row(
        {**dict.fromkeys(ROLES, "404"), "anon": "login", "learner": "ok"}
    ),
    # The device's queue: 403 JSON to a device signed out, so that it keeps the queue.
    "offline:sync": Row({**PUBLIC, "anon": "403"}, method="post", json=lambda w: {"actions": []}),
    # A form post without a recognisable action.
    "offline:sync_form": Row({**dict.fromkeys(ROLES, "400"), "anon": "login"}, method="post"),
    # A SCORM package's files are served to its sandboxed frame, which carries no cookies.
    "packages:content": Row(PUBLIC),
    # The player's commits: anyone signed in who opens the package (a trainer trying it
    # keeps their own data too); a device signed out gets 403 JSON.
    "packages:commit": Row({**PUBLIC, "anon": "403"}, method="post", json=lambda w: {"cmi": {}}),
    # Accounts
    "login": Row(PUBLIC),
    "logout": Row({**PUBLIC, "anon": "ok"}, method="post"),
    "signup": Row(PUBLIC),
    "profile": Row(SIGNED_IN),
    "centres_in_province": Row(PUBLIC, query="?province=43"),
    "my_data": Row(SIGNED_IN),
    "delete_account": Row(SIGNED_IN),
    "password_change": Row(SIGNED_IN),
    "password_change_done": Row(SIGNED_IN),
    "password_reset": Row(PUBLIC),
    "password_reset_done": Row(PUBLIC),
    "password_reset_confirm": Row(PUBLIC),
    "password_reset_complete": Row(PUBLIC),
    # Learning
    "learning:dashboard": Row(SIGNED_IN),
    "learning:enrol": Row(SIGNED_IN, method="post"),
    "learning:leave": Row(SIGNED_IN, method="post"),
    "learning:continue": Row(SIGNED_IN),
    "learning:completed": Row(OWNER_ONLY),
    "learning:complete_lesson": Row(SIGNED_IN, method="post"),
    # Quizzes: the quiz page is open to the signed-in; attempts belong to their learner.
    "assessments:quiz": Row(SIGNED_IN),
    "assessments:start": Row(ENROLLED, method="post"),
    "assessments:attempt": Row(OWNER_ONLY),
    # The attempt in the URL is submitted: saving into it is a conflict.
    "assessments:autosave": Row({**OWNER_ONLY, "learner": "409"}, method="post"),
    "assessments:submit": Row(OWNER_ONLY, method="post"),
    "assessments:review": Row(OWNER_ONLY),
    # Grading essays is the trainers' job (and the national office's), as reviewing hand-ins;
    # the attempt in the URL is a centre A villager's, waiting for a grade.
    "assessments:grading_queue": Row(REVIEWERS),
    "assessments:grading_detail": Row(REVIEWERS_RECORD),
    # Certificates
    "certificates:mine": Row(SIGNED_IN),
    "certificates:verify_form": Row(PUBLIC),
    "certificates:verify": Row(PUBLIC),
    "certificates:download": Row(OWNED_SEEN_BY_STAFF),
    # Credentials: documents other systems read are public, like the verify page.
    "credentials:did": Row(PUBLIC),
    "credentials:jwks": Row(PUBLIC),
    "credentials:issuer": Row(PUBLIC),
    "credentials:status_list": Row(PUBLIC),
    "credentials:credential": Row(PUBLIC),
    "credentials:credential_jwt": Row(PUBLIC),
    "credential_pages:verify": Row(PUBLIC),
    # LTI 1.3: public addresses a school's system calls; the launch steps are POSTs that
    # carry their own proof (a signed message, a launch id, a single-use ticket).
    "lti:login": Row(dict.fromkeys(ROLES, "400")),
    "lti:launch": Row(dict.fromkeys(ROLES, "405")),
    "lti:deep_link": Row(dict.fromkeys(ROLES, "405")),
    "lti:enter": Row(dict.fromkeys(ROLES, "400")),
    "lti:jwks": Row(PUBLIC),
    "lti:config": Row(PUBLIC),
    "lti:config_json": Row(PUBLIC),
    "credential_pages:consent": Row(SIGNED_IN, method="post"),
    # Staff area
    "centres:home": Row(STAFF),
    "centres:cohort_list": Row(STAFF),
    "centres:cohort_create": Row(STAFF),
    "centres:cohort_detail": Row(CENTRE_A_RECORD),
    "centres:cohort_attendance_export": Row(CENTRE_A_RECORD),
    "centres:cohort_edit": Row(CENTRE_A_RECORD),
    "centres:cohort_members_add": Row(CENTRE_A_RECORD),
    "centres:cohort_member_remove": Row(CENTRE_A_RECORD, method="post"),
    "centres:cohort_certificates": Row(CENTRE_A_RECORD, method="post"),
    "centres:session_create": Row(CENTRE_A_RECORD),
    "centres:session_attendance": Row(CENTRE_A_RECORD),
    "centres:session_edit": Row(CENTRE_A_RECORD),
    "centres:session_qr": Row(CENTRE_A_RECORD),
    # Checking in (during the session) is for the class's learners; everyone else is told
    # they are not on the list.
    "centres:checkin": Row({**dict.fromkeys(ROLES, "403"), "anon": "login", "learner": "ok"}),
    "centres:import_upload": Row(CENTRE_ADMIN),
    "centres:import_template": Row(CENTRE_ADMIN),
    "centres:import_detail": Row(CENTRE_A_ADMIN_RECORD),
    "centres:import_status": Row(CENTRE_A_ADMIN_RECORD),
    "centres:import_report": Row(CENTRE_A_ADMIN_RECORD),
    "centres:import_erase_passwords": Row(CENTRE_A_ADMIN_RECORD, method="post"),
    "centres:early_childhood_list": Row(STAFF),
    "centres:early_childhood_create": Row(STAFF),
    "centres:early_childhood_edit": Row(CENTRE_A_RECORD),
    "centres:report": Row(CENTRE_ADMIN),
    "centres:report_export": Row(CENTRE_ADMIN),
    "centres:learner_list": Row(STAFF),
    "centres:learner_detail": Row(CENTRE_A_RECORD),
    "centres:learner_attendance_export": Row(CENTRE_A_RECORD),
    "centres:learner_password_reset": Row(CENTRE_A_RECORD, method="post"),
    # Catalogue and search
    "catalogue": Row(PUBLIC),
    "search": Row(PUBLIC, query="?q=ออนไลน์"),
    "tag_detail": Row(PUBLIC),
    # Assignments
    "assignments:mine": Row(SIGNED_IN),
    "assignments:detail": Row(SIGNED_IN),
    # The learner's work is handed in and waits for review: no more drafts.
    "assignments:autosave": Row({**SIGNED_IN, "learner": "409"}, method="post"),
    "assignments:gallery": Row(WORK),
    "assignments:submission": Row(OWNER_ONLY),
    "assignments:gallery_consent": Row(OWNER_ONLY, method="post"),
    "assignments:file": Row(WORK),
    "assignments:review_queue": Row(REVIEWERS),
    "assignments:review_detail": Row(REVIEWERS_RECORD),
    # Wagtail's front end
    "wagtailcore_authenticate_with_password": Row(dict.fromkeys(ROLES, "404")),
    "wagtailcore_login": Row(PUBLIC),
    "wagtail_serve": Row(PUBLIC),
    # Documents (public downloads of authored content)
    "wagtaildocs_serve": Row(PUBLIC),
    "wagtaildocs_authenticate_with_password": Row(dict.fromkeys(ROLES, "404")),
    # API tokens page
    "api_tokens:list": Row(SIGNED_IN),
    "api_tokens:revoke": Row(OWNER_ONLY, method="post"),
    # REST API: schema and docs are public; the root only names the docs.
    "api-v1:openapi-json": Row(PUBLIC),
    "api-v1:openapi-view": Row(PUBLIC),
    "api-v1:api-root": Row(dict.fromkeys(ROLES, "404")),
    "api-v1:not-found": Row(dict.fromkeys(ROLES, "404")),
    "api-v1:list_tracks": Row(PUBLIC),
    "api-v1:list_courses": Row(PUBLIC, query="?track=workforce"),
    "api-v1:get_course": Row(PUBLIC),
    "api-v1:verify_certificate": Row(PUBLIC),
    "api-v1:me": Row(API_SIGNED_IN),
    "api-v1:my_enrollments": Row(API_SIGNED_IN),
    "api-v1:my_progress": Row(API_SIGNED_IN),
    "api-v1:my_certificates": Row(API_SIGNED_IN),
    "api-v1:list_centres": Row(API_STAFF),
    "api-v1:list_classes": Row(API_STAFF),
    "api-v1:get_class": Row(API_CENTRE_A_RECORD),
    "api-v1:list_class_members": Row(API_CENTRE_A_RECORD),
    "api-v1:list_class_sessions": Row(API_CENTRE_A_RECORD),
    "api-v1:get_session_attendance": Row(API_CENTRE_A_RECORD),
    "api-v1:record_session_attendance": Row(
        API_CENTRE_A_RECORD,
        method="post",
        json=lambda w: {"marks": [{"user_id": w["learner"], "status": "present"}]},
    ),
    "api-v1:get_report": Row(API_CENTRE_ADMIN, query="?by=track"),
    # H5P activities: the player and the package's files are as public as a lesson's
    # images (the sandboxed frame sends no cookies); results are the enrolled learner's.
    "h5p:player": Row(PUBLIC),
    "h5p:content_root": Row(dict.fromkeys(ROLES, "404")),
    "h5p:content_file": Row(PUBLIC),
    "h5p:results": Row(
        {**dict.fromkeys(ROLES, "404"), "learner": "ok"},
        method="post",
        json=lambda w: {
            "lesson": w["lesson_id"],
            "verb": "completed",
            "score": {"raw": 1, "max": 2},
        },
    ),
}


def _site_patterns():
    """(name, pattern) of every URL outside the Wagtail admin."""

    def walk(patterns, namespace=None, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = ":".join(filter(None, [namespace, pattern.namespace])) or None
                yield from walk(pattern.url_patterns, ns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, prefix + str(pattern.pattern)

    for name, route in walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            continue
        yield name, route


def _admin_patterns():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield pattern, prefix + str(pattern.pattern)

    return [
        (p, route) for p, route in walk(get_resolver().url_patterns) if route.startswith("admin/")
    ]


# Admin URLs meant for everyone: sign-in help, translations and icons for the login page.
ADMIN_PUBLIC = {
    "wagtailadmin_login",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}


def test_every_url_has_a_row():
    names = {name for name, _route in _site_patterns()}
    assert None not in names, "every URL outside the admin needs a name"
    missing = sorted(names - MATRIX.keys())
    stale = sorted(MATRIX.keys() - names)
    assert not missing, f"URLs without a row in the permission matrix: {missing}"
    assert not stale, f"rows for URLs that no longer exist: {stale}"


def _world() -> dict:
    """Demo data plus one import, and the URL arguments of records owned by demo-learner
    and centre A."""
    result = demo_seed_for_test()
    learner = User.objects.get(username="demo-learner")
    centre_a = result["centre"]
    selling = result["courses"]["sell-products-online"]
    lesson = selling.get_children().live().first()
    attempt = QuizAttempt.objects.filter(user=learner).select_related("quiz").first()
    certificate = Certificate.objects.filter(learner=learner).first()
    submission = Submission.objects.filter(user=learner).first()
    essay_attempt = (
        QuizAttempt.objects.awaiting_grading().filter(user__home_centre=centre_a).first()
    )
    cohort = Cohort.objects.filter(centre=centre_a, memberships__user=learner).first()
    # A session running today, so that checking in is open while the matrix runs.
    session = CohortSession.objects.create(
        cohort=cohort, date=timezone.localdate(), start_time=time(0, 0), end_time=time(23, 59)
    )
    early = EarlyChildhoodSession.objects.filter(centre=centre_a).first()
    batch = ImportBatch.objects.create(
        centre=centre_a,
        created_by=User.objects.get(username="demo-centre-admin"),
        file_name="people.csv",
    )
    from wagtail.documents import get_document_model

    document = get_document_model().objects.first()
    from lms.api.services import token_create

    api_token = token_create(user=learner, name="matrix", scope="read").token
    sco = ScormSco.objects.filter(is_sco=True).first()
    # An H5P activity in the lesson (one that does not finish it: other rows stay as they are).
    activity = h5p_content_create(file=build_package(), title="กิจกรรมทดสอบ")
    lesson = lesson.specific
    lesson.body.append(("h5p", {"content": activity, "completes_lesson": False}))
    lesson.save()
    for record in (
        lesson,
        attempt,
        essay_attempt,
        certificate,
        submission,
        cohort,
        session,
        early,
        document,
    ):
        assert record is not None, "the demo data lacks a record the matrix needs"
    return {
        "course_id": selling.pk,
        "completed_course_id": certificate.course_id,
        "lesson_id": lesson.pk,
        "quiz_id": attempt.quiz_id,
        "attempt_id": attempt.pk,
        "essay_attempt_id": essay_attempt.pk,
        "code": certificate.code,
        "reference": certificate.pk,
        "cohort": cohort.pk,
        "user_id": learner.pk,
        "session": session.pk,
        "token": checkin_token(session),
        "batch": batch.pk,
        "early": early.pk,
        "learner": learner.pk,
        "assignment": submission.assignment_id,
        "submission": submission.pk,
        "file": submission.files.first().pk,
        "slug": selling.tags.first().slug,
        "uidb64": urlsafe_base64_encode(force_bytes(learner.pk)),
        "reset_token": default_token_generator.make_token(learner),
        "document_id": document.pk,
        "document_filename": document.filename,
        "api_token": api_token.pk,
        "offline_quiz_id": Quiz.objects.filter(available_offline=True).first().pk,
        "package": sco.package_id,
        "package_launch": sco.launch.split("?")[0],
        "sco": sco.pk,
        "activity": activity.pk,
    }


# URL name -> how to fill its arguments from the world.
ARGS = {
    "learning:enrol": lambda w: {"course_id": w["course_id"]},
    "learning:leave": lambda w: {"course_id": w["course_id"]},
    "learning:continue": lambda w: {"course_id": w["course_id"]},
    "learning:completed": lambda w: {"course_id": w["completed_course_id"]},
    "learning:complete_lesson": lambda w: {"lesson_id": w["lesson_id"]},
    "assessments:quiz": lambda w: {"quiz_id": w["quiz_id"]},
    "xapi_activity": lambda w: {"kind": "course", "pk": w["course_id"]},
    "offline:course_download": lambda w: {"course_id": w["course_id"]},
    "packages:content": lambda w: {"package_id": w["package"], "path": w["package_launch"]},
    "packages:commit": lambda w: {"sco_id": w["sco"]},
    "offline:quiz_paper": lambda w: {"quiz_id": w["offline_quiz_id"]},
    "offline:assignment_draft": lambda w: {"pk": w["assignment"]},
    "assessments:start": lambda w: {"quiz_id": w["quiz_id"]},
    "assessments:attempt": lambda w: {"attempt_id": w["attempt_id"]},
    "assessments:autosave": lambda w: {"attempt_id": w["attempt_id"]},
    "assessments:submit": lambda w: {"attempt_id": w["attempt_id"]},
    "assessments:review": lambda w: {"attempt_id": w["attempt_id"]},
    "assessments:grading_detail": lambda w: {"attempt_id": w["essay_attempt_id"]},
    "certificates:verify": lambda w: {"code": w["code"]},
    "certificates:download": lambda w: {"reference": w["reference"]},
    "credentials:status_list": lambda w: {"list_id": 1},
    "lti:enter": lambda w: {"token": "not-a-ticket"},
    "credentials:credential": lambda w: {"code": w["code"]},
    "credentials:credential_jwt": lambda w: {"code": w["code"]},
    "centres:cohort_detail": lambda w: {"pk": w["cohort"]},
    "centres:cohort_attendance_export": lambda w: {"pk": w["cohort"], "kind": "xlsx"},
    "centres:cohort_edit": lambda w: {"pk": w["cohort"]},
    "centres:cohort_members_add": lambda w: {"pk": w["cohort"]},
    "centres:cohort_member_remove": lambda w: {"pk": w["cohort"], "user_id": w["user_id"]},
    "centres:cohort_certificates": lambda w: {"pk": w["cohort"]},
    "centres:session_create": lambda w: {"pk": w["cohort"]},
    "centres:session_attendance": lambda w: {"pk": w["session"]},
    "centres:session_edit": lambda w: {"pk": w["session"]},
    "centres:session_qr": lambda w: {"pk": w["session"]},
    "centres:checkin": lambda w: {"token": w["token"]},
    "centres:import_template": lambda w: {"kind": "csv"},
    "centres:import_detail": lambda w: {"pk": w["batch"]},
    "centres:import_status": lambda w: {"pk": w["batch"]},
    "centres:import_report": lambda w: {"pk": w["batch"], "kind": "csv"},
    "centres:import_erase_passwords": lambda w: {"pk": w["batch"]},
    "centres:early_childhood_edit": lambda w: {"pk": w["early"]},
    "centres:report_export": lambda w: {"kind": "csv"},
    "centres:learner_detail": lambda w: {"pk": w["learner"]},
    "centres:learner_attendance_export": lambda w: {"pk": w["learner"], "kind": "csv"},
    "centres:learner_password_reset": lambda w: {"pk": w["learner"]},
    "tag_detail": lambda w: {"slug": w["slug"]},
    "assignments:detail": lambda w: {"pk": w["assignment"]},
    "assignments:autosave": lambda w: {"pk": w["assignment"]},
    "assignments:gallery": lambda w: {"pk": w["assignment"]},
    "assignments:submission": lambda w: {"pk": w["submission"]},
    "assignments:gallery_consent": lambda w: {"pk": w["submission"]},
    "assignments:file": lambda w: {"pk": w["file"]},
    "assignments:review_detail": lambda w: {"pk": w["submission"]},
    "password_reset_confirm": lambda w: {"uidb64": w["uidb64"], "token": w["reset_token"]},
    "wagtailcore_authenticate_with_password": lambda w: {
        "page_view_restriction_id": 999999,
        "page_id": 999999,
    },
    "wagtaildocs_serve": lambda w: (w["document_id"], w["document_filename"]),
    "wagtaildocs_authenticate_with_password": lambda w: (999999,),
    "api_tokens:revoke": lambda w: {"pk": w["api_token"]},
    "h5p:player": lambda w: {"pk": w["activity"]},
    "h5p:content_root": lambda w: {"pk": w["activity"]},
    "h5p:content_file": lambda w: {"pk": w["activity"], "path": "h5p.json"},
    "h5p:results": lambda w: {"pk": w["activity"]},
    "api-v1:get_course": lambda w: {"ref": w["course_id"]},
    "api-v1:verify_certificate": lambda w: {"code": w["code"]},
    "api-v1:get_class": lambda w: {"class_id": w["cohort"]},
    "api-v1:list_class_members": lambda w: {"class_id": w["cohort"]},
    "api-v1:list_class_sessions": lambda w: {"class_id": w["cohort"]},
    "api-v1:get_session_attendance": lambda w: {"session_id": w["session"]},
    "api-v1:record_session_attendance": lambda w: {"session_id": w["session"]},
}


def _url(name: str, world: dict) -> str:
    from django.urls import reverse

    if name == "wagtail_serve":
        return "/"
    arguments = ARGS[name](world) if name in ARGS else {}
    if isinstance(arguments, tuple):
        return reverse(name, args=arguments)
    return reverse(name, kwargs=arguments)


def _outcome(response) -> str:
    status = response.status_code
    if status in (301, 302, 303):
        path = urlsplit(response["Location"]).path
        return "login" if "login" in path else "ok"
    if status < 300:
        return "ok"
    return str(status)


def _matches(expected: str, actual: str) -> bool:
    if expected == "deny":
        return actual in ("403", "404")
    return expected == actual


def test_permission_matrix(client):
    world = _world()
    users = {role: User.objects.get(username=name) for role, name in USERNAMES.items()}
    names = [name for name, _route in _site_patterns()]
    wrong = []
    checked = 0
    for role in ROLES:
        client.logout()
        if role != "anon":
            client.force_login(users[role])
        for name in names:
            row = MATRIX[name]
            url = _url(name, world) + row.query
            with transaction.atomic():
                if row.json is not None:
                    response = getattr(client, row.method)(
                        url, row.json(world), content_type="application/json"
                    )
                else:
                    response = getattr(client, row.method)(url)
                transaction.set_rollback(True)
            actual = _outcome(response)
            checked += 1
            if actual.startswith("5") or not _matches(row.expect[role], actual):
                wrong.append(
                    f"{role:14} {row.method.upper():4} {url}: {actual}, expected {row.expect[role]}"
                )
            if role != "anon" and name == "logout":
                client.force_login(users[role])
    assert checked == len(ROLES) * len(MATRIX)
    assert not wrong, "permission matrix mismatches:\n" + "\n".join(wrong)


def _fill(route: str) -> str:
    """A concrete path for an admin route: numbers for ids, a word for the rest."""
    import re

    path = re.sub(r"<(?:int|id):\w+>", "1", route)
    path = re.sub(r"<[\w:]+>", "x", path)
    if path.startswith("^") or "(" in path:
        return ""
    return "/" + path


def test_no_admin_url_opens_for_anonymous_or_learners(client, home):
    learner = User.objects.create_user(username="plain-learner", password="x-pass-12345")
    paths = sorted(
        {
            path
            for pattern, route in _admin_patterns()
            if pattern.name not in ADMIN_PUBLIC and (path := _fill(route))
        }
    )
    assert len(paths) > 200, "the admin URL configuration was not found"
    opened = []
    for who in ("anon", "learner"):
        client.logout()
        if who == "learner":
            client.force_login(learner)
        for path in paths:
            with transaction.atomic():
                response = client.get(path)
                transaction.set_rollback(True)
            if response.status_code < 300 or response.status_code >= 500:
                opened.append(f"{who}: {path} {response.status_code}")
    assert not opened, "admin pages answered without admin rights:\n" + "\n".join(opened)
