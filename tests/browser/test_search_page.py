"""Search on a phone and at a desk: ranked results with marked words, "did you mean",
and the one message when nothing matches."""

from urllib.parse import quote

from curricula.search_synonyms import search_synonyms_ensure_defaults
from tests.browser.conftest import WIDTHS, fits


@WIDTHS
def test_search_results_did_you_mean_and_nothing_found(demo, browser_page, shots, viewport):
    base, _result = demo
    search_synonyms_ensure_defaults()
    page = browser_page(viewport)

    page.goto(f"{base}/search/?q={quote('ขายของออนไลน์')}")
    first = page.locator(".results .card__title").first
    assert first.inner_text() == "การขายสินค้าออนไลน์สำหรับผู้ผลิตชุมชน"
    assert page.locator(".search-snippet mark").count() >= 1
    fits(page, viewport)
    shots(page, "results")

    page.goto(f"{base}/search/?q={quote('สเปดชีส')}")
    suggestion = page.locator(".search-suggestion a")
    assert suggestion.inner_text() == "สเปรดชีต"
    assert "คุณหมายถึง" in page.locator(".search-suggestion").inner_text()
    fits(page, viewport)
    shots(page, "did-you-mean")
    suggestion.click()
    assert page.locator(".results .card__title").first.inner_text() == ("ทำบัญชีร้านค้าชุมชนด้วยสเปรดชีต")

    page.goto(f"{base}/search/?q=qwertyuiop")
    empty = page.locator(".search-empty")
    assert "ไม่พบผลลัพธ์สำหรับ" in empty.inner_text()
    assert page.get_by_text("ไม่พบผลลัพธ์").count() == 1
    fits(page, viewport)
    shots(page, "nothing-found")
