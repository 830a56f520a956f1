"""GIFT reading, the file as a whole: encodings, categories, broken questions, limits."""

from django.utils import translation

import pytest

from assessments.interchange.data import ImportFileError
from assessments.interchange.gift_read import MAX_FILE_BYTES, gift_decode, gift_read

from .gift_helpers import DATA, A, C, K, N, Q, assert_warnings, comparable, read

ENCODED = [
    Q(K.SINGLE, "<p>ข้อนี้บันทึกเป็นภาษาไทย</p>", title="ภาษาไทย", choices=[C("ถูก", 100), C("ผิด", 0)]),
    Q(
        K.TRUE_FALSE,
        "<p>Saved with Windows line ends</p>",
        title="English",
        correct_answer_true=True,
    ),
]


@pytest.mark.parametrize(
    "name",
    ["utf8_bom_crlf.gift", "utf16le_bom.gift", "utf16be_bom.gift", "utf16le.gift", "utf16be.gift"],
)
def test_unicode_files_with_or_without_byte_order_mark_and_windows_line_ends(name):
    report = read(name)
    assert comparable(report) == ENCODED
    assert [q.line for q in report.questions] == [1, 3]
    assert "\r" not in report.questions[1].source


def test_a_thai_file_in_the_old_encoding_is_refused_in_thai():
    data = (DATA / "tis620.gift").read_bytes()
    with translation.override("th"), pytest.raises(ImportFileError) as error:
        gift_decode(data)
    message = str(error.value)
    assert "TIS-620" in message and "UTF-8" in message
    assert "บันทึก" in message  # told how to save it again, in Thai
    with translation.override("en"), pytest.raises(ImportFileError) as error:
        gift_decode(data)
    assert "Save As" in str(error.value)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"x" * (MAX_FILE_BYTES + 1), "too large"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not a text file"),  # a .docx or .zip
        ("ข้อ {T}".encode("utf-16-le") + b"\x00", "not a text file"),  # odd length
        ("Café {=oui ~non}".encode("latin-1"), "not saved as UTF-8 (problem at byte 3)"),
        ("ข้อ \x1b[31m {T}".encode(), "control characters"),
    ],
)
def test_files_that_are_not_gift_text_get_a_clear_error(data, fragment, english):
    with pytest.raises(ImportFileError) as error:
        gift_decode(data)
    assert fragment in str(error.value)


def test_categories_put_the_questions_that_follow_into_banks(english):
    report = read("categories.gift")
    assert [q.category for q in report.questions] == [
        ["Default for ทักษะดิจิทัล"],  # Moodle's "$course$/top/" left out
        ["Default for ทักษะดิจิทัล", "ขายออนไลน์"],
        ["Default for ทักษะดิจิทัล", "ขายออนไลน์"],
        ["Safety", "Passwords and PINs"],
        ["Units/Lessons", "Week 1"],  # "//" is a slash inside a name
        [],  # "top": the bank chosen on import
    ]
    assert [q.title for q in report.questions] == [
        "ข้อหนึ่ง",
        "ข้อสอง",
        "ข้อสาม",
        "Three",
        "Four",
        "Five",
    ]
    assert [q.line for q in report.questions] == [4, 9, 11, 15, 18, 22]
    # Moodle would take the question under a $CATEGORY line for part of the bank's name.
    assert_warnings(report.questions[4], "no blank line after the $CATEGORY line")
    assert report.questions[4].source == "::Four:: No blank line after the category {T}"
    assert report.invalid == []


def test_category_lines_one_after_the_other(english):
    report = gift_read("$CATEGORY: ก\n$CATEGORY: ข/ค\n\nข้อ {T}\n\n$CATEGORY: ง\n$CATEGORY: จ")
    assert [q.category for q in report.questions] == [["ข", "ค"]]
    assert_warnings(report.questions[0])  # the last line names the bank; no question lost


def test_a_long_bank_name_is_shortened(english):
    report = gift_read(f"$CATEGORY: $system$/top/{'ก' * 250}/ย่อย\n\nข้อ {{T}}")
    assert report.questions[0].category == ["ก" * 200, "ย่อย"]
    assert_warnings(report.questions[0], "longer than 200 characters")


def test_a_broken_question_is_reported_with_its_line_and_the_others_are_read(english):
    report = read("broken.gift")
    assert [q.title for q in report.valid] == ["ดี", "ดีอีกข้อ"]
    errors = {q.title: (q.line, q.error) for q in report.invalid}
    expected = {
        "ขาดปีกกา": (3, "write it as \\{ or \\}"),
        "สองส่วน": (5, "only one answer part"),
        "ตัวเลขผิด": (7, "“สิบบาท” is not a number"),
        "จับคู่ผิด": (9, "“->” between the item and its match"),
        "น้ำหนักเกิน": (11, "weight 150 % is outside"),
        "ไม่ครบร้อย": (13, "add up to 70 %"),
        "ตัวเลือกเดียว": (15, "at least two answers"),
        "คำตอบว่าง": (17, "One of the answers is empty"),
        "ซ้ำ": (19, "Two choices say the same thing"),
        "ทศนิยม": (21, "3.14159 has more than 4 decimal places"),
        "ติดลบ": (23, "-50 % is not possible"),
        "ไม่มีข้อความ": (25, "no text"),
    }
    assert errors.keys() == expected.keys()
    for title, (line, fragment) in expected.items():
        assert errors[title][0] == line
        assert fragment in errors[title][1], errors[title][1]
    # A question with an error still says what kind it was meant to be.
    by_title = {q.title: q for q in report.questions}
    assert by_title["ตัวเลขผิด"].kind == K.NUMERIC
    assert by_title["ซ้ำ"].kind == K.SINGLE


