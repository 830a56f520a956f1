"""Every lesson block renders what a learner needs, in the page and safely."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from curricula.models import LessonPage
from tests.factories import LessonPageFactory


@pytest.fixture
def media(db):
    image = wagtail_factories.ImageFactory(title="ขวดน้ำพริก")
    video = wagtail_factories.DocumentFactory(title="วิดีโอสาธิต", file__filename="demo.mp4")
    handout = wagtail_factories.DocumentFactory(title="เช็กลิสต์", file__filename="checklist.pdf")
    return image, video, handout


@pytest.fixture
def lesson(course, media):
    image, video, handout = media
    return LessonPageFactory(
        parent=course,
        slug="all-blocks",
        body=[
            ("paragraph", "<p>ย่อหน้า <b>ตัวหนา</b></p>"),
            ("heading", {"text": "หัวข้อย่อย", "level": "h3"}),
            ("image", {"image": image, "alt_text": "ขวดบนผ้าขาว", "caption": "ฉากสีขาว"}),
            (
                "video",
                {"url": None, "file": video, "caption": "ดูวิธีจัดแสง", "transcript": "คำบรรยายวิดีโอ"},
            ),
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
                    "file": None,
                    "caption": "",
                    "transcript": "",
                },
            ),
            ("download", {"document": handout, "description": "พิมพ์ได้"}),
            ("callout", {"kind": "warning", "title": "", "text": "<p>ระวังแดดแรง</p>"}),
            (
                "steps",
                {
                    "title": "ขั้นตอน",
                    "steps": [
                        {"title": "เช็ดเลนส์", "text": "<p>ใช้ผ้านุ่ม</p>", "image": None},
                        {"title": "ปูฉาก", "text": "", "image": image},
                    ],
                },
            ),
            (
                "practice",
                {
                    "title": "ลองถ่ายรูป",
                    "instructions": "<p>ถ่ายสามมุม</p>",
                    "duration_minutes": 15,
                    "checklist": ["สว่าง", "คมชัด"],
                },
            ),
        ],
    )


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_every_block_renders(client, lesson):
    body = soup_of(client, lesson).select_one(".lesson-body")
    assert body.select_one(".block-paragraph b").text == "ตัวหนา"
    assert body.select_one("h3.block-heading").text == "หัวข้อย่อย"
    image = body.select_one(".block-image img")
    assert image["alt"] == "ขวดบนผ้าขาว" and image["src"].endswith(".webp")
    # A phone picks the smallest WebP that fills its screen.
    candidates = [c.split() for c in image["srcset"].split(",")]
    assert len(candidates) >= 2 and all(url.endswith(".webp") for url, _ in candidates)
    assert image["sizes"] and image["loading"] == "lazy"
    assert body.select_one(".block-image figcaption").text == "ฉากสีขาว"
    video = body.select_one(".block-video video")
    assert "demo" in video["src"] and video["src"].endswith(".mp4") and video.has_attr("controls")
    assert "คำบรรยายวิดีโอ" in body.select_one(".block-video details.transcript").text
    # Nothing of the video is downloaded before the learner presses play; the transcript,
    # which costs no data, comes first.
    assert video["preload"] == "none"
    figure = str(body.select_one(".block-video"))
    assert figure.index('class="transcript"') < figure.index("<video")
    download = body.select_one(".block-download a.download")
    assert download["href"].startswith("/documents/") and "เช็กลิสต์" in download.text
    callout = body.select_one(".callout--warning")
    assert "ระวังแดดแรง" in callout.text
    steps = body.select(".block-steps li.step")
    assert [s.select_one(".step__title").text for s in steps] == ["เช็ดเลนส์", "ปูฉาก"]
    assert steps[1].select_one("img") is not None
    practice = body.select_one(".block-practice")
    assert practice.h3.text == "ลองถ่ายรูป"
    assert [li.text for li in practice.select(".checklist li")] == ["สว่าง", "คมชัด"]


def test_video_link_without_network_falls_back_to_a_link(client, lesson):
    # No embed provider is reachable from the test machine: the learner still gets a link.
    videos = soup_of(client, lesson).select(".block-video")
    link = videos[1].select_one(".video-fallback a")
    assert link["href"] == "https://www.youtube.com/watch?v=aaaaaaaaaaa"


def test_author_html_is_sanitised(client, course):
    lesson = LessonPageFactory(
        parent=course,
        body=[
            ("paragraph", '<p>ok<script>alert(1)</script><a href="javascript:alert(2)">x</a></p>'),
            ("heading", {"text": "<img src=x onerror=alert(3)>", "level": "h2"}),
        ],
    )
    html = client.get(lesson.url).content.decode()
    assert "<script>alert(1)" not in html
    assert "javascript:alert" not in html
    assert "<img src=x onerror" not in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html


def test_activity_page_renders_its_plan(client, early_track):
    from tests.factories import ActivityPageFactory

    activity = ActivityPageFactory(
        parent=early_track,
        materials="ฝาขวด 50 ฝา\nถ้วย 5 ใบ",
        learning_goals="นับ 1–10",
        steps=[("step", {"title": "นั่งล้อมวง", "text": "<p>เทฝาขวดไว้ตรงกลาง</p>", "image": None})],
        safety_notes="ระวังเด็กเอาเข้าปาก",
        parent_tips="นับของที่บ้าน",
    )
    soup = soup_of(client, activity)
    assert [li.text for li in soup.select(".materials li")] == ["ฝาขวด 50 ฝา", "ถ้วย 5 ใบ"]
    assert soup.select_one(".steps .step__title").text == "นั่งล้อมวง"
    assert "ระวังเด็กเอาเข้าปาก" in soup.select_one(".callout--warning").text
    assert "3–5" in soup.select_one(".facts").text


def test_every_page_type_renders(client, home, youth_track, course, lessons):
    for page in (home, youth_track, course, lessons[0]):
        assert client.get(page.url).status_code == 200
    assert LessonPage.objects.count() == 3
