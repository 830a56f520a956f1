"""The national admin reads the admin's dates in the Buddhist Era (พ.ศ.), at a desk and
on a phone: a page list and the site history report, with no Common Era year.

Dates shown as "เมื่อสักครู่" (just now) carry the full date in their tooltip; both count.
"""

import datetime
import re

from .conftest import WIDTHS
from .test_platform_journeys import admin_log_in


@WIDTHS
def test_admin_dates_are_buddhist_era(demo, browser_page, shots, viewport):
    base, result = demo
    course = result["courses"]["sell-products-online"]
    year = datetime.date.today().year
    page = browser_page(viewport)
    admin_log_in(page, base, "demo-admin")

    page.goto(base + f"/admin/pages/{course.pk}/")
    shots(page, "page-list")
    main = page.locator("main")
    assert str(year) not in main.inner_text()
    html = re.sub(r'datetime="[^"]*"', "", main.inner_html())
    assert str(year) not in html
    assert str(year + 543) in html

    page.goto(base + "/admin/reports/site-history/")
    shots(page, "site-history")
    # The date column; the records' own names are written when each record is logged.
    dates = page.locator("main table tbody td:last-child")
    assert dates.count() > 0
    html = "".join(dates.evaluate_all("(cells) => cells.map((c) => c.outerHTML)"))
    # <time datetime="…"> is for machines and stays ISO; what a person reads may not.
    html = re.sub(r'datetime="[^"]*"', "", html)
    assert str(year) not in html
    assert str(year + 543) in html
