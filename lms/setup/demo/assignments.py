"""Demo data: the photo-and-listing assignment of the online-selling course, and one
piece of work by the demo learner waiting for the demo trainer's review.

`seed(result)` is called by lms.setup.demo.seed.demo_seed with what it created, and
is idempotent: it adds what is missing and never changes what exists.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from PIL import Image, ImageDraw

from curricula.models import LessonPage
from lms.assignments.models import Assignment, Grading, Submission
from lms.assignments.services import Work, submission_hand_in
from lms.learning.services import enrollment_create

COURSE_SLUG = "sell-products-online"
LESSON_SLUG = "photograph-products-with-a-phone"
TITLE = "ถ่ายรูปสินค้าของคุณและเขียนประกาศขาย"

INSTRUCTIONS = (
    "<p>เลือกสินค้าของคุณหนึ่งชิ้น จัดฉากข้างหน้าต่างตามขั้นตอนในบทเรียน แล้วส่งรูปที่ดีที่สุด"
    "อย่างน้อย 2 รูป พร้อมเขียนประกาศขายสั้น ๆ ที่พร้อมลงร้านออนไลน์ได้ทันที</p>"
    "<ul>"
    "<li>รูปที่ 1 ด้านหน้าของสินค้า เห็นฉลากชัดเจน</li>"
    "<li>รูปที่ 2 มุมอื่น หรือตอนใช้งานจริง</li>"
    "<li>ประกาศขาย ตั้งชื่อสินค้าตามสูตรที่เรียน บอกราคา ขนาด ค่าส่ง และวิธีสั่งซื้อ</li>"
    "</ul>"
    "<p>กดปุ่มเพิ่มรูปแล้วถ่ายจากกล้องโทรศัพท์ได้เลย ระบบจะย่อรูปให้เล็กลงและลบข้อมูลตำแหน่ง"
    "ที่ถ่ายออกให้เอง วิทยากรจะตรวจงานและให้คำแนะนำ ถ้ายังไม่ผ่านแก้ไขแล้วส่งใหม่ได้</p>"
)


def _levels(*levels: tuple[str, int, str]) -> list[dict]:
    return [
        {"label": label, "points": points, "description": description}
        for label, points, description in levels
    ]


RUBRIC = [
    (
        "criterion",
        {
            "title": "แสงและความคมชัด",
            "description": "รูปสว่าง สีตรงกับของจริง ไม่เบลอ",
            "levels": _levels(
                ("ต้องปรับปรุง", 0, "มืด เบลอ หรือมีเงาดำทับสินค้า"),
                ("พอใช้", 1, "เห็นสินค้าชัด แต่ยังมีเงาหรือแสงสะท้อนบางจุด"),
                ("ดี", 2, "สว่าง คมชัด สีเป็นธรรมชาติ"),
            ),
        },
    ),
    (
        "criterion",
        {
            "title": "ฉากและมุมกล้อง",
            "description": "ฉากหลังสะอาด สินค้าอยู่กลางภาพ มีหลายมุม",
            "levels": _levels(
                ("ต้องปรับปรุง", 0, "ฉากรก มีของอื่นปน หรือสินค้าเล็กเกินไป"),
                ("พอใช้", 1, "ฉากเรียบร้อย แต่มีมุมเดียว"),
                ("ดี", 2, "ฉากสะอาด สินค้าเต็มภาพ และมีมุมอื่นหรือตอนใช้งานจริง"),
            ),
        },
    ),
    (
        "criterion",
        {
            "title": "ประกาศขาย",
            "description": "ชื่อสินค้า ราคา ขนาด ค่าส่ง และวิธีสั่งซื้อ",
            "levels": _levels(
                ("ต้องปรับปรุง", 0, "ขาดชื่อสินค้าหรือราคา"),
                ("พอใช้", 1, "มีชื่อและราคา แต่ขาดขนาด ค่าส่ง หรือวิธีสั่งซื้อ"),
                ("ดี", 2, "ครบถ้วน อ่านง่าย ลูกค้าสั่งซื้อได้ทันที"),
            ),
        },
    ),
]

LISTING = (
    "น้ำพริกปลาย่าง สูตรโบราณ ไม่ใส่ผงชูรส 200 กรัม จากกลุ่มแม่บ้านโพธิ์ตาก หนองคาย\n\n"
    "ทำสดใหม่ทุกสัปดาห์ ใช้ปลาช่อนย่างถ่าน พริกแห้งคั่ว และหอมแดงจากแปลงในหมู่บ้าน "
    "รสเผ็ดกลาง ๆ กินกับข้าวสวย ผักลวก หรือข้าวเกรียบก็อร่อย\n"
    "ราคากระปุกละ 65 บาท ค่าส่งไปรษณีย์ 40 บาททั่วประเทศ ซื้อ 3 กระปุกขึ้นไปส่งฟรี\n"
    "เก็บในตู้เย็นได้ 1 เดือน\n"
    "สั่งซื้อทางแชตของร้าน หรือโทร 081-234-5678 จัดส่งทุกวันจันทร์และวันพฤหัสบดี"
)


def _jar(draw: ImageDraw.ImageDraw, x: int, y: int, s: float) -> None:
    draw.rounded_rectangle(
        [x, y + 60 * s, x + 240 * s, y + 390 * s], radius=int(44 * s), fill="#7a2a0c"
    )
    draw.rounded_rectangle(
        [x + 14 * s, y, x + 226 * s, y + 75 * s], radius=int(14 * s), fill="#e8b441"
    )
    draw.rectangle([x + 18 * s, y + 165 * s, x + 222 * s, y + 300 * s], fill="#fff4e0")
    draw.ellipse([x + 85 * s, y + 195 * s, x + 155 * s, y + 265 * s], fill="#c92a2a")
    draw.rectangle([x + 40 * s, y + 278 * s, x + 200 * s, y + 288 * s], fill="#7a2a0c")


def _photo_front() -> bytes:
    """The jar on white card by a window: light from the left, a soft shadow on the right."""
    w, h = 1600, 1200
    image = Image.new("RGB", (w, h), "#ffffff")
    draw = ImageDraw.Draw(image)
    for x in range(w):
        shade = int(255 - 40 * (x / w))
        draw.line([(x, 0), (x, h)], fill=(shade, shade, min(255, shade + 4)))
    draw.ellipse([620, 940, 1120, 1040], fill="#d9d9de")
    _jar(draw, 640, 420, 1.35)
    return _jpeg(image)


def _photo_in_use() -> bytes:
    """Chilli paste served with rice and boiled vegetables on a wooden table."""
    w, h = 1600, 1200
    image = Image.new("RGB", (w, h), "#b07a4a")
    draw = ImageDraw.Draw(image)
    for y in range(0, h, 90):
        draw.line([(0, y), (w, y + 20)], fill="#9c6a3e", width=6)
    draw.ellipse([260, 420, 900, 1000], fill="#f8f9fa", outline="#dee2e6", width=10)
    draw.ellipse([360, 520, 700, 800], fill="#ffffff")
    draw.ellipse([560, 640, 800, 860], fill="#a83212")
    for i, colour in enumerate(["#2f9e44", "#37b24d", "#f08c00", "#2b8a3e"]):
        draw.ellipse([380 + i * 70, 800, 470 + i * 70, 880], fill=colour)
    _jar(draw, 1050, 300, 1.2)
    return _jpeg(image)


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()


def _assignment(lesson: LessonPage) -> Assignment:
    assignment = Assignment.objects.filter(lesson=lesson).first()
    if assignment is not None:
        return assignment
    assignment = Assignment(
        title=TITLE,
        lesson=lesson,
        instructions=INSTRUCTIONS,
        accepts_text=True,
        text_required=True,
        text_label="ประกาศขายสินค้าของคุณ",
        accepts_images=True,
        min_images=2,
        max_files=5,
        max_file_mb=15,
        grading=Grading.RUBRIC,
        rubric=RUBRIC,
        pass_points=4,
        gallery_enabled=True,
    )
    assignment.full_clean()
    assignment.save()
    return assignment


def seed(result: dict) -> Assignment | None:
    """Add the demo assignment and the demo learner's waiting submission if missing."""
    course = result["courses"].get(COURSE_SLUG)
    if course is None:
        return None
    lesson = LessonPage.objects.child_of(course).filter(slug=LESSON_SLUG).first()
    if lesson is None:
        return None
    assignment = _assignment(lesson)
    learner = result["users"]["demo-learner"]
    if not Submission.objects.filter(assignment=assignment, user=learner).exists():
        enrollment_create(user=learner, course=course)
        submission_hand_in(
            user=learner,
            assignment=assignment,
            work=Work(
                text=LISTING,
                images=[
                    SimpleUploadedFile("IMG_0412.jpg", _photo_front(), "image/jpeg"),
                    SimpleUploadedFile("IMG_0415.jpg", _photo_in_use(), "image/jpeg"),
                ],
            ),
        )
    return assignment
