"""Journey 2 at phone width (360 px) and at desktop width: sign up, find a course by a
Thai word inside a lesson title, enrol, do lesson one, find that lesson two is finished by
its practical assignment (no "done" button), come back another day and Continue to lesson
two."""

from lms.learning.models import Enrollment

from .conftest import WIDTHS, fits


@WIDTHS
def test_sign_up_find_learn_and_resume(demo, browser_page, viewport, shots):
    base, result = demo
    page = browser_page(viewport)
    page.goto(base + "/")
    shots(page, "home")
    page.get_by_role("link", name="สมัครสมาชิก").first.click()
    page.fill("#id_username", "nok.phantip")
    page.fill("#id_password1", "Nongkhai-2569")
    page.fill("#id_password2", "Nongkhai-2569")
    page.select_option("#id_title_prefix", "miss")
    page.fill("#id_first_name", "นกน้อย")
    page.fill("#id_last_name", "พันธ์ทิพย์")
    page.fill("#id_birth_year", "2545")
    page.select_option("#id_province", "43")
    # (A locator, not wait_for_function: the CSP forbids the eval that it needs.)
    page.locator("#id_home_centre option").nth(1).wait_for(state="attached")
    page.select_option("#id_home_centre", str(result["centre"].pk))
    shots(page, "signup-form")
    page.get_by_role("button", name="สร้างบัญชีของฉัน").click()
    page.wait_for_url("**/learn/")
    shots(page, "new-dashboard")

    # "ช่องทาง" sits inside the unspaced lesson title "รู้จักช่องทางการขายออนไลน์".
    page.get_by_role("link", name="ค้นหา").first.click()
    page.fill("#q", "ช่องทาง")
    page.get_by_role("button", name="ค้นหา").click()
    shots(page, "search-results")
    page.get_by_role("link", name="รู้จักช่องทางการขายออนไลน์").click()
    page.get_by_role("link", name="‹ การขายสินค้าออนไลน์สำหรับผู้ผลิตชุมชน").click()
    shots(page, "course-page")
    page.get_by_role("button", name="ลงทะเบียนเรียนหลักสูตรนี้").click()
    shots(page, "enrolled")
    page.get_by_role("link", name="เริ่มเรียนบทแรก").click()
    shots(page, "lesson-1")
    page.get_by_role("button", name="บันทึกว่าเรียนบทนี้จบแล้ว").click()
    shots(page, "lesson-2-opened")
    # Lesson two is done when a trainer passes its assignment (lms.assignments).
    page.wait_for_url("**/photograph-products-with-a-phone/")
    assert page.get_by_role("button", name="บันทึกว่าเรียนบทนี้จบแล้ว").count() == 0

    page.get_by_role("button", name="ออกจากระบบ").click()
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "Nok.Phantip")  # phones capitalise; still the same account
    page.fill("#id_password", "Nongkhai-2569")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url("**/learn/")
    shots(page, "dashboard-next-day")
    page.get_by_role("link", name="เรียนต่อ").first.click()
    shots(page, "continued")
    assert page.url.endswith("/workforce/sell-products-online/photograph-products-with-a-phone/")
    assert page.locator("h1").inner_text() == "ถ่ายรูปสินค้าด้วยโทรศัพท์มือถือ"
    enrollment = Enrollment.objects.get(user__username="nok.phantip")
    assert enrollment.progress.filter(completed_at__isnull=False).count() == 1
    # Nothing on the page needs more than the screen's width.
    fits(page, viewport)
