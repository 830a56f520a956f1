"""Moodle XML import: every element of Moodle's export, pictures, unsupported types, hostile files.

The fixtures are shaped like Moodle 4's exports (data/moodle_xml/). No database.
"""

import base64
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from django.utils import translation

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.interchange.data import (
    AnswerData,
    ChoiceData,
    ImageData,
    ImportFileError,
    NumberData,
    QuestionData,
)
from assessments.interchange.moodle_xml_common import category_split, default_title
from assessments.interchange.moodle_xml_file import MAX_FILE_BYTES, moodle_xml_check_size
from assessments.interchange.moodle_xml_read import moodle_xml_read
from assessments.interchange.moodle_xml_write import moodle_xml_write
from assessments.models import QuestionKind

DATA = Path(__file__).parent.parent / "data" / "moodle_xml"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM8ISfHwMDAxMDAwMDAAAANBAEIfXHKZgAAAABJRU5ErkJggg=="
)
GIF = base64.b64decode("R0lGODdhAgACAIEAAB4eyAAAAAAAAAAAACwAAAAAAgACAAAIBgABCAQQEAA7")
SAFETY = "ความปลอดภัยออนไลน์"
SCAMS = [SAFETY, "มิจฉาชีพ/แก๊งคอลเซ็นเตอร์"]
BASICS = ["ทักษะพื้นฐาน"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def read(name: str):
    return moodle_xml_read((DATA / name).read_bytes())


def refusal(data: bytes) -> str:
    with pytest.raises(ImportFileError) as error:
        moodle_xml_read(data)
    return str(error.value)


EXPECTED = [
    QuestionData(
        number=1,
        line=15,
        source="รหัสผ่านที่ปลอดภัย",
        category=[SAFETY],
        title="รหัสผ่านที่ปลอดภัย",
        kind=QuestionKind.SINGLE,
        prompt="<p>ข้อใดเป็น<b>รหัสผ่าน</b>ที่ปลอดภัยที่สุด?</p>",
        general_feedback="<p>รหัสผ่านที่ดีควรยาว และผสม<i>ตัวอักษร ตัวเลข และสัญลักษณ์</i></p>",
        points=2,
        choices=[
            ChoiceData("K9#mPq2&vL", Decimal(100), "ยาว มีทั้งตัวเลขและสัญลักษณ์"),
            ChoiceData("123456", Decimal(0), "เดาง่ายเกินไป"),
            ChoiceData("วันเกิดของตัวเอง", Decimal(0), ""),
        ],
        feedback_correct="ถูกต้อง",
        feedback_incorrect="ยังไม่ถูก ลองอ่านบทเรียนอีกครั้ง",
        image=ImageData("รหัส.png", PNG, "แม่กุญแจสีแดง"),
        tags=["ความปลอดภัย", "รหัสผ่าน & บัญชี", "ดิจิทัลชุมชน"],
    ),
    QuestionData(
        number=2,
        line=73,
        source="Safe habits online",
        category=[SAFETY],
        title="Safe habits online",
        kind=QuestionKind.MULTIPLE,
        prompt="<p>Which of these keep your accounts safe?<br/>Choose all that apply.</p>",
        points=3,
        choices=[
            ChoiceData(
                "Turn on two-step verification",
                Decimal("33.33333"),
                "Yes: a stolen password is not enough then.",
            ),
            ChoiceData("Update the phone's software", Decimal("33.33333")),
            ChoiceData("Use a different password for each site", Decimal("33.33333")),
            ChoiceData(
                "Tell the OTP to the caller from the bank",
                Decimal(-100),
                "Never: banks do not ask for it.",
            ),
        ],
        feedback_correct="Well done.",
        feedback_incorrect="Read the lesson on passwords again.",
        warnings=[
            "The question is hidden in Moodle's question bank; here it is imported like the others.",
            "Moodle's ID number “SAFE-02” is not kept.",
            "Moodle's hints, shown between tries, are left out: here a learner answers each "
            "question once.",
            "Moodle's feedback for a partly right answer (“Some of your choices are right.”) is "
            "left out; here a partly right answer gets the feedback for a wrong answer.",
            "Moodle shows these choices in their written order; here the quiz's “shuffle "
            "choices” setting decides. Check choices such as “all of the above”.",
            "Moodle gives this question 2.5 marks; here it gives 3 points (whole points from 1 "
            "to 100).",
        ],
    ),
    QuestionData(
        number=3,
        line=145,
        source="OTP",
        category=SCAMS,
        title="OTP",
        kind=QuestionKind.TRUE_FALSE,
        prompt="<p>ธนาคารอาจโทรมาขอรหัส OTP ได้</p>",
        correct_answer_true=False,
        feedback_correct="ถูกต้อง ไม่ต้องบอกใคร",
        feedback_incorrect="ไม่ใช่ ใครขอ OTP คือมิจฉาชีพ",
    ),
    QuestionData(
        number=4,
        line=174,
        source="Lock screen",
        category=SCAMS,
        title="Lock screen",
        kind=QuestionKind.TRUE_FALSE,
        prompt="<p>A screen lock protects a lost phone. &lt;b&gt;Bold&lt;/b&gt; stays as written.</p>",
        correct_answer_true=True,
        feedback_correct="Right.",
        feedback_incorrect="It does: without the code nobody can open it.",
    ),
    QuestionData(
        number=5,
        line=210,
        source="สายด่วน",
        category=BASICS,
        title="สายด่วน",
        kind=QuestionKind.SHORT_TEXT,
        prompt="<p>สายด่วนแจ้งความออนไลน์ (ตำรวจไซเบอร์) คือหมายเลขใด</p>",
        general_feedback="<p>โทร 1441 ได้ตลอด 24 ชั่วโมง</p>",
        answers=[
            AnswerData("1441", Decimal(100), "ถูกต้อง"),
            AnswerData("191", Decimal(50), "เบอร์ตำรวจทั่วไป ใกล้เคียงแต่ไม่ใช่"),
            AnswerData("*", Decimal(0), "ลองดูโปสเตอร์ในบทเรียน"),
        ],
        warnings=[
            "Moodle checks upper and lower case in these answers (“ABC” is not “abc”); here "
            "case is ignored."
        ],
    ),
    QuestionData(
        number=6,
        line=246,
        source="Change",
        category=BASICS,
        title="Change",
        kind=QuestionKind.NUMERIC,
        prompt="<p>A shirt costs <b>250</b> baht. You pay with a 500-baht note. How much change "
        "do you get?</p>",
        general_feedback="<p>500 - 250 = <i>250</i></p>",
        numbers=[
            NumberData(Decimal(250), Decimal(0), Decimal(100), "Right."),
            NumberData(Decimal(250), Decimal("10.5"), Decimal(50), ""),
            NumberData(None, Decimal(0), Decimal(0), "Subtract the price from 500."),
        ],
        warnings=[
            "Moodle's units (บาท, สตางค์) are left out: here the answer is the number alone, and "
            "no mark is taken away for a unit.",
            "Moodle's instructions about units are left out.",
            "Moodle gives this question 0 marks; here it gives 1 point (whole points from 1 to "
            "100).",
        ],
    ),
    QuestionData(
        number=7,
        line=301,
        source="จับคู่แอป",
        category=BASICS,
        title="จับคู่แอป",
        kind=QuestionKind.MATCHING,
        prompt="<p>จับคู่แอปกับงานที่ใช้</p>",
        points=3,
        pairs=[("LINE", "ส่งข้อความ"), ("เป๋าตัง", "จ่ายเงิน"), ("", "ดูหนัง")],
        feedback_correct="เก่งมาก",
        feedback_incorrect="ลองใหม่",
        warnings=[
            "Moodle lists the answers to choose from in their written order; here they are "
            "shuffled."
        ],
    ),
    QuestionData(
        number=8,
        line=347,
        source="เล่าประสบการณ์",
        category=BASICS,
        title="เล่าประสบการณ์",
        kind=QuestionKind.ESSAY,
        prompt="<p>เล่าว่าคุณเคยได้รับข้อความหลอกลวงแบบใด และคุณทำอย่างไร</p>",
        points=10,
        grader_info="ให้คะแนนเต็มเมื่อ:\nบอกชนิดของข้อความ\nบอกวิธีรับมือ",
        warnings=[
            "In Moodle learners can attach files to this answer; here they write text only.",
            "Moodle's word limit (at least 50 words) is not checked here.",
            "The text Moodle puts in the answer box to start from is left out: “ข้อความที่ได้รับ:”.",
        ],
    ),
    QuestionData(
        number=9,
        line=379,
        source="ก่อนเริ่มส่วนที่ 2",
        category=BASICS,
        title="ก่อนเริ่มส่วนที่ 2",
        kind=QuestionKind.DESCRIPTION,
        prompt="<p>ส่วนที่ 2 เป็นคำถามเกี่ยวกับ<b>การซื้อของออนไลน์</b></p>",
    ),
]


def test_every_supported_type_and_element_is_read_as_expected():
    report = read("questions.xml")
    assert report.format == "moodle_xml"
    assert report.invalid == []
    for got, expected in zip(report.questions, EXPECTED, strict=True):
        assert got == expected, expected.title


def test_display_settings_that_differ_from_ours_are_said_once_for_the_file():
    assert read("questions.xml").notes == [
        "Descriptions of Moodle's categories are not imported.",
        "Moodle numbers the choices of some questions (a, b, c …); here choices are shown "
        "without numbers or letters.",
        "Moodle hides the instruction “Select one or more” on some questions; here every choice "
        "question says whether to choose one answer or several.",
    ]


@pytest.mark.parametrize(
    ("path", "names"),
    [
        ("$course$/top/A/B", ["A", "B"]),
        ("$system$/top/ระบบ", ["ระบบ"]),
        ("$module$/top/Quiz 1", ["Quiz 1"]),
        ("$coursecategory$/top/Faculty", ["Faculty"]),
        ("$course$/top", []),
        ("$course$/Default for ICT", ["Default for ICT"]),
        ("top/A", ["A"]),
        ("tom/dick/harry", ["tom", "dick", "harry"]),
        ("$course$/top/top/A", ["top", "A"]),
        ("$course$/top/ก//ข/ค", ["ก/ข", "ค"]),
        ("$course$/top/a///b", ["a/", "b"]),
        ("$course$/top/  many   spaces  /", ["many spaces"]),
    ],
)
def test_category_paths_lose_their_context_and_top(path, names):
    assert category_split(path) == names


def test_a_name_that_is_the_start_of_the_text_is_no_title():
    data = (
        b'<quiz><question type="description"><name><text>Read this first</text></name>'
        b'<questiontext format="html"><text>&lt;p&gt;Read this first&lt;/p&gt;</text>'
        b"</questiontext></question></quiz>"
    )
    question = moodle_xml_read(data).questions[0]
    assert question.prompt == "<p>Read this first</p>"
    assert default_title(question.prompt) == "Read this first"
    assert question.title == "" and question.source == "Read this first"


def test_pictures_first_one_kept_the_others_reported():
    questions = read("pictures.xml").questions
    assert [q.line for q in questions] == [4, 36, 68, 86, 103, 115, 133]
    two, broken, web, pasted, legacy, plain, markdown = questions

    assert two.image == ImageData("red.png", PNG, "A red square")
    assert two.prompt == "<p>The first picture is a red square.</p><p>Notes</p>"
    assert two.warnings == [
        "Moodle shows 1 more picture in the question text; only the first is kept, as the "
        "question's picture.",
        "Files attached to the question text are left out: notes.txt.",
    ]

    assert broken.image == ImageData("ภาพ สี.gif", GIF, "สี่เหลี่ยมสีน้ำเงิน")
    assert broken.warnings == [
        "The picture “broken.png” is left out: it is not a picture.",
        "Pictures and files in answers and feedback are left out; only the question text can "
        "have a picture.",
    ]

    assert web.image is None and web.is_valid
    assert web.warnings == [
        "A picture in the question text comes from another website "
        "(https://example.com/logo.png); it is left out. Download it and add it to the question.",
        "The picture “missing.png” is not in the file; it is left out.",
        "The picture “old.bmp” is left out: pictures of this kind (BMP) cannot be shown; use "
        "PNG, JPEG, GIF or WebP.",
    ]

    assert pasted.image == ImageData("picture", PNG, "Pasted & kept")
    assert pasted.prompt == "" and pasted.is_valid and pasted.warnings == []
    assert legacy.image == ImageData("square.gif", GIF, "")
    assert plain.image is None
    assert plain.prompt == '<p>&lt;img src="@@PLUGINFILE@@/red.png"&gt; is shown as written.</p>'
    assert plain.warnings == ["Files attached to the question text are left out: red.png."]
    assert markdown.image == ImageData("map.png", PNG, "แผนที่") and markdown.prompt == ""


def test_a_damaged_picture_never_stops_the_import():
    data = (
        b'<quiz><question type="description"><name><text>x</text></name>'
        b'<questiontext format="html"><text>&lt;p&gt;Hi&lt;img src="@@PLUGINFILE@@/a.png"&gt;'
        b'</text><file name="a.png" encoding="base64">iVBORw0KGgo=</file>'
        b'<file name="b.png" encoding="base64">%%% not base64</file></questiontext>'
        b"</question></quiz>"
    )
    question = moodle_xml_read(data).questions[0]
    assert question.image is None and question.is_valid
    assert question.warnings == [
        "The picture “a.png” is left out: it is not a picture.",
        "Files attached to the question text are left out: b.png.",
    ]


UNSUPPORTED = [
    "calculated",
    "calculatedsimple",
    "calculatedmulti",
    "cloze",
    "ddwtos",
    "ddimageortext",
    "ddmarker",
    "gapselect",
    "ordering",
    "randomsamatch",
    "random",
]


def test_unsupported_types_are_named_and_the_rest_still_imports():
    questions = read("unsupported.xml").questions
    assert [q.number for q in questions] == list(range(1, 18))
    for question, qtype in zip(questions, UNSUPPORTED, strict=False):
        assert question.error == f"Moodle's “{qtype}” questions are not supported here; left out."
    assert questions[0].title == "พื้นที่สี่เหลี่ยม" and questions[0].line == 4
    assert questions[11].error == "The question has no type; it is left out."
    errors = [q.error for q in questions[12:]]
    assert errors == [
        "One choice must be worth 100 % so that full marks can be earned.",
        "“about ten” is not a number.",
        "Add at least two items to match.",
        "The question has no text.",
        "",
    ]
    assert questions[16].answers == [AnswerData("ภาคเหนือ", Decimal(100), "")]


def test_messages_are_in_the_users_language():
    with translation.override("th"):
        question = read("unsupported.xml").questions[0]
        with pytest.raises(ImportFileError) as error:
            read("malformed.xml")
    assert question.error == "ไม่รองรับข้อสอบชนิด “calculated” ของ Moodle จึงข้ามไป"
    assert "บรรทัด 8" in str(error.value)


def test_files_of_older_moodle_versions():
    questions = read("legacy.xml").questions
    assert all(q.is_valid for q in questions)
    assert all(q.category == ["tom", "dick", "harry"] for q in questions)
    xhtml, localised, old_fraction, old_match = questions
    assert xhtml.prompt == "<p>Which is a <b>browser</b>?</p>"
    assert xhtml.choices == [
        ChoiceData("Firefox", Decimal(100), "Yes"),
        ChoiceData("Excel & Word", Decimal(0), ""),
    ]
    assert localised.correct_answer_true is True
    assert (localised.feedback_correct, localised.feedback_incorrect) == ("ถูก", "ผิด")
    assert localised.warnings == [
        "The answers are not named “true” and “false”; the first is taken as true."
    ]
    assert old_fraction.numbers == [
        NumberData(Decimal("1.5"), Decimal(0), Decimal(100), ""),
        NumberData(Decimal("1.5679"), Decimal("0.1"), Decimal(50), ""),
    ]
    assert old_fraction.warnings == [
        "The accepted difference 0.000049 is rounded to 0 (four decimals).",
        "The number 1.56789 is rounded to 1.5679 (four decimals).",
    ]
    assert old_match.kind == QuestionKind.MATCHING
    assert old_match.pairs == [("ไทย", "กรุงเทพฯ"), ("Laos", "Vientiane")]


def question_file(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n{body}\n</quiz>\n'.encode()


@pytest.mark.parametrize(
    ("grade", "points", "warned"),
    [
        ("1.0000000", 1, False),
        ("100", 100, False),
        ("0.4", 1, True),
        ("7.5", 8, True),
        ("250", 100, True),
        ("many", 1, True),
        ("", 1, False),
    ],
)
def test_marks_become_whole_points_from_1_to_100(grade, points, warned):
    data = question_file(
        '<question type="truefalse"><name><text>t</text></name>'
        "<questiontext><text>Sky is blue</text></questiontext>"
        f"<defaultgrade>{grade}</defaultgrade>"
        '<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer></question>'
    )
    question = moodle_xml_read(data).questions[0]
    assert question.points == points
    assert bool(question.warnings) is warned


def test_weights_out_of_range_are_kept_within_it():
    data = question_file(
        '<question type="multichoice"><name><text>w</text></name>'
        "<questiontext><text>Pick</text></questiontext><single>true</single>"
        '<answer fraction="150"><text>a</text></answer>'
        '<answer fraction="-33.333333"><text>b</text></answer>'
        '<answer fraction="lots"><text>c</text></answer>'
        '<answer fraction="0"><text>  </text></answer></question>'
    )
    question = moodle_xml_read(data).questions[0]
    assert [c.weight for c in question.choices] == [
        Decimal(100),
        Decimal("-33.33333"),
        Decimal(0),
    ]
    assert question.warnings == [
        "A mark of 150 % is outside -100 to 100 %; it counts as 100 %.",
        "A mark “lots” is not a number; it counts as 0 %.",
    ]


def test_a_multiple_choice_question_with_no_positive_mark_says_so():
    data = question_file(
        '<question type="multichoice"><name><text>none</text></name>'
        "<questiontext><text>Pick</text></questiontext><single>false</single>"
        '<answer fraction="0"><text>a</text></answer>'
        '<answer fraction="-50"><text>b</text></answer></question>'
    )
    assert moodle_xml_read(data).questions[0].error == (
        "The positive marks of the choices add up to 0 %; they must add up to 100 %."
    )


def test_texts_longer_than_the_platform_stores_make_the_question_not_importable():
    long = "ก" * 201
    data = question_file(
        '<question type="shortanswer"><name><text>long</text></name>'
        "<questiontext><text>Say it</text></questiontext>"
        f'<answer fraction="100"><text>{long}</text></answer></question>'
    )
    question = moodle_xml_read(data).questions[0]
    assert question.error == (f"An accepted answer is longer than 200 characters: “{'ก' * 40}…”.")


def test_utf16_and_a_byte_order_mark_read_like_utf8():
    plain = read("utf8_bom.xml").questions
    assert [(q.line, q.title, q.prompt, q.answers) for q in plain] == [
        (
            4,
            "ภาษาไทย",
            "<p>เมืองหลวงของประเทศไทยคือ?</p>",
            [AnswerData("กรุงเทพมหานคร", Decimal(100), "ถูกต้อง")],
        )
    ]
    assert read("utf16.xml").questions == plain
    text = (DATA / "utf8_bom.xml").read_bytes()[3:].decode()
    assert moodle_xml_read(text.encode("utf-16-be")).questions == plain


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "dtd_entities.xml",
            "The file declares a document type or entities, which Moodle never writes. For "
            "safety it is not read.",
        ),
        (
            "external_entity.xml",
            "The file declares a document type or entities, which Moodle never writes. For "
            "safety it is not read.",
        ),
        (
            "malformed.xml",
            "The file is not valid XML: the problem is on line 8, near column 56. Export it from "
            "Moodle again, or correct that line in a text editor.",
        ),
        (
            "not_quiz.xml",
            "This XML file is not a Moodle question export: it starts with <activity> instead of "
            "<quiz>. Export the questions from Moodle's question bank in “Moodle XML” format.",
        ),
        (
            "windows874.xml",
            "The file is saved in the windows-874 encoding. Moodle XML files are UTF-8: export "
            "the file from Moodle again, or save it with the UTF-8 encoding.",
        ),
    ],
)
def test_hostile_and_broken_files_are_refused_with_a_reason(name, message):
    assert refusal((DATA / name).read_bytes()) == message


