"""Accessibility of every learner and public page of the journeys, and of the centre staff
pages that the centre journeys use, at 360 px and desktop.

axe-core (installed from the npm registry by `make install`, never committed) checks
each page against WCAG 2.1 A and AA: no serious or critical violation is allowed. Each
page also starts with a skip link that moves the keyboard focus to the main landmark.
The pages are opened with the Content-Security-Policy bypassed, only so that axe's own
script can be injected; the policy itself is tested in tests/proof/test_security.py.
"""

from pathlib import Path

from django.urls import reverse

import pytest

from assessments.models import QuizAttempt
from lms.assignments.models import Submission
from lms.certificates.models import Certificate
from lms.classes.models import Cohort, ImportBatch
from lms.early_childhood.models import EarlyChildhoodSession
from lms.learning.models import LessonProgress
from lms.setup.demo.centres import COHORT_NAME

from .conftest import DESKTOP, PHONE
from .test_centre_journey import SAMPLE, log_in

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")


def _pages(result) -> tuple[list[str], list[str]]:
    """(pages for anyone, pages of the signed-in demo learner)."""
    selling = result["courses"]["sell-products-online"]
    lesson = selling.get_children().live().first()
    certificate = Certificate.objects.get(learner__username="demo-learner")
    attempt = QuizAttempt.objects.filter(user__username="demo-learner").first()
    submission = Submission.objects.filter(user__username="demo-learner").first()
    activity = result["activities"][0]
    tag = selling.tags.first()
    public = [
        "/",
        selling.get_parent().url,
        "/courses/",
        selling.url,
        lesson.url,
        activity.url,
        "/search/?q=ออนไลน์",
        f"/tags/{tag.slug}/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/certificates/verify/",
        f"/certificates/verify/{certificate.code}/",
        "/certificates/verify/ABCDEFGHJKMNPQRSTVWX/",
        "/credentials/verify/",
        "/no-such-page/",
        "/en/",
        "/en/courses/",
    ]
    learner = [
        "/learn/",
        lesson.url,
        f"/quizzes/{attempt.quiz_id}/",
        f"/quizzes/attempts/{attempt.pk}/review/",
        "/certificates/",
        "/assignments/",
        f"/assignments/{submission.assignment_id}/",
        "/accounts/profile/",
        "/accounts/my-data/",
        "/accounts/password/",
    ]
    return public, learner


def _staff_pages(result) -> list[str]:
    """The centre pages of journeys 4 and 5 (lms/centres/urls.py), with the demo's ids."""
    centre = result["centre"]
    cohort = Cohort.objects.get(centre=centre, name=COHORT_NAME)
    session = cohort.sessions.order_by("date").first()  # has happened: attendance recorded
    learner = result["users"]["demo-learner"]
    early = EarlyChildhoodSession.objects.filter(centre=centre).first()

    def url(name, *args):
        return reverse(f"centres:{name}", args=args)

    return [
        url("home"),
        url("cohort_list"),
        url("cohort_create"),
        url("cohort_detail", cohort.pk),
        url("cohort_edit", cohort.pk),
        url("cohort_members_add", cohort.pk),
        url("session_create", cohort.pk),
        url("session_attendance", session.pk),
        url("session_edit", session.pk),
        url("session_qr", session.pk),
        url("learner_list"),
        url("learner_detail", learner.pk),
        url("import_upload") + f"?cohort={cohort.pk}",
        url("report"),
        url("report") + "?by=centre",
        url("early_childhood_list"),
        url("early_childhood_create"),
        url("early_childhood_edit", early.pk),
    ]


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG,
    )
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def _describe(path: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        lines.append(f"{path}: {violation['id']} ({violation['impact']}) at {targets}")
    return lines


FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
    "select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])"
)


