"""Thai text is drawn with the Sarabun font served by the site, never as boxes.

The machine has no Thai system font, so a page without Sarabun shows missing-glyph
boxes: comparing the two renderings proves the font is what draws the Thai.
"""

from PIL import Image, ImageChops

HEADING = "h1"


def heading_image(page, path):
    page.locator(HEADING).first.screenshot(path=str(path))
    return Image.open(path).convert("L")


def test_thai_uses_sarabun_and_differs_from_a_page_without_it(
    demo, playwright_browser, shots, tmp_path
):
    base, _result = demo
    context = playwright_browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(base + "/")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    shots(page, "home-with-sarabun")
    assert page.evaluate("document.fonts.check('16px Sarabun', 'เรียนรู้ทักษะดิจิทัล')")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Sarabun' && f.status === 'loaded').length"
    )
    assert loaded >= 1
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert family.startswith('"Sarabun"') or family.startswith("Sarabun")
    with_font = heading_image(page, tmp_path / "with.png")
    context.close()

    blocked = playwright_browser.new_context(viewport={"width": 360, "height": 780})
    page = blocked.new_page()
    page.route("**/vendor/sarabun/**", lambda route: route.abort())
    page.goto(base + "/")
    page.wait_for_load_state("networkidle")
    shots(page, "home-without-sarabun")
    assert not page.evaluate(
        "[...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Sarabun' && f.status === 'loaded')"
    )
    without_font = heading_image(page, tmp_path / "without.png")
    blocked.close()

    # Same text, same layout box width: the pixels differ only if Sarabun drew the glyphs.
    width = min(with_font.width, without_font.width)
    height = min(with_font.height, without_font.height)
    diff = ImageChops.difference(
        with_font.crop((0, 0, width, height)), without_font.crop((0, 0, width, height))
    )
    changed = sum(1 for value in diff.get_flattened_data() if value > 40)
    assert changed > 500


def test_font_files_are_served_by_the_site(demo, client):
    response = client.get("/static/vendor/sarabun/sarabun-thai-400-normal.woff2")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body[:4] == b"wOF2"