def test_files_that_are_not_moodle_xml_are_refused():
    not_xml = "This is not an XML file. Export the questions from Moodle in “Moodle XML” format."
    assert refusal((DATA.parent / "gift" / "choices.gift").read_bytes()) == not_xml
    assert refusal(b"PK\x03\x04\x14\x00\x00\x00\x08\x00") == not_xml
    assert refusal(b"") == "The file is empty."
    assert refusal(b"<quiz>\n  <!-- nothing -->\n</quiz>") == "The file contains no questions."
    assert refusal(b"<quiz>\n\xe0\xb8\x81\xff</quiz>").startswith(
        "The file is not saved as UTF-8 (problem on line 2)."
    )
    assert refusal(b"<quiz><question type='x'>&nbsp;</question></quiz>").startswith(
        "The file is not valid XML: the problem is on line 1"
    )


def test_the_size_limit_is_checked_before_reading():
    moodle_xml_check_size(MAX_FILE_BYTES)
    with pytest.raises(ImportFileError) as error:
        moodle_xml_check_size(MAX_FILE_BYTES + 1)
    assert str(error.value) == (
        "The file is too large (20.0 MB). The limit for Moodle XML is 20 MB; export the "
        "questions in smaller parts."
    )
    assert refusal(b" " * (MAX_FILE_BYTES + 1)).startswith("The file is too large")