def test_the_report_speaks_the_users_language():
    text = "ข้อ {=ก ~ข\n\n::ภาพ::[html]<p>ดูภาพ <img src='a.png'></p> {T}"
    with translation.override("en"):
        report = gift_read(text)
    assert report.questions[0].error.startswith("A “{” or “}” is missing")
    assert report.questions[1].warnings[0].startswith("Moodle shows the picture")
    with translation.override("th"):
        report = gift_read(text)
    assert report.questions[0].error.startswith("ขาด “{” หรือ “}”")
    assert "รูปภาพ" in report.questions[1].warnings[0]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("ข้อ {=%50%ก}", "One accepted answer must be worth 100 %"),
        ("ข้อ {~ก ~ข}", "add up to 0 %"),  # "=" forgotten: no choice earns marks
        ("ข้อ {#=%50%5}", "One number must be worth 100 %"),
        ("ข้อ {#*}", "Enter the right number"),
        ("ข้อ {=ก -> ข = -> ค}", "Add at least two items to match"),
        ("ข้อ {=ก -> ข =ค -> }", "nothing after “->”"),
        ("ข้อ {=}", "Add at least one accepted answer"),
        ("ข้อ {#}", "has no number"),
        ("ข้อ {#5..1}", "the first number must be the smaller"),
        ("ข้อ {#5:abc}", "“abc” is not a number"),
        ("ข้อ {#1e20}", "not a number we can store"),
        ("ข้อ {#1..1.00001}", "more than 4 decimal places"),
        ("ข้อ } ผิดที่ {T", "write it as \\{ or \\}"),
        (f"ข้อ {{=ก ~{'ข' * 501}}}", "longer than 500 characters"),
        (f"ข้อ {{={'ก' * 201}}}", "longer than 200 characters"),
        (f"ข้อ {{=ก -> {'ข' * 301} =ค -> ง}}", "longer than 300 characters"),
        (f"ข้อ {{=ก#{'ข' * 501} ~ค}}", "feedback text is longer than 500"),
        (f"ข้อ {{=ก#{'ข' * 501}}}", "feedback text is longer than 500"),
    ],
)
def test_what_our_model_cannot_hold_is_an_error(text, fragment, english):
    question = gift_read(text).questions[0]
    assert fragment in question.error, question.error


def test_right_and_wrong_feedback_of_true_or_false_may_run_over_lines():
    question = gift_read("ข้อ {T#ผิด\\nลองใหม่#" + "ถูก" * 300 + "####สรุป}").questions[0]
    assert question.error == ""
    assert question.feedback_incorrect == "ผิด\nลองใหม่"
    assert question.feedback_correct == "ถูก" * 300
    assert question.general_feedback == "<p>สรุป</p>"


def test_blocks_comments_and_line_ends():
    text = (
        "// only a comment\n\n \t \n// [id:x]\n\n"  # comment-only blocks are not questions
        "ข้อหนึ่ง {T}\r\r  \rข้อสอง {F}\r"  # old Mac line ends; a line of spaces separates
    )
    report = gift_read(text)
    assert [(q.prompt, q.line) for q in report.questions] == [
        ("<p>ข้อหนึ่ง</p>", 6),
        ("<p>ข้อสอง</p>", 9),
    ]
    assert all(not q.warnings for q in report.questions)


def test_markers_are_moodles_four_names_in_small_letters():
    report = gift_read("[HTML]<b>ก</b> {T}\n\n[foo]ข {T}\n\n[plain] ค {T}")
    assert [q.prompt for q in report.questions] == [
        "<p>[HTML]<b>ก</b></p>",  # not a marker: the text in Moodle's format
        "<p>[foo]ข</p>",
        "<p>ค</p>",
    ]


def test_feedback_takes_its_own_format_not_its_answers():
    question = gift_read("ข้อ {=[plain]<ก>#<b>ดี</b> ~[markdown]*ข*#[plain]<i>ไม่</i>}").questions[0]
    assert question.choices == [C("<ก>", 100, "ดี"), C("ข", 0, "<i>ไม่</i>")]


def test_characters_the_reader_uses_inside_cannot_forge_an_escape():
    question = gift_read("ข้อ\ufdd1 {=ก\ufdd3ข ~ค}").questions[0]
    assert question.prompt == "<p>ข้อ</p>"
    assert question.choices == [C("กข", 100), C("ค", 0)]


def test_moodles_own_export_comments_are_not_reported():
    report = gift_read("// question: 12  name: ข้อ\n::ข้อ::ข้อความ{T}")
    assert report.questions[0].warnings == []


def test_numbers_written_every_way():
    question = gift_read("ข้อ {#=+1.5:0.25 =%25%.5 =%10%-๒..๒ =%0%*:1}").questions[0]
    assert question.numbers == [N("1.5", "0.25"), N("0.5", 0, 25), N(0, 2, 10), N(None, 1, 0)]
    assert question.error == ""


def test_no_questions_or_too_many():
    with pytest.raises(ImportFileError):
        gift_read("// only a comment\n\n$CATEGORY: x\n")
    assert len(gift_read("\n\n".join(f"ข้อ {n} {{T}}" for n in range(1000))).questions) == 1000
    with pytest.raises(ImportFileError):
        gift_read("\n\n".join(f"ข้อ {n} {{T}}" for n in range(1001)))


def test_short_answers_keep_their_wildcard_and_weights():
    question = gift_read("ข้อ {=ก* =%50%*ข#ใกล้แล้ว}").questions[0]
    assert question.answers == [A("ก*"), A("*ข", 50, "ใกล้แล้ว")]
