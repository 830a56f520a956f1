"""Draw the installable app's icons (static/img/icons/) from the shapes of static/img/logo.svg.

The logo is three shapes on a 32-unit grid: a rounded white square, a blue "D" and an
orange dot. Pillow cannot read SVG, so the shapes are drawn again here, four times larger
than needed and scaled down for smooth edges. Run it again after changing the logo:

    .venv/bin/python scripts/make_app_icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "static" / "img" / "icons"
BLUE = "#0b4f8a"
ORANGE = "#b3470b"
WHITE = "#ffffff"
OVERSAMPLE = 4


def _logo(draw: ImageDraw.ImageDraw, *, origin: float, unit: float, square: bool) -> None:
    """The logo's shapes, its 32-unit grid starting at `origin` with `unit` pixels a unit."""

    def at(x: float, y: float) -> tuple[float, float]:
        return origin + x * unit, origin + y * unit

    if square:
        draw.rounded_rectangle((*at(0, 0), *at(32, 32)), radius=8 * unit, fill=WHITE)
    # The "D": a bar from x 8 to 13.5 and a half circle of radius 6 around (13.5, 16).
    draw.rectangle((*at(8, 10), *at(13.5, 22)), fill=BLUE)
    draw.pieslice((*at(7.5, 10), *at(19.5, 22)), start=-90, end=90, fill=BLUE)
    draw.ellipse((*at(19, 12.5), *at(26, 19.5)), fill=ORANGE)


def icon(size: int, *, maskable: bool) -> Image.Image:
    big = size * OVERSAMPLE
    if maskable:
        # A launcher may cut the icon to a circle: the logo stays inside the middle 80 %
        # (the safe zone) on a white background that fills the whole square.
        image = Image.new("RGB", (big, big), WHITE)
        unit = big * 0.8 / 32
        _logo(ImageDraw.Draw(image), origin=big * 0.1, unit=unit, square=False)
    else:
        image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        _logo(ImageDraw.Draw(image), origin=0, unit=big / 32, square=True)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        icon(size, maskable=False).save(ICONS / f"icon-{size}.png", optimize=True)
        icon(size, maskable=True).save(ICONS / f"icon-maskable-{size}.png", optimize=True)
    icon(180, maskable=True).save(ICONS / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