def test_blank_lines_before_the_declaration_do_not_stop_the_file():
    data = b'\n\n<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="description">' + (
        b"<questiontext><text>Hello</text></questiontext></question></quiz>"
    )
    question = moodle_xml_read(data).questions[0]
    assert (question.line, question.prompt) == (5, "<p>Hello</p>")


# --- Any file ----------------------------------------------------------------------------------

TAGS = [
    *("name", "text", "questiontext", "generalfeedback", "defaultgrade", "answer", "feedback"),
    *("subquestion", "single", "shuffleanswers", "answernumbering", "usecase", "tolerance"),
    *("units", "unit", "unit_name", "hint", "tags", "tag", "graderinfo", "responsetemplate"),
    *("responseformat", "attachments", "minwordlimit", "image", "image_base64", "file"),
    *("category", "info", "correctfeedback", "partiallycorrectfeedback", "fraction", "scoring"),
    *("hidden", "idnumber", "instructions", "showstandardinstruction"),
]
VALUES = [
    *("", " ", "0", "1", "-0", "100", "-100", "33.33333", "1e999999", "nan", "Infinity", "*"),
    *("true", "false", "none", "abc", "noinline", "ก่อน", "ข้อ ๑", "$course$/top/ก//ข", "top"),
    *("<p>ก<b>ข</b></p>", "<b><ul><li>x</li></ul></b>", "a\u00a0ใ\u00a0ใ", "\u200b", "]]>"),
    *('<img src="@@PLUGINFILE@@/a.png" alt="ภาพ">', '<img src="data:image/png;base64,!!">'),
    *("@@PLUGINFILE@@/a.png", base64.b64encode(PNG).decode(), "x" * 300, "ก" * 600),
]
ATTRIBUTES = st.dictionaries(
    st.sampled_from(["fraction", "format", "name", "path", "encoding"]),
    st.sampled_from(
        [
            "100",
            "-50",
            "html",
            "plain_text",
            "markdown",
            "moodle_auto_format",
            "wiki_like",
            "bogus",
            "a.png",
            "/",
            "/sub/",
            "base64",
            "",
        ]
    ),
    max_size=2,
)
elements = st.recursive(
    st.tuples(st.sampled_from(TAGS), ATTRIBUTES, st.sampled_from(VALUES), st.just([])),
    lambda children: st.tuples(
        st.sampled_from(TAGS), ATTRIBUTES, st.sampled_from(VALUES), st.lists(children, max_size=4)
    ),
    max_leaves=12,
)
TYPES = [
    *("multichoice", "truefalse", "shortanswer", "numerical", "matching", "match", "essay"),
    *("description", "category", "calculated", "cloze", ""),
]
FORMATS = st.dictionaries(
    st.just("format"), st.sampled_from(["html", "plain_text", "markdown", "moodle_auto_format"])
)
values = st.sampled_from(VALUES)
text_element = st.tuples(st.just("text"), st.just({}), values, st.just([]))
answer_parts = st.lists(
    text_element
    | st.tuples(st.just("feedback"), FORMATS, st.just(""), st.lists(text_element, max_size=1))
    | st.tuples(st.just("tolerance"), st.just({}), values, st.just([]))
    | st.tuples(st.just("answer"), st.just({}), st.just(""), st.lists(text_element, max_size=1)),
    max_size=3,
)
answers = st.tuples(
    st.sampled_from(["answer", "subquestion"]),
    st.dictionaries(st.just("fraction"), st.sampled_from(["100", "50", "0", "-100", "x"])),
    st.sampled_from(["", "old style"]),
    answer_parts,
)
# Each question has the skeleton Moodle writes, then anything.
questions = st.tuples(
    st.sampled_from(TYPES),
    values,
    FORMATS,
    values,
    st.lists(answers, max_size=5),
    st.lists(elements, max_size=5),
)


def element_xml(element) -> str:
    tag, attributes, text, children = element
    attrs = "".join(f" {name}={quoteattr(value)}" for name, value in attributes.items())
    return f"<{tag}{attrs}>{escape(text)}{''.join(element_xml(c) for c in children)}</{tag}>"


def question_xml(question) -> str:
    qtype, name, text_format, text, answer_elements, others = question
    children = [
        ("name", {}, "", [("text", {}, name, [])]),
        ("questiontext", text_format, "", [("text", {}, text, [])]),
        *answer_elements,
        *others,
    ]
    return f'<question type="{qtype}">{"".join(element_xml(c) for c in children)}</question>\n'


@settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(questions, max_size=4))
def test_any_file_is_read_or_refused_and_what_is_read_comes_back_the_same(written):
    body = "".join(question_xml(question) for question in written)
    try:
        report = moodle_xml_read(question_file(body))
    except ImportFileError:
        return
    assert [q.number for q in report.questions] == list(range(1, len(report.questions) + 1))
    valid = report.valid
    again = moodle_xml_read(moodle_xml_write(valid)).questions if valid else []
    assert [q.comparable() for q in again] == [q.comparable() for q in valid]
