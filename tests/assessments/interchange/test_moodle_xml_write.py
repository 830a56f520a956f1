"""Moodle XML export: laid out as Moodle writes it, and read back to the same questions."""

import base64
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from django.utils import translation

import pytest
from defusedxml import ElementTree
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PIL import Image

from assessments.interchange.data import (
    AnswerData,
    ChoiceData,
    ImageData,
    NumberData,
    QuestionData,
)
from assessments.interchange.moodle_xml_common import default_title
from assessments.interchange.moodle_xml_read import moodle_xml_read
from assessments.interchange.moodle_xml_write import moodle_xml_write
from assessments.interchange.text_formats import HTML, PLAIN, clean_html, to_html, to_text
from assessments.models import MultipleScoring, QuestionKind

DATA = Path(__file__).parent.parent / "data" / "moodle_xml"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def picture(kind: str, color=(200, 30, 30)) -> bytes:
    out = BytesIO()
    Image.new("RGB", (3, 2), color).save(out, kind)
    return out.getvalue()


PNG, GIF, JPEG = picture("PNG"), picture("GIF", (0, 0, 255)), picture("JPEG", (0, 128, 0))


def round_trip(questions: list[QuestionData]) -> list[QuestionData]:
    return moodle_xml_read(moodle_xml_write(questions)).questions


def same(before: list[QuestionData], after: list[QuestionData]) -> None:
    assert [q.comparable() for q in after] == [q.comparable() for q in before]


@pytest.mark.parametrize("name", ["questions.xml", "pictures.xml", "legacy.xml"])
def test_questions_read_from_moodle_come_back_the_same(name):
    questions = moodle_xml_read((DATA / name).read_bytes()).questions
    again = round_trip(questions)
    same(questions, again)
    assert all(q.warnings == [] and q.is_valid for q in again)


HAND_BUILT = [
    QuestionData(
        category=["ดิจิทัล", "ความปลอดภัย"],
        title="รหัสผ่าน",
        kind=QuestionKind.SINGLE,
        prompt="<p>ข้อใด<b>ปลอดภัย</b> &lt;script&gt; &amp; ]]&gt;</p>",
        general_feedback="<ul><li>ยาว</li><li>ผสม</li></ul>",
        points=4,
        choices=[
            ChoiceData("K9#m<P>&q", Decimal(100), "ดี ]]> มาก"),
            ChoiceData("123456", Decimal(0), ""),
            ChoiceData("ชื่อ & วันเกิด", Decimal("-33.33333"), "เดาง่าย"),
        ],
        scoring=MultipleScoring.ALL_OR_NOTHING,
        feedback_correct="ถูก\n\nบรรทัดที่สอง",
        feedback_incorrect="ผิด",
        image=ImageData("lock picture.png", PNG, 'แม่กุญแจ "แดง" & <ขาว>'),
        tags=["ความปลอดภัย", "A & B"],
    ),
    QuestionData(
        category=["ดิจิทัล", "ความปลอดภัย"],
        kind=QuestionKind.MULTIPLE,
        prompt="<p>Choose the safe habits.</p>",
        choices=[
            ChoiceData("Two-step verification", Decimal("33.33333"), "Yes"),
            ChoiceData("Updates", Decimal("33.33333")),
            ChoiceData("Different passwords", Decimal("33.33334")),
            ChoiceData("Share the OTP", Decimal(-100), "Never"),
        ],
        scoring=MultipleScoring.ALL_OR_NOTHING,
    ),
    QuestionData(
        category=["ดิจิทัล"],
        title="OTP",
        kind=QuestionKind.TRUE_FALSE,
        prompt="<p>ธนาคารขอ OTP ได้</p>",
        correct_answer_true=False,
        feedback_correct="ถูก",
        feedback_incorrect="ไม่ใช่",
    ),
    QuestionData(
        kind=QuestionKind.SHORT_TEXT,
        prompt="<p>สายด่วนตำรวจไซเบอร์?</p>",
        answers=[
            AnswerData("1441", Decimal(100), "ถูก"),
            AnswerData("11*", Decimal(50), ""),
            AnswerData("*", Decimal(0), "ลองอีกครั้ง"),
        ],
        feedback_correct="เก่ง",
        feedback_incorrect="ดูโปสเตอร์",
        grader_info="not for this kind, but kept",
    ),
    QuestionData(
        kind=QuestionKind.NUMERIC,
        prompt="<p>500 − 250?</p>",
        points=100,
        numbers=[
            NumberData(Decimal(250), Decimal(0), Decimal(100), "ถูก"),
            NumberData(Decimal("-0.0001"), Decimal("12.5"), Decimal("12.5"), ""),
            NumberData(None, Decimal(0), Decimal(0), "ลบ 250 จาก 500"),
        ],
        feedback_incorrect="ทบทวนการลบ",
    ),
    QuestionData(
        kind=QuestionKind.MATCHING,
        prompt="<p>จับคู่</p>",
        pairs=[("LINE", "แชต"), ("เป๋าตัง", "จ่ายเงิน"), ("", "ดูหนัง <&>")],
        feedback_correct="ครบ",
    ),
    QuestionData(
        title="เรียงความ",
        kind=QuestionKind.ESSAY,
        prompt="<p>เล่าประสบการณ์</p>",
        points=10,
        grader_info="ให้คะแนนเต็มเมื่อ:\n- บอกชนิด\n- บอกวิธีรับมือ",
        image=ImageData("", JPEG, ""),
    ),
    QuestionData(
        kind=QuestionKind.DESCRIPTION,
        prompt="",
        image=ImageData("map", GIF, "แผนที่"),
        general_feedback="<p>จบส่วนที่ 1</p>",
    ),
    QuestionData(kind=QuestionKind.DESCRIPTION, prompt="<p>Five points kept</p>", points=5),
]


