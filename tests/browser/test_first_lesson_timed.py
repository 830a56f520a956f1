"""A new learner, from the home page to the first lesson opened, sign-up included, in under
a minute: at 360 px and on a laptop.

The clock is a scripted person's pace, not the machine's: a glance at each new page, a
tap, each character typed on a phone keyboard, and the moment it takes to choose a course;
plus the time the pages really took to arrive. Screenshots of each step are kept.
"""

import time

from lms.learning.models import Enrollment, LessonProgress

from .conftest import WIDTHS, fits

GLANCE = 2.5  # seconds to take in a new page
TAP = 1.0  # to find and tap a link or button
CHARACTER = 0.35  # per character typed with thumbs
CHOOSE = 4.0  # to read the suggested courses and pick one
LIMIT = 60.0


class Person:
    """Counts the seconds a person spends, and the seconds the site makes them wait."""

    def __init__(self, page, shots):
        self.page, self.shots = page, shots
        self.human = 0.0
        self.waiting = 0.0
        self.steps: list[str] = []

    def _waited(self, action) -> None:
        started = time.monotonic()
        action()
        self.page.wait_for_load_state()
        self.waiting += time.monotonic() - started

    def sees(self, step: str) -> None:
        self.human += GLANCE
        self.steps.append(step)
        self.shots(self.page, step)
        fits(self.page, self.page.viewport_size)

    def taps(self, locator) -> None:
        self.human += TAP
        self._waited(locator.click)

    def taps_inside(self, locator) -> None:
        """A tap on the middle of an element, whatever lies on top of it (a card's link)."""
        box = locator.bounding_box()
        self.human += TAP
        self._waited(
            lambda: self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        )

    def types(self, selector: str, text: str) -> None:
        self.human += TAP + CHARACTER * len(text)
        self.page.fill(selector, text)

    def chooses(self) -> None:
        self.human += CHOOSE

    @property
    def total(self) -> float:
        return self.human + self.waiting


@WIDTHS
def test_a_new_learner_opens_a_first_lesson_within_a_minute(demo, browser_page, viewport, shots):
    base, result = demo
    page = browser_page(viewport)
    person = Person(page, shots)

    person._waited(lambda: page.goto(base + "/"))
    person.sees("home")
    person.taps(page.get_by_role("link", name="สมัครสมาชิก").first)
    person.sees("sign-up")
    # Only what is required: a username, a password twice, the Thai name.
    person.types("#id_username", "somsri")
    person.types("#id_password1", "Photak-2569")
    person.types("#id_password2", "Photak-2569")
    person.types("#id_first_name", "สมศรี")
    person.types("#id_last_name", "ทองดี")
    person.taps(page.get_by_role("button", name="สร้างบัญชีของฉัน"))
    page.wait_for_url("**/learn/")
    person.sees("welcome")
    assert "ยินดีต้อนรับ คุณสมศรี" in page.content()

    # One obvious next step: a suggested course, the whole card a link.
    person.chooses()
    card = page.locator(".course-card").first
    title = card.locator(".card__title").inner_text()
    # The summary, not the title: tapping anywhere on the card opens the course.
    card.scroll_into_view_if_needed()
    person.taps_inside(card.locator(".card__body p").last)
    person.sees("course")
    assert page.locator("h1").inner_text() == title
    person.taps(page.get_by_role("button", name="ลงทะเบียนเรียนหลักสูตรนี้"))
    person.sees("enrolled")
    person.taps(page.get_by_role("link", name="เริ่มเรียนบทแรก"))
    person.sees("first-lesson")

    enrollment = Enrollment.objects.get(user__username="somsri")
    assert LessonProgress.objects.filter(enrollment=enrollment).count() == 1
    print(
        f"first lesson at {viewport['width']} px: {person.total:.1f} s "
        f"({person.human:.1f} s of a person's pace, {person.waiting:.1f} s waiting for pages; "
        f"{len(person.steps)} pages)"
    )
    assert person.total < LIMIT, person.steps
