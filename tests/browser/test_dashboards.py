"""Each staff role's admin home page with the demo data, on a phone and at a desk.

Screenshots go to test-artifacts/screenshots/test_dashboards_for_each_role/.
"""

from lms.setup.demo.dashboards import CENTRES

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
            if username == "demo-admin":
                check_province_map(panel, viewport)
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


# Provinces of the demo's centres: Nong Khai (the demo centre, a third of the history's
# learners), Khon Kaen (the second centre) and those of the history's six more.
DEMO_PROVINCES = {"43", "40", *(province for _code, _n, _e, province, *_rest in CENTRES)}


def check_province_map(panel, viewport):
    """77 outlines, each shaded by its class of the figures the table shows."""
    figure = panel.locator("figure.lms-map")
    drawn = figure.locator("svg path.lms-map__shape").evaluate_all(
        """paths => paths.map(p => [
            p.dataset.province,
            Number(p.getAttribute("class").match(/lms-map__shade--(\\d)/)[1]),
            p.querySelector("title").textContent,
        ])"""
    )
    assert len(drawn) == 77 and len({code for code, _l, _t in drawn}) == 77
    table = {
        name: int(value)
        for name, value in figure.locator("details tbody tr").evaluate_all(
            "rows => rows.map(r => [r.cells[0].textContent, r.cells[1].textContent])"
        )
    }
    assert len(table) == 77
    shades, values = {}, {}
    for code, level, title in drawn:
        name, _colon, value = title.rpartition(": ")
        assert table[name] == int(value), title  # the picture says what the table says
        shades[code], values[code] = level, int(value)
    # No figure, no shade; more completions never a lighter shade; the most, the darkest.
    assert all((values[code] == 0) == (shades[code] == 0) for code in shades)
    ordered = sorted(shades, key=values.get)
    assert [shades[code] for code in ordered] == sorted(shades.values())
    assert shades["43"] == 4 and values["43"] == max(values.values())
    shaded = {code for code, level in shades.items() if level}
    assert len(shaded) >= 5 and shaded <= DEMO_PROVINCES, shaded
    assert shades["10"] == 0  # no centre in Bangkok
    # The legend: "none yet" and one step for each shade in use.
    legend = figure.locator(".lms-map__legend li")
    assert legend.count() == len(set(shades.values()))
    assert legend.first.inner_text().strip() == "ยังไม่มี"
    # Readable on the phone: as wide as the panel allows, never wider than the screen.
    box = figure.locator("svg").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert box["width"] >= min(300, viewport["width"] - 80), box
