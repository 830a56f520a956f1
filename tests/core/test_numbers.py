"""Numbers people type in any digits; ids that only our pages write."""

from django.core.exceptions import BadRequest
from django.http import QueryDict

import pytest

from lms.core.numbers import (
    ID_MAX,
    IdConverter,
    digits_ascii,
    id_param,
    id_parse,
    int_parse,
    score_text,
)


def test_digits_ascii():
    assert digits_ascii("๐๘๑-๒๓๔-๕๖๗๘") == "081-234-5678"
    assert digits_ascii("１２３") == "123"
    assert digits_ascii("x²") == "x²"  # a superscript is not a digit


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("2540", 2540),
        ("๒๕๔๐", 2540),
        (" ๑,๒๐๐ ", 1200),
        ("-5", -5),
        (2540.0, 2540),
        (7, 7),
        ("²", None),
        ("2540.5", None),
        (2540.5, None),
        ("1e3", None),
        ("", None),
        (None, None),
        (True, None),
        ("9" * 40, None),
    ],
)
def test_int_parse(typed, number):
    assert int_parse(typed) == number


def test_int_parse_range():
    assert int_parse("๕", minimum=1, maximum=5) == 5
    assert int_parse("6", minimum=1, maximum=5) is None
    assert int_parse("0", minimum=1) is None


@pytest.mark.parametrize(
    "value", ["²", "๑", "１", "-1", "0", "+1", " 1", "1.0", "1e3", str(ID_MAX + 1), "9" * 20, ""]
)
def test_ids_are_plain_ascii_numbers_in_range(value):
    assert id_parse(value) is None
    with pytest.raises(ValueError):
        IdConverter().to_python(value)


def test_a_good_id():
    assert id_parse("42") == 42
    assert id_parse(str(ID_MAX)) == ID_MAX
    assert IdConverter().to_python("007") == 7
    assert IdConverter().to_url(42) == "42"


def test_id_param():
    assert id_param(QueryDict("centre=5"), "centre") == 5
    assert id_param(QueryDict("centre="), "centre") is None
    assert id_param(QueryDict(""), "centre") is None
    with pytest.raises(BadRequest):
        id_param(QueryDict("centre=%C2%B2"), "centre")


@pytest.mark.parametrize(
    ("value", "limit", "text"),
    [
        (9.5714, None, "9.6"),  # a failed result as a teacher writes it
        ("9.5714", 60, "9.6"),
        (0.6667, None, "0.7"),  # "0.7 จาก 7"
        (10.0, None, "10"),
        ("7.00", None, "7"),
        (0, None, "0"),
        (100, 60, "100"),
        (59.96, 60, "59.9"),  # below the pass mark never reads as the pass mark
        (59.96, None, "60"),
        (60, 60, "60"),
        (60.04, 60, "60"),
        (None, 60, ""),
    ],
)
def test_score_text(value, limit, text):
    assert score_text(value, limit) == text
