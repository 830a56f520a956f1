"""Illustrations for the demo content, drawn with Pillow so the repository holds no
binary images and the demo looks the same on every machine."""

import io
from collections.abc import Callable

from PIL import Image, ImageDraw

W, H = 1280, 720


def _canvas(top: str, bottom: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (W, H), top)
    draw = ImageDraw.Draw(image)
    t = tuple(int(top[i : i + 2], 16) for i in (1, 3, 5))
    b = tuple(int(bottom[i : i + 2], 16) for i in (1, 3, 5))
    for y in range(H):
        mix = y / H
        draw.line(
            [(0, y), (W, y)], fill=tuple(int(t[i] * (1 - mix) + b[i] * mix) for i in range(3))
        )
    return image, draw


def _jar(
    draw: ImageDraw.ImageDraw, x: int, y: int, scale: float = 1.0, label: str = "#d9480f"
) -> None:
    s = scale
    draw.rounded_rectangle(
        [x, y + 40 * s, x + 160 * s, y + 260 * s], radius=int(30 * s), fill="#8c2f0b"
    )
    draw.rounded_rectangle(
        [x + 10 * s, y, x + 150 * s, y + 50 * s], radius=int(10 * s), fill="#f2c14e"
    )
    draw.rectangle([x + 12 * s, y + 110 * s, x + 148 * s, y + 200 * s], fill="#fff4e0")
    draw.ellipse([x + 55 * s, y + 130 * s, x + 105 * s, y + 180 * s], fill=label)


def _phone(
    draw: ImageDraw.ImageDraw, x: int, y: int, w: int = 260, h: int = 480
) -> tuple[int, int, int, int]:
    draw.rounded_rectangle([x, y, x + w, y + h], radius=36, fill="#1b2430")
    screen = (x + 16, y + 50, x + w - 16, y + h - 50)
    draw.rounded_rectangle(screen, radius=12, fill="#f7fbff")
    draw.ellipse(
        [x + w / 2 - 14, y + h - 40, x + w / 2 + 14, y + h - 12], outline="#5c6b80", width=4
    )
    return screen


def online_selling() -> Image.Image:
    image, draw = _canvas("#0b6e5f", "#0f9b85")
    left, top, right, bottom = _phone(draw, 510, 110)
    _jar(draw, left + 40, top + 60, 0.95)
    draw.rounded_rectangle(
        [left + 20, bottom - 90, right - 20, bottom - 30], radius=14, fill="#f59f00"
    )
    # shopping bag and parcel around the phone
    draw.rounded_rectangle([180, 330, 380, 560], radius=18, fill="#ffd8a8")
    draw.arc([230, 260, 330, 380], 180, 360, fill="#ffd8a8", width=14)
    draw.rectangle([900, 380, 1120, 560], fill="#c08552")
    draw.rectangle([900, 450, 1120, 470], fill="#a06a3c")
    draw.rectangle([1000, 380, 1020, 560], fill="#a06a3c")
    return image


def bookkeeping() -> Image.Image:
    image, draw = _canvas("#1d4e89", "#3a7bc8")
    draw.rounded_rectangle([240, 120, 1040, 600], radius=24, fill="#ffffff")
    for row in range(7):
        y = 170 + row * 58
        draw.line([(280, y), (1000, y)], fill="#c7d3e3", width=3)
    for col in (470, 700, 860):
        draw.line([(col, 150), (col, 570)], fill="#c7d3e3", width=3)
    for row in range(1, 7):
        y = 170 + row * 58 - 40
        draw.rounded_rectangle(
            [300, y + 8, 300 + 120 + (row * 23) % 40, y + 30], radius=6, fill="#8aa4c8"
        )
        draw.rounded_rectangle(
            [720, y + 8, 820, y + 30], radius=6, fill="#2b8a3e" if row % 3 else "#c92a2a"
        )
    for i, (cx, cy) in enumerate([(1080, 560), (1130, 530), (1170, 575)]):
        draw.ellipse(
            [cx - 48, cy - 48, cx + 48, cy + 48],
            fill="#fcc419" if i != 1 else "#fab005",
            outline="#e67700",
            width=6,
        )
    return image


def online_safety() -> Image.Image:
    image, draw = _canvas("#4c2fa8", "#7048e8")
    draw.polygon(
        [(640, 110), (880, 200), (850, 470), (640, 620), (430, 470), (400, 200)], fill="#ffffff"
    )
    draw.polygon(
        [(640, 150), (840, 225), (815, 455), (640, 580), (465, 455), (440, 225)], fill="#e5dbff"
    )
    draw.rounded_rectangle([560, 340, 720, 480], radius=18, fill="#5f3dc4")
    draw.arc([585, 260, 695, 380], 180, 360, fill="#5f3dc4", width=22)
    draw.ellipse([625, 385, 655, 415], fill="#ffffff")
    draw.rectangle([634, 405, 646, 445], fill="#ffffff")
    return image


def counting_caps() -> Image.Image:
    image, draw = _canvas("#fff4e6", "#ffe8cc")
    colours = ["#e03131", "#1971c2", "#2f9e44", "#f59f00", "#9c36b5"]
    for row, colour in enumerate(colours):
        for i in range(row + 1):
            cx, cy = 250 + i * 120, 110 + row * 120
            draw.ellipse([cx - 46, cy - 46, cx + 46, cy + 46], fill=colour)
            draw.ellipse([cx - 30, cy - 30, cx + 30, cy + 30], outline="#ffffff", width=5)
    draw.rounded_rectangle([900, 200, 1120, 560], radius=30, fill="#d0ebff")
    draw.rectangle([900, 200, 1120, 260], fill="#a5d8ff")
    return image


