"""The permission matrix, second half: what the lists show, not only who may open them.

Two centres in different provinces each have learners, certificates, early-childhood
sessions and handed-in work. Centre B's admin and a trainer of centre B walk every admin
page and staff-area page that takes no argument (reports, listings, choosers, the
dashboard), each one's search when it has a search box, and each one's CSV and XLSX
export when it offers one, and must find none of centre A's marker strings: its
learners' names and user names, its certificate numbers and codes, its early-childhood
sessions and classes. The walk comes from the URL configuration, so a new list that
leaks fails here without anyone adding a row.
"""

import io
import re
import zipfile
from urllib.parse import urlencode

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse

import pytest

from assessments.models import QuizAttempt
from lms.assignments.models import Assignment, Grading, Submission
from lms.assignments.services import Work, submission_hand_in
from lms.centres.models import Centre, StaffRole, StaffRoleKind
from lms.certificates.models import Certificate
from lms.certificates.services import certificate_issue
from lms.classes.models import Cohort
from lms.early_childhood.models import EarlyChildhoodSession
from lms.setup.demo.seed import DEMO_CENTRE_CODE
from lms.users import roles
from lms.users.models import User

from .test_url_matrix import MATRIX, _admin_patterns, _site_patterns, _world

pytestmark = pytest.mark.django_db

SECOND_CENTRE_CODE = "KKN-0002"
# Pages that end the session, change something on GET, or fail on purpose (failwhale).
SKIP = re.compile(
    r"failwhale|logout|/login/|password_reset|/preview|/unlock|/lock/|/workflow/action"
)


def _centre_b_world() -> dict:
    """The demo data, plus a trainer, a certificate and a hand-in at centre B."""
    world = _world()
    centre_b = Centre.objects.get(code=SECOND_CENTRE_CODE)
    national = User.objects.get(username="demo-admin")
    trainer_b = User.objects.create_user(
        username="kkn-trainer", password="x-pass-12345", first_name="ครูบี", home_centre=centre_b
    )
    trainer_b.groups.add(Group.objects.get(name=roles.TRAINERS))
    StaffRole.objects.create(user=trainer_b, centre=centre_b, role=StaffRoleKind.TRAINER)
    wanida = User.objects.get(username="demo-kkn-wanida")
    course = wanida.enrollments.get().course
    certificate_issue(actor=national, learner=wanida, course=course, reason="เรียนจบในห้องเรียน")
    assignment = Assignment.objects.create(
        title="เล่าเรื่องความปลอดภัยออนไลน์",
        course=course,
        instructions="<p>เขียนเล่าสั้น ๆ</p>",
        accepts_text=True,
        text_required=True,
        accepts_images=False,
        min_images=0,
        grading=Grading.PASS_REDO,
    )
    submission_hand_in(user=wanida, assignment=assignment, work=Work(text="ตั้งรหัสผ่านให้ยาก"))
    world["centre_b"] = centre_b
    world["trainer_b"] = trainer_b
    return world


def _people_markers(centre: Centre) -> set[str]:
    staff = StaffRole.objects.values("user_id")
    learners = User.objects.filter(home_centre=centre).exclude(pk__in=staff)
    learners = learners.exclude(groups__isnull=False).exclude(is_superuser=True)
    members = User.objects.filter(cohort_memberships__cohort__centre=centre).exclude(pk__in=staff)
    markers = set()
    for person in (learners | members).distinct():
        markers.add(person.username)
        markers.add(f"{person.first_name} {person.last_name}")
        if person.first_name_en:
            markers.add(f"{person.first_name_en} {person.last_name_en}")
    return markers


def _markers(centre: Centre) -> dict[str, str]:
    """Strings that only appear where a record of `centre` is shown, with what each is."""
    found = dict.fromkeys(_people_markers(centre), "learner")
    people = User.objects.filter(home_centre=centre)
    for certificate in Certificate.objects.filter(learner__in=people):
        found[certificate.code] = "certificate code"
        found[certificate.number] = "certificate number"
    for record in EarlyChildhoodSession.objects.filter(centre=centre):
        found[reverse("early_childhood_admin:edit", args=[record.pk])] = "early-childhood session"
        found[reverse("centres:early_childhood_edit", kwargs={"pk": record.pk})] = (
            "early-childhood session"
        )
        found[f"{record.activity_id} · {record.centre.name_th}"] = "early-childhood session"
    for cohort in Cohort.objects.filter(centre=centre):
        # Not the name: the form's help text gives a class name as its example.
        found[reverse("centres:cohort_detail", kwargs={"pk": cohort.pk})] = "class"
    for submission in Submission.objects.filter(user__in=people):
        found[reverse("assignments:review_detail", kwargs={"pk": submission.pk})] = "hand-in"
        # How a hand-in is named in the site history.
        found[f"{submission.assignment_id} · {submission.user_id} · #"] = "hand-in"
    for attempt in QuizAttempt.objects.filter(user__in=people, layout__contains=[{"k": "essay"}]):
        found[reverse("assessments:grading_detail", kwargs={"attempt_id": attempt.pk})] = (
            "quiz attempt with an essay"
        )
    return found


