"""GIFT import: every supported type, a broken file's report, hostile files, and the admin flow."""

from decimal import Decimal
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from assessments.gift import MAX_FILE_BYTES, GiftFileError, gift_decode, gift_parse
from assessments.models import Question, QuestionBank, QuestionKind
from assessments.services import gift_import
from lms.users import roles
from tests.conftest import admin_in_english
from tests.factories import UserFactory

DATA = Path(__file__).parent / "data"
VALID = (DATA / "valid.gift").read_text(encoding="utf-8")
BROKEN = (DATA / "broken.gift").read_text(encoding="utf-8")


# --- Parsing -----------------------------------------------------------------------------------


def test_every_supported_type_maps_to_ours():
    report = gift_parse(VALID)
    assert report.invalid == []
    by_title = {q.title: q for q in report.questions}
    assert len(report.questions) == 9

    light = by_title["แสงถ่ายรูป"]
    assert light.kind == QuestionKind.SINGLE
    assert [(c.text, c.is_correct) for c in light.choices] == [
        ("แสงธรรมชาติจากหน้าต่าง", True),
        ("แฟลชของโทรศัพท์", False),
        ("แดดส่องตรงตอนเที่ยง", False),
    ]
    assert light.choices[1].feedback == "แฟลชทำให้เกิดจุดสะท้อน"

    sharp = by_title["สิ่งที่ควรทำ"]
    assert sharp.kind == QuestionKind.MULTIPLE and sharp.scoring == "partial"
    assert [c.is_correct for c in sharp.choices] == [True, True, False]

    otp = by_title["รหัส OTP"]
    assert otp.kind == QuestionKind.TRUE_FALSE and otp.correct_answer_true is False
    assert otp.feedback_incorrect == "ไม่ใช่ ใครขอ OTP คือมิจฉาชีพ"
    assert otp.feedback_correct == "ถูกต้อง ไม่ต้องบอกใคร"

    hotline = by_title["สายด่วน"]
    assert hotline.kind == QuestionKind.SHORT_TEXT
    assert hotline.accepted_answers == ["1441", "๑๔๔๑"]

    profit = by_title["กำไร"]
    assert profit.kind == QuestionKind.NUMERIC
    assert (profit.numeric_answer, profit.numeric_tolerance) == (Decimal(2150), Decimal(0))
    price = by_title["ช่วงราคา"]
    assert (price.numeric_answer, price.numeric_tolerance) == (Decimal(70), Decimal(10))

    pairs = by_title["จับคู่"]
    assert pairs.kind == QuestionKind.MATCHING
    assert pairs.pairs[-1] == ("", "เปิดแฟลช")  # an extra wrong option
    assert len(pairs.pairs) == 4


def test_missing_word_escapes_and_html():
    report = gift_parse(VALID)
    blank, html = report.questions[7], report.questions[8]
    assert blank.prompt == "ใช้สูตร _____ เพื่อรวมตัวเลขในคอลัมน์"
    assert [(c.text, c.is_correct) for c in blank.choices] == [
        ("=AVERAGE()", False),
        ("=SUM()", True),
        ("=COUNT()", False),
    ]
    assert html.prompt == "ราคา ต่อชิ้น ควรรวมอะไรบ้าง"
    assert html.warnings  # told that formatting was removed
    assert html.feedback_correct == html.feedback_incorrect == "ราคาต้องรวมทุกต้นทุน"
    assert "<b>" not in html.prompt_html


def test_broken_file_reports_each_question_with_its_line_and_reason(english):
    report = gift_parse(BROKEN)
    assert [q.title for q in report.valid] == ["ดี", "ดีอีกข้อ"]
    errors = {q.title: (q.line, q.error) for q in report.invalid}
    assert errors["ไม่มีคำตอบ"][0] == 3 and "description" in errors["ไม่มีคำตอบ"][1]
    assert errors["ขาดปีกกา"][0] == 5 and "\\{" in errors["ขาดปีกกา"][1]
    assert "Essay" in errors["เรียงความ"][1]
    assert "exactly one right answer" in errors["สองคำตอบถูก"][1]
    assert "สิบบาท" in errors["ตัวเลขผิด"][1]
    assert "->" in errors["จับคู่ผิด"][1]