def picture_story() -> Image.Image:
    image, draw = _canvas("#e6fcf5", "#c3fae8")
    draw.polygon(
        [(200, 200), (640, 250), (640, 620), (200, 570)], fill="#ffffff", outline="#868e96"
    )
    draw.polygon(
        [(640, 250), (1080, 200), (1080, 570), (640, 620)], fill="#ffffff", outline="#868e96"
    )
    draw.ellipse([300, 280, 400, 380], fill="#fcc419")
    draw.rectangle([470, 420, 500, 540], fill="#8d5524")
    draw.ellipse([410, 330, 560, 450], fill="#37b24d")
    draw.polygon([(760, 540), (860, 380), (960, 540)], fill="#f76707")
    draw.rectangle([800, 470, 920, 560], fill="#fab005")
    return image


def music_movement() -> Image.Image:
    image, draw = _canvas("#fff0f6", "#ffdeeb")
    draw.ellipse([470, 380, 810, 520], fill="#c2255c")
    draw.rectangle([470, 300, 810, 450], fill="#e64980")
    draw.ellipse([470, 230, 810, 370], fill="#fcc2d7", outline="#c2255c", width=8)
    for x, y in [(250, 200), (1000, 160), (1060, 420)]:
        draw.ellipse([x, y + 80, x + 70, y + 130], fill="#343a40")
        draw.rectangle([x + 58, y, x + 70, y + 105], fill="#343a40")
        draw.polygon([(x + 70, y), (x + 120, y + 30), (x + 70, y + 40)], fill="#343a40")
    return image


def window_light() -> Image.Image:
    image, draw = _canvas("#f1f3f5", "#dee2e6")
    draw.rectangle([60, 60, 380, 460], fill="#a5d8ff", outline="#ffffff", width=18)
    draw.line([(220, 60), (220, 460)], fill="#ffffff", width=14)
    draw.line([(60, 260), (380, 260)], fill="#ffffff", width=14)
    for i in range(5):
        draw.polygon(
            [(380, 120 + i * 70), (760, 330 + i * 40), (760, 350 + i * 40), (380, 150 + i * 70)],
            fill="#fff3bf",
        )
    draw.rectangle([0, 560, W, H], fill="#ced4da")
    draw.polygon([(520, 380), (1100, 380), (1180, 600), (440, 600)], fill="#ffffff")
    _jar(draw, 720, 320, 1.0)
    _phone(draw, 1040, 150, 170, 300)
    return image


def three_angles() -> Image.Image:
    image, draw = _canvas("#ffffff", "#f1f3f5")
    for i, x in enumerate((90, 500, 910)):
        draw.rounded_rectangle(
            [x, 150, x + 300, 570], radius=20, fill="#f8f9fa", outline="#adb5bd", width=4
        )
        if i == 0:
            _jar(draw, x + 70, 230, 1.0)
        elif i == 1:
            draw.rounded_rectangle([x + 110, 270, x + 190, 490], radius=24, fill="#8c2f0b")
            draw.rounded_rectangle([x + 105, 230, x + 195, 280], radius=10, fill="#f2c14e")
        else:
            draw.ellipse([x + 50, 260, x + 250, 460], fill="#f2c14e")
            draw.ellipse([x + 90, 300, x + 210, 420], fill="#e0a92c")
    return image


def packing() -> Image.Image:
    image, draw = _canvas("#fff9db", "#ffec99")
    draw.polygon([(360, 300), (640, 220), (920, 300), (640, 380)], fill="#d9a066")
    draw.polygon([(360, 300), (640, 380), (640, 640), (360, 560)], fill="#c08552")
    draw.polygon([(640, 380), (920, 300), (920, 560), (640, 640)], fill="#a06a3c")
    draw.rectangle([690, 440, 860, 540], fill="#ffffff")
    for i in range(4):
        draw.line([(705, 460 + i * 20), (845, 460 + i * 20)], fill="#495057", width=4)
    for cx in range(150, 330, 45):
        for cy in range(420, 600, 45):
            draw.ellipse([cx, cy, cx + 36, cy + 36], outline="#74c0fc", width=4)
    return image


ILLUSTRATIONS: dict[str, tuple[str, Callable[[], Image.Image]]] = {
    "online-selling": ("ปกหลักสูตรขายสินค้าออนไลน์", online_selling),
    "bookkeeping": ("ปกหลักสูตรบัญชีร้านค้า", bookkeeping),
    "online-safety": ("ปกหลักสูตรความปลอดภัยออนไลน์", online_safety),
    "counting-caps": ("ฝาขวดหลากสีสำหรับกิจกรรมนับเลข", counting_caps),
    "picture-story": ("หนังสือนิทานภาพ", picture_story),
    "music-movement": ("กลองและโน้ตเพลง", music_movement),
    "window-light": ("ถ่ายรูปสินค้าด้วยแสงจากหน้าต่าง", window_light),
    "three-angles": ("สินค้าสามมุม ด้านหน้า ด้านข้าง และด้านบน", three_angles),
    "packing": ("กล่องพัสดุพร้อมบับเบิลกันกระแทก", packing),
}


def png_bytes(key: str) -> bytes:
    _title, draw = ILLUSTRATIONS[key]
    buffer = io.BytesIO()
    draw().save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