def test_hand_built_questions_of_every_kind_come_back_the_same():
    again = round_trip(HAND_BUILT)
    same(HAND_BUILT, again)
    assert all(q.warnings == [] and q.is_valid for q in again)


def test_the_file_is_laid_out_as_moodle_writes_it():
    data = moodle_xml_write(HAND_BUILT)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')
    root = ElementTree.fromstring(data)
    kinds = [q.get("type") for q in root.findall("question")]
    assert kinds == [
        "category",
        "multichoice",
        "multichoice",
        "category",
        "truefalse",
        "category",
        "shortanswer",
        "numerical",
        "matching",
        "essay",
        "description",
        "description",
    ]
    categories = [q.findtext("category/text") for q in root.findall("question[@type='category']")]
    assert categories == ["$course$/top/ดิจิทัล/ความปลอดภัย", "$course$/top/ดิจิทัล", "$course$/top"]

    single = root.findall("question")[1]
    for element in ("name", "questiontext", "generalfeedback", "defaultgrade", "penalty"):
        assert single.find(element) is not None
    assert single.find("questiontext").get("format") == "html"
    assert single.findtext("defaultgrade") == "4.0000000"
    assert single.findtext("single") == "true"
    assert [a.get("fraction") for a in single.findall("answer")] == ["100", "0", "-33.33333"]
    file = single.find("questiontext/file")
    assert (file.get("name"), file.get("path"), file.get("encoding")) == (
        "lock picture.png",
        "/",
        "base64",
    )
    assert base64.b64decode(file.text) == PNG
    assert single.findtext("questiontext/text").endswith(
        '<p><img src="@@PLUGINFILE@@/lock%20picture.png" '
        'alt="แม่กุญแจ &quot;แดง&quot; &amp; &lt;ขาว&gt;"></p>'
    )
    assert [t.text for t in single.findall("tags/tag/text")] == ["ความปลอดภัย", "A & B"]
    assert "<![CDATA[ดี ]]]]><![CDATA[> มาก]]>".encode() in data

    numeric = root.findall("question")[7]
    assert [a.findtext("text") for a in numeric.findall("answer")] == ["250", "-0.0001", "*"]
    assert [a.findtext("tolerance") for a in numeric.findall("answer")] == ["0", "12.5", "0"]
    essay = root.findall("question")[9]
    assert essay.findtext("responseformat") == "plain"
    assert essay.find("questiontext/file").get("name") == "picture.jpg"
    description = root.findall("question")[10]
    assert description.findtext("name/text") == "—"
    assert description.findtext("defaultgrade") == "0.0000000"


def test_questions_that_cannot_be_imported_are_left_out():
    broken = QuestionData(title="calc", error="Moodle's “calculated” questions are not supported")
    data = moodle_xml_write([broken, HAND_BUILT[2]])
    assert [q.title for q in moodle_xml_read(data).questions] == ["OTP"]


# --- Any question, any text ---------------------------------------------------------------------

