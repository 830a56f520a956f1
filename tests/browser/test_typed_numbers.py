"""A learner types her profile the way a Thai phone keyboard gives it (Thai digits, ํ + า),
and a tampered address shows a Thai page, not a server error; at 360 px and at a desk."""

from lms.users.models import User

from .conftest import WIDTHS, fits


@WIDTHS
def test_profile_in_thai_digits_and_a_tampered_address(demo, browser_page, viewport, shots):
    base, _result = demo
    page = browser_page(viewport)
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "demo-learner")
    page.fill("#id_password", "demo-pass-2566")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url("**/learn/")

    page.goto(base + "/accounts/profile/")
    page.fill("#id_first_name", "ล\u0e4d\u0e32ดวน")  # nikhahit + sara aa, as old keyboards type
    page.fill("#id_birth_year", "๒๕๓๐")
    page.fill("#id_phone", "๐๘๑-๒๓๔-๕๖๗๘")
    shots(page, "profile-typed")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    shots(page, "profile-saved")
    learner = User.objects.get(username="demo-learner")
    assert (learner.first_name, learner.birth_year, learner.phone) == (
        "ลำดวน",
        1987,
        "0812345678",
    )

    response = page.goto(base + "/learn/courses/99999999999999999999/continue/")
    assert response.status == 404
    page.context.clear_cookies()
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "demo-trainer")
    page.fill("#id_password", "demo-pass-2566")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_load_state()
    response = page.goto(base + "/assignments/review/?centre=%C2%B2")
    assert response.status == 400
    shots(page, "bad-request")
    assert "ที่อยู่หน้าเว็บไม่ถูกต้อง" in page.locator("h1").inner_text()
    fits(page, viewport)
