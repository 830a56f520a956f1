"""A bank read from GIFT and converted to Moodle XML by the same code reads back equal."""

from pathlib import Path

import pytest

from assessments.interchange.gift_read import gift_read
from assessments.interchange.gift_write import gift_write
from assessments.interchange.moodle_xml_read import moodle_xml_read
from assessments.interchange.moodle_xml_write import moodle_xml_write

from .gift_helpers import TEXT_FIXTURES, read

XML_FIXTURES = ["questions.xml", "utf8_bom.xml"]


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_gift_converted_to_moodle_xml_reads_the_same(name):
    questions = read(name).valid
    assert questions, name
    converted = moodle_xml_read(moodle_xml_write(questions)).questions
    assert [q.error for q in converted] == [""] * len(questions)
    assert [q.comparable() for q in converted] == [q.comparable() for q in questions]


@pytest.mark.parametrize("name", XML_FIXTURES)
def test_moodle_xml_converted_to_gift_keeps_what_gift_can_say(name):
    data = (Path(__file__).parent.parent / "data" / "moodle_xml" / name).read_bytes()
    questions = moodle_xml_read(data).valid
    converted = gift_read(gift_write(questions)).questions
    assert len(converted) == len(questions)
    for before, after in zip(questions, converted, strict=True):
        # GIFT has no points, pictures, notes for graders or tags: the rest is the same.
        left = before.comparable()
        right = after.comparable()
        for key in ("points", "image", "grader_info", "tags", "scoring"):
            left.pop(key), right.pop(key)
        if before.kind not in ("true_false",):
            for key in ("feedback_correct", "feedback_incorrect"):
                left.pop(key), right.pop(key)
        assert right == left, before.title