def _text(response) -> str:
    """What a person would receive: the page, or the contents of the exported file."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            return "\n".join(
                book.read(name).decode()
                for name in book.namelist()
                if name.startswith("xl/") and name.endswith(".xml")
            )
    return content.decode("utf-8-sig", errors="replace")


def _paths() -> list[str]:
    admin = {
        "/" + route
        for pattern, route in _admin_patterns()
        if "<" not in route and not route.startswith("^") and "(" not in route
    }
    site = {
        reverse(name)
        for name, route in _site_patterns()
        if "<" not in route and MATRIX[name].method == "get" and name.startswith("centres:")
    }
    site.add(reverse("centres:report_export", kwargs={"kind": "csv"}))
    site.add(reverse("centres:report_export", kwargs={"kind": "xlsx"}))
    site.add(reverse("assignments:review_queue"))
    site.add(reverse("assessments:grading_queue"))
    site.add(reverse("certificates:mine"))
    return sorted(path for path in admin | site if not SKIP.search(path))


def _get(client, url):
    with transaction.atomic():
        response = client.get(url)
        transaction.set_rollback(True)
    return response


LINK = re.compile(r'href="(/(?:admin|centre|assignments|certificates)/[^"#?]*)')


def _links(seen: dict) -> list[str]:
    """One link of each shape (numbers ignored) from the pages seen, not yet opened: the
    records, histories and details the lists lead to."""
    shapes = {re.sub(r"\d+", "N", url.split("?")[0]) for url in seen}
    found = []
    for text, _term in list(seen.values()):
        for link in LINK.findall(text):
            shape = re.sub(r"\d+", "N", link)
            if shape not in shapes and not SKIP.search(link):
                shapes.add(shape)
                found.append(link)
    return found


def _walk(client, paths: list[str], searches: list[str]) -> tuple[dict, list[str]]:
    """Every page, its search results and its exports, then one page of each kind its links
    lead to: {url: (text, search term)}, and any server errors."""
    seen, errors = {}, []

    def visit(path):
        response = _get(client, path)
        if response.status_code >= 500:
            errors.append(f"{path}: {response.status_code}")
        if response.status_code != 200:
            return
        text = _text(response)
        seen[path] = (text, None)
        extra = []
        if "export=csv" in text or "export=xlsx" in text:
            extra += [(f"{path}?export=csv", None), (f"{path}?export=xlsx", None)]
        if 'name="q"' in text:
            extra += [(f"{path}?{urlencode({'q': term})}", term) for term in searches]
        for url, term in extra:
            response = _get(client, url)
            if response.status_code >= 500:
                errors.append(f"{url}: {response.status_code}")
            elif response.status_code == 200:
                seen[url] = (_text(response), term)

    for path in paths:
        visit(path)
    for link in _links(seen):
        visit(link)
    return seen, errors


def _leaks(seen: dict, markers: dict[str, str]) -> list[str]:
    # A search page repeats what was typed: that one marker is not a leak there.
    return [
        f"{url}: {kind} {marker!r}"
        for url, (text, term) in seen.items()
        for marker, kind in markers.items()
        if marker in text and marker != term
    ]


def test_centre_b_staff_find_nothing_of_centre_a(client):
    world = _centre_b_world()
    centre_a, centre_b = Centre.objects.get(code=DEMO_CENTRE_CODE), world["centre_b"]
    markers_a = _markers(centre_a)
    kinds = set(markers_a.values())
    assert {"learner", "certificate code", "early-childhood session", "hand-in"} <= kinds
    names = sorted(marker for marker, kind in markers_a.items() if kind == "learner")
    numbers = [marker for marker, kind in markers_a.items() if kind == "certificate number"]
    # Thai first names, an English name and a certificate number, typed into every search box.
    searches = [names[-1].split()[0], names[-2].split()[0], names[0], numbers[0]]

    paths = _paths()
    # One world for both viewers: building the demo data is the slow part.
    for who, viewer in (
        ("admin_b", User.objects.get(username="demo-centre-admin-2")),
        ("trainer_b", world["trainer_b"]),
    ):
        client.force_login(viewer)
        seen, errors = _walk(client, paths, searches)

        assert not errors, f"{who}: server errors:\n" + "\n".join(errors)
        assert len(seen) > 40, f"{who}: only {len(seen)} pages opened, the walk found too little"
        leaks = _leaks(seen, markers_a)
        assert not leaks, f"{who} sees centre A's records:\n" + "\n".join(sorted(leaks))

        # The walk reads real lists: B's own records are where the viewer may see them.
        history, _term = seen[reverse("wagtailadmin_reports:site_history")]
        own = _markers(centre_b)
        assert any(marker in history for marker in own), f"{who}: no record of B in the history"