FRAGMENTS = [
    *("<", ">", "&", "]]>", "<![CDATA[", "&amp;", "&#x41;", '"', "'", "*", "/", "//", "$course$"),
    *("ก", "ข้", "ำ", "เ", "\u0e4d\u0e32", "\n", "\r\n", "\t", "  ", "\xa0", "\u200b", "\x00"),
    *("\x0c", "😀", "@@PLUGINFILE@@/a.png", '<img src="@@PLUGINFILE@@/a.png">', "top"),
]
raw_text = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(alphabet="abc ABกขคไม่ใช่", min_size=1, max_size=6),
    max_size=8,
).map("".join)
MARKUP = ["<b>", "</b>", "<i>", "</i>", "<p>", "</p>", "<br>", "<ul><li>", "</li></ul>", "<sup>"]
html_text = st.lists(raw_text | st.sampled_from(MARKUP), max_size=6).map(
    lambda parts: to_html("".join(parts), HTML)
)


def one_line(limit: int, *, empty=False):
    texts = raw_text.map(lambda t: to_text(to_text(t, PLAIN)[:limit], PLAIN))
    return texts if empty else texts.filter(bool)


many_lines = raw_text.map(lambda t: to_text(t, PLAIN, multiline=True))
weights = st.sampled_from(["100", "50", "33.33333", "12.5", "0", "-50", "-100", "0.00001"]).map(
    Decimal
)
positive = weights.filter(lambda w: w >= 0)
places = st.decimals(min_value=-(10**10), max_value=10**10, places=4, allow_nan=False)
images = st.builds(
    ImageData,
    name=st.sampled_from(["", "รูป ภาพ.png", "a/b\\c.gif", "x"]),
    content=st.sampled_from([PNG, GIF, JPEG]),
    alt=one_line(255, empty=True),
)


# A "/" starting a name is ambiguous in Moodle's paths ("a///b"), as in Moodle itself.
categories = st.lists(one_line(60).filter(lambda name: not name.startswith("/")), max_size=3)


@st.composite
def questions(draw):
    kind = draw(st.sampled_from(QuestionKind.values))
    question = QuestionData(
        category=draw(st.sampled_from([[], ["ก"], ["ก", "top"]]) | categories),
        title=draw(one_line(255, empty=True)),
        kind=kind,
        prompt=draw(html_text),
        general_feedback=draw(html_text),
        points=draw(st.integers(1, 100)),
        scoring=draw(st.sampled_from(MultipleScoring.values)),
        feedback_correct=draw(many_lines),
        feedback_incorrect=draw(many_lines),
        grader_info=draw(many_lines),
        image=draw(st.none() | images),
        tags=draw(st.lists(one_line(100), max_size=3, unique=True)),
    )
    feedback = one_line(500, empty=True)
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        question.choices = draw(st.lists(st.builds(ChoiceData, one_line(500), weights, feedback)))
    elif kind == QuestionKind.TRUE_FALSE:
        question.correct_answer_true = draw(st.none() | st.booleans())
    elif kind == QuestionKind.SHORT_TEXT:
        question.answers = draw(st.lists(st.builds(AnswerData, one_line(200), positive, feedback)))
    elif kind == QuestionKind.NUMERIC:
        numbers = st.builds(NumberData, st.none() | places, places.map(abs), positive, feedback)
        question.numbers = draw(st.lists(numbers))
    elif kind == QuestionKind.MATCHING:
        question.pairs = draw(st.lists(st.tuples(one_line(300, empty=True), one_line(300))))
    assume(question.title != default_title(question.prompt))
    return question


@settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(questions(), min_size=1, max_size=4))
def test_any_question_comes_back_the_same(written):
    same(written, round_trip(written))


@settings(max_examples=300, derandomize=True, deadline=None)
@given(raw_text, st.lists(raw_text | st.sampled_from(MARKUP), max_size=6).map("".join))
def test_stored_texts_settle_in_one_cleaning(text, markup):
    for multiline in (False, True):
        once = to_text(text, PLAIN, multiline=multiline)
        assert to_text(once, PLAIN, multiline=multiline) == once
    assert clean_html(clean_html(markup)) == clean_html(markup)


def test_texts_that_needed_a_second_cleaning():
    assert clean_html("<b><ul><li>a</li></ul></b>") == "<p><b></b></p><ul><li><b>a</b></li></ul>"
    assert to_text("ใ\u00a0ใ", PLAIN) == to_text(to_text("ใ\u00a0ใ", PLAIN), PLAIN)
