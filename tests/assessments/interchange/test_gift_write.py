"""GIFT writing: the file we export, and reading it back gives the same questions."""

from decimal import Decimal

import pytest

from assessments.interchange.data import ImageData, QuestionData
from assessments.interchange.gift_read import gift_read
from assessments.interchange.gift_write import gift_left_out, gift_write
from assessments.models import MultipleScoring

from .gift_helpers import TEXT_FIXTURES, A, C, K, N, comparable, read


def round_trip(questions: list[QuestionData]):
    report = gift_read(gift_write(questions))
    assert comparable(report) == [q.comparable() for q in questions]
    return report


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_every_fixture_reads_back_the_same_after_export(name):
    questions = read(name).valid
    report = round_trip(questions)
    # What we write needs none of Moodle's leniency: no warning, no error.
    assert [q.warnings for q in report.questions] == [[] for _q in questions]
    assert report.invalid == []


def test_a_bank_with_every_kind_written_exactly():
    questions = [
        QuestionData(
            category=["ทักษะดิจิทัล", "ขาย/ซื้อ"],
            title="ช่องทาง: ขาย",
            kind=K.SINGLE,
            prompt="<p>ช่องทางใด <b>ดีที่สุด</b> {เลือก 1}?</p>",
            choices=[C("ร้านค้า = ออนไลน์", 100, "ถูก #1"), C("ตลาด~นัด", -50), C("%5 ลด", 0)],
            general_feedback="<p>ดู a:b</p>",
        ),
        QuestionData(
            category=["ทักษะดิจิทัล", "ขาย/ซื้อ"],
            kind=K.MULTIPLE,
            prompt="<p>Choose two</p>",
            choices=[C("<a>", 50), C("b & c", 50), C("[html] d", -100)],
        ),
        QuestionData(
            kind=K.TRUE_FALSE,
            prompt="<p>OTP</p>",
            correct_answer_true=False,
            feedback_incorrect="ไม่ใช่\n\nอย่าบอกใคร",
            feedback_correct="ถูกต้อง",
        ),
        QuestionData(
            kind=K.SHORT_TEXT,
            prompt="<p>1441?</p>",
            answers=[A("1441"), A("[plain]x", 50, "เกือบ"), A("%1", 0)],
        ),
        QuestionData(
            kind=K.NUMERIC,
            prompt="<p>Grant</p>",
            numbers=[N(1822, 0, 100, "Correct"), N("-1.5", "0.25", 50), N(None, 0, 0, "No")],
        ),
        QuestionData(
            kind=K.MATCHING,
            prompt="<p>จับคู่</p>",
            pairs=[("ก->ข", "1 -> 2"), ("ค", "[html]3"), ("", "=4")],
        ),
        QuestionData(kind=K.ESSAY, prompt="<p>เขียน</p>", general_feedback="<p>ดี</p>"),
        QuestionData(kind=K.DESCRIPTION, prompt="<p>อ่าน\\n</p>"),
    ]
    expected = "\n\n".join(
        [
            "$CATEGORY: ทักษะดิจิทัล/ขาย//ซื้อ",
            "::ช่องทาง\\: ขาย::[html]<p>ช่องทางใด <b>ดีที่สุด</b> \\{เลือก 1\\}?</p>{\n"
            "\t=ร้านค้า \\= ออนไลน์#ถูก \\#1\n"
            "\t~%-50%ตลาด\\~นัด\n"
            "\t~&\\#37;5 ลด\n"
            "\t####<p>ดู a\\:b</p>\n"
            "}",
            "[html]<p>Choose two</p>{\n"
            "\t~%50%&lt;a&gt;\n"
            "\t~%50%b &amp; c\n"
            "\t~%-100%&\\#91;html] d\n"
            "}",
            "$CATEGORY: top",
            "[html]<p>OTP</p>{FALSE#[plain]ไม่ใช่\\n\\nอย่าบอกใคร#ถูกต้อง}",
            "[html]<p>1441?</p>{\n\t=1441\n\t=%50%[plain][plain]x#เกือบ\n\t=%0%%1\n}",
            "[html]<p>Grant</p>{#\n\t=1822:0#Correct\n\t=%50%-1.5:0.25\n\t=%0%*#No\n}",
            "[html]<p>จับคู่</p>{\n\t=ก-&gt;ข -> 1 -> 2\n\t=ค -> [html]3\n\t= -> \\=4\n}",
            "[html]<p>เขียน</p>{####<p>ดี</p>}",
            "[html]<p>อ่าน\\\\n</p>",
        ]
    )
    assert gift_write(questions) == expected + "\n"
    round_trip(questions)