def _skip_link_works(page, path: str) -> list[str]:
    problems = []
    if page.locator("main").count() != 1:
        problems.append(f"{path}: expected one <main> landmark")
    # The first stop of the keyboard (in document order; a login form may autofocus its
    # first field, which is fine) is the skip link, and it moves the focus to <main>.
    first = page.locator(FOCUSABLE).first
    if first.get_attribute("href") != "#main":
        problems.append(f"{path}: the first focusable element is not the skip link")
        return problems
    first.focus()
    page.keyboard.press("Enter")
    if page.evaluate("document.activeElement.id") != "main":
        problems.append(f"{path}: the skip link does not move focus to the main content")
    return problems


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "desktop"])
def test_learner_and_public_pages_have_no_serious_accessibility_violations(
    demo, playwright_browser, viewport
):
    assert AXE.exists(), "axe-core is missing: run `make install` (npm ci)"
    base, result = demo
    public, learner = _pages(result)
    context = playwright_browser.new_context(viewport=viewport, locale="th-TH", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    checked = 0
    try:
        for group, paths in (("anonymous", public), ("learner", learner)):
            if group == "learner":
                log_in(page, base, "demo-learner")
            for path in paths:
                response = page.goto(base + path)
                assert response.status in (200, 404), f"{path}: {response.status}"
                problems += _describe(f"[{group}] {path}", _axe(page))
                problems += _skip_link_works(page, path)
                checked += 1
    finally:
        context.close()
    print(f"axe: {checked} pages at {viewport['width']} px, {len(problems)} problems")
    assert not problems, "accessibility problems:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "desktop"])
def test_centre_staff_pages_have_no_serious_accessibility_violations(
    demo, playwright_browser, viewport
):
    """The demo centre admin's pages: classes, attendance, learners, the spreadsheet
    import (the upload form and a dry run's result), reports and early childhood."""
    assert AXE.exists(), "axe-core is missing: run `make install` (npm ci)"
    base, result = demo
    paths = _staff_pages(result)
    context = playwright_browser.new_context(viewport=viewport, locale="th-TH", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    try:
        log_in(page, base, "demo-centre-admin")
        # A dry run of the sample spreadsheet, so that its result page is checked too.
        page.goto(base + reverse("centres:import_upload"))
        page.set_input_files("#id_file", str(SAMPLE))
        page.locator("main form.form button[type=submit]").first.click()
        page.wait_for_load_state()
        paths.append(reverse("centres:import_detail", args=[ImportBatch.objects.latest("pk").pk]))
        for path in paths:
            response = page.goto(base + path)
            assert response.status == 200, f"{path}: {response.status}"
            problems += _describe(f"[centre admin] {path}", _axe(page))
            problems += _skip_link_works(page, path)
    finally:
        context.close()
    print(f"axe: {len(paths)} staff pages at {viewport['width']} px, {len(problems)} problems")
    assert not problems, "accessibility problems:\n" + "\n".join(problems)


def test_a_keyboard_alone_signs_in_and_marks_a_lesson_done(demo, playwright_browser):
    base, result = demo
    selling = result["courses"]["sell-products-online"]
    lessons = list(selling.get_children().live().specific())
    context = playwright_browser.new_context(viewport=PHONE, locale="th-TH")
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(base + "/accounts/login/")
        page.locator("#id_username").focus()
        page.keyboard.type("demo-learner")
        page.keyboard.press("Tab")
        page.keyboard.type("demo-pass-2566")
        page.keyboard.press("Enter")
        page.wait_for_url("**/learn/")
        # The first lesson of the selling course that is not done and has a done button.
        button = None
        for lesson in lessons:
            done = LessonProgress.objects.filter(
                user__username="demo-learner", lesson=lesson, completed_at__isnull=False
            )
            if done.exists():
                continue
            page.goto(base + lesson.url)
            candidate = page.locator(f"form[action$='/learn/lessons/{lesson.pk}/done/'] button")
            if candidate.count() == 1:
                target, button = lesson, candidate
                break
        assert button is not None, "the demo has no open lesson to mark done"
        # Tab through the page until the button has focus, then press Space.
        for _ in range(80):
            page.keyboard.press("Tab")
            if button.evaluate("(el) => el === document.activeElement"):
                break
        else:
            raise AssertionError("the done button cannot be reached with Tab")
        with page.expect_navigation():
            page.keyboard.press("Space")
        assert LessonProgress.objects.filter(
            user__username="demo-learner", lesson=target, completed_at__isnull=False
        ).exists()
    finally:
        context.close()
