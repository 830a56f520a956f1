"""Each staff role's admin home page with the demo data, on a phone and at a desk.

Screenshots go to test-artifacts/screenshots/test_dashboards_for_each_role/.
"""

from .conftest import DESKTOP, PHONE

PEOPLE = [
    ("demo-trainer", "#trainer-dashboard-section"),
    ("demo-centre-admin", "#centre-dashboard-section"),
    ("demo-admin", "#national-dashboard-section"),
]


def log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo-pass-2566")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_dashboards_for_each_role(demo, browser_page, shots):
    base, _result = demo
    for viewport, width_name in ((PHONE, "360px"), (DESKTOP, "1280px")):
        for username, panel_selector in PEOPLE:
            page = browser_page(viewport)
            log_in(page, base, username)
            page.goto(base + "/admin/")
            panel = page.locator(panel_selector)
            panel.wait_for()
            # Charts are drawn, with real figures, and their tables are there for screen readers.
            assert panel.locator("svg rect").count() > 0
            assert panel.locator("details table").count() > 0
            numbers = [int(n) for n in panel.locator(".lms-dash__number").all_inner_texts()]
            assert any(numbers), (username, numbers)
            # Nothing in the panel is wider than the screen.
            box = panel.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1, box
            shots(page, f"{username}-{width_name}")
            # The admin scrolls inside its own frame, which a full-page picture does not
            # unroll: a window as tall as the page shows the whole dashboard.
            box = panel.bounding_box()
            page.set_viewport_size(
                {"width": viewport["width"], "height": int(box["y"] + box["height"] + 40)}
            )
            shots(page, f"{username}-{width_name}-whole")
            page.set_viewport_size(viewport)
            # Opening a chart's table shows the figures as text.
            panel.locator("details summary").first.click()
            assert panel.locator("details[open] table td").count() > 0
            page.context.close()