def test_single_choice_with_several_full_marks_keeps_a_tilde():
    # "{=a =b}" would read as a short answer: one "=" is enough to mark a single choice.
    question = QuestionData(
        kind=K.SINGLE, prompt="<p>ยี่สิบ</p>", choices=[C("20", 100), C("ยี่สิบ", 100)]
    )
    assert gift_write([question]) == "[html]<p>ยี่สิบ</p>{\n\t=20\n\t~%100%ยี่สิบ\n}\n"
    round_trip([question])


def test_a_lone_short_answer_with_an_arrow_goes_without_equals():
    question = QuestionData(kind=K.SHORT_TEXT, prompt="<p>ลูกศร</p>", answers=[A("a->b")])
    assert gift_write([question]) == "[html]<p>ลูกศร</p>{\n\ta->b\n}\n"
    round_trip([question])
    # On its own line, an answer starting with "//" would be a comment.
    question.answers = [A("//->")]
    assert gift_write([question]) == "[html]<p>ลูกศร</p>{\n\t[plain]//->\n}\n"
    round_trip([question])


def test_bank_names_that_look_like_moodles_own_are_kept():
    names = ["$course$", "top", "/ขึ้นต้น", "ลงท้าย/", "a\\b", "x&amp;y", "<b>ก"]
    question = QuestionData(category=names, kind=K.TRUE_FALSE, prompt="<p>ข้อ</p>")
    question.correct_answer_true = True
    assert gift_write([question]).splitlines()[0] == (
        "$CATEGORY: &#36;course$/&#116;op/ //ขึ้นต้น/ลงท้าย// /a\\\\b/x&amp;amp;y/&lt;b&gt;ก"
    )
    round_trip([question])


def test_a_question_in_the_chosen_bank_after_others_in_a_sub_bank():
    questions = [
        QuestionData(kind=K.ESSAY, prompt="<p>หนึ่ง</p>"),
        QuestionData(kind=K.ESSAY, prompt="<p>สอง</p>", category=["ย่อย"]),
        QuestionData(kind=K.ESSAY, prompt="<p>สาม</p>"),
    ]
    assert gift_write(questions).count("$CATEGORY:") == 2
    assert [q.category for q in round_trip(questions).questions] == [[], ["ย่อย"], []]


def test_an_empty_list_writes_nothing():
    assert gift_write([]) == ""


def test_what_a_gift_file_leaves_out_is_named(english):
    question = QuestionData(
        kind=K.MULTIPLE,
        prompt="<p>ข้อ</p>",
        points=3,
        scoring=MultipleScoring.ALL_OR_NOTHING,
        grader_info="ดูคำตอบ",
        image=ImageData("a.png", b"png"),
        feedback_correct="ดี",
    )
    lost = gift_left_out(question)
    for fragment in ("points", "all-or-nothing", "notes for the grader", "pictures", "right and"):
        assert any(fragment in line for line in lost), fragment
    short = QuestionData(kind=K.SHORT_TEXT, prompt="<p>x</p>", answers=[A("a->b"), A("c")])
    assert "matching pairs" in gift_left_out(short)[0]
    kept = QuestionData(kind=K.TRUE_FALSE, prompt="<p>x</p>", feedback_correct="ดี")
    assert gift_left_out(kept) == []
    assert gift_left_out(QuestionData(kind=K.DESCRIPTION, prompt="<p>x</p>", points=5)) == []


def test_weights_and_numbers_are_written_without_exponents():
    question = QuestionData(
        kind=K.NUMERIC,
        prompt="<p>x</p>",
        numbers=[N("1E+3", "5E-1"), N("12345678901.5", "0.0001", Decimal("33.33333"))],
    )
    assert "=1000:0.5\n\t=%33.33333%12345678901.5:0.0001\n" in gift_write([question])
