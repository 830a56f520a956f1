"""Building blocks of the demo lessons: StreamField values and the skill tags.

Block values refer to demo media by key ("@window-light"); the seeder swaps in
the image or document it created.
"""


def p(*paragraphs: str) -> tuple[str, str]:
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def ul(*items: str, intro: str = "") -> tuple[str, str]:
    head = f"<p>{intro}</p>" if intro else ""
    return ("paragraph", head + "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def h(text: str, level: str = "h2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def img(key: str, alt: str, caption: str = "") -> tuple[str, dict]:
    return ("image", {"image": f"@{key}", "alt_text": alt, "caption": caption})


def tip(text: str, title: str = "", kind: str = "tip") -> tuple[str, dict]:
    return ("callout", {"kind": kind, "title": title, "text": f"<p>{text}</p>"})


def steps(title: str, *items: tuple[str, str]) -> tuple[str, dict]:
    return (
        "steps",
        {
            "title": title,
            "steps": [
                {"title": t, "text": f"<p>{d}</p>" if d else "", "image": None} for t, d in items
            ],
        },
    )


def practice(title: str, instructions: str, minutes: int, *checklist: str) -> tuple[str, dict]:
    return (
        "practice",
        {
            "title": title,
            "instructions": f"<p>{instructions}</p>",
            "duration_minutes": minutes,
            "checklist": list(checklist),
        },
    )


def download(key: str, description: str) -> tuple[str, dict]:
    return ("download", {"document": f"@{key}", "description": description})


def video(key: str, caption: str, transcript: str) -> tuple[str, dict]:
    return ("video", {"url": None, "file": f"@{key}", "caption": caption, "transcript": transcript})


# --- Tags -----------------------------------------------------------------------------

TAG_SELLING = "การขายออนไลน์"
TAG_PHOTO = "การถ่ายภาพสินค้า"
TAG_MONEY = "การเงินดิจิทัล"
TAG_SHEETS = "สเปรดชีต"
TAG_SAFETY = "ความปลอดภัยออนไลน์"
TAG_MEDIA = "การรู้เท่าทันสื่อ"
TAG_COUNTING = "ทักษะการนับ"
TAG_LANGUAGE = "ภาษาและการสื่อสาร"
TAG_MOVEMENT = "การเคลื่อนไหว"