def test_report_speaks_the_users_language():
    from django.utils import translation

    with translation.override("en"):
        english = gift_parse(BROKEN).invalid[0].error
    assert english.startswith("There is no answer part")
    with translation.override("th"):
        thai = gift_parse(BROKEN).invalid[0].error
    assert thai.startswith("ไม่มีส่วนคำตอบ")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"x" * (MAX_FILE_BYTES + 1), "too large"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        ("ข้อสอบ {=ใช่ ~ไม่}".encode("cp874"), "UTF-8"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not a text file"),  # a .docx or .zip
        ("ข้อ \x1b[31m {T}".encode(), "control characters"),
    ],
)
def test_hostile_files_get_a_clear_error(data, fragment, english):
    with pytest.raises(GiftFileError) as error:
        gift_decode(data)
    assert fragment in str(error.value)


def test_utf16_and_byte_order_marks_are_read():
    assert gift_decode("\ufeffข้อ {T}".encode()) == "ข้อ {T}"
    assert gift_decode("ข้อ {T}".encode("utf-16")) == "ข้อ {T}"


def test_a_file_without_questions_is_refused():
    with pytest.raises(GiftFileError):
        gift_parse("// only a comment\n\n$CATEGORY: x\n")


def test_too_many_questions_is_refused():
    with pytest.raises(GiftFileError):
        gift_parse("\n\n".join(f"ข้อ {n} {{T}}" for n in range(1001)))


# --- Importing ---------------------------------------------------------------------------------


@pytest.fixture
def trainer(home):
    from django.contrib.auth.models import Group

    user = admin_in_english(UserFactory(username="trainer"))
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    return user


def test_import_of_a_valid_file_creates_every_question(trainer):
    result = gift_import(user=trainer, text=VALID, new_bank_name="คลังการขาย")
    assert len(result.imported) == 9
    bank = QuestionBank.objects.get(name="คลังการขาย")
    assert bank.questions.count() == 9
    matching = bank.questions.get(title="จับคู่")
    assert matching.pairs.count() == 4
    light = bank.questions.get(title="แสงถ่ายรูป")
    assert light.choices.filter(is_correct=True).get().text == "แสงธรรมชาติจากหน้าต่าง"
    assert light.prompt == "<p>ถ่ายรูปสินค้าด้วยแสงแบบใดดีที่สุด</p>"


def test_a_file_with_errors_imports_nothing_unless_asked(trainer):
    result = gift_import(user=trainer, text=BROKEN, new_bank_name="คลังใหม่")
    assert result.refused and len(result.report.invalid) == 6
    assert not Question.objects.exists() and not QuestionBank.objects.exists()
    result = gift_import(user=trainer, text=BROKEN, new_bank_name="คลังใหม่", import_valid=True)
    assert [q.title for q in result.imported] == ["ดี", "ดีอีกข้อ"]
    assert Question.objects.count() == 2


def test_import_needs_permission(home):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        gift_import(user=UserFactory(username="learner"), text=VALID, new_bank_name="x")
    assert not QuestionBank.objects.exists()


# --- Admin view --------------------------------------------------------------------------------


def upload(client, content: bytes, **fields):
    data = {"file": SimpleUploadedFile("questions.gift", content, "text/plain"), **fields}
    return client.post("/admin/gift-import/", data)


def test_admin_upload_valid_file(client, trainer):
    client.force_login(trainer)
    assert client.get("/admin/gift-import/").status_code == 200
    response = upload(client, VALID.encode(), new_bank="คลังจากไฟล์")
    assert response.status_code == 200
    assert Question.objects.filter(bank__name="คลังจากไฟล์").count() == 9


def test_admin_upload_broken_file_then_import_the_valid_part(client, trainer):
    client.force_login(trainer)
    response = upload(client, BROKEN.encode(), new_bank="คลังบางส่วน")
    assert response.status_code == 400
    html = response.content.decode()
    assert "exactly one right answer" in html and "Essay" in html
    assert not Question.objects.exists()
    token = response.context["token"]
    response = client.post("/admin/gift-import/", {"token": token})
    assert response.status_code == 200
    assert Question.objects.filter(bank__name="คลังบางส่วน").count() == 2
    # The same confirmation cannot import twice.
    client.post("/admin/gift-import/", {"token": token})
    assert Question.objects.count() == 2


def test_admin_upload_hostile_file_shows_the_reason(client, trainer):
    client.force_login(trainer)
    response = upload(client, b"\x00\x01\x02binary", new_bank="x")
    assert response.status_code == 400
    assert "not a text file" in response.content.decode()
    response = upload(client, b"a" * (MAX_FILE_BYTES + 10), new_bank="x")
    assert response.status_code == 400 and "too large" in response.content.decode()
    assert not QuestionBank.objects.exists()


def test_admin_import_is_for_trainers_only(client, home):
    client.force_login(UserFactory(username="learner"))
    response = client.get("/admin/gift-import/")
    assert response.status_code in (302, 403)
