"""Fixtures and short builders for the GIFT reader and writer tests."""

from decimal import Decimal
from pathlib import Path

from assessments.interchange.data import AnswerData, ChoiceData, NumberData, QuestionData
from assessments.interchange.gift_read import gift_decode, gift_read
from assessments.models import QuestionKind as K

DATA = Path(__file__).parent.parent / "data" / "gift"
TEXT_FIXTURES = sorted(path.name for path in DATA.glob("*.gift") if path.name != "tis620.gift")


def read(name: str):
    return gift_read(gift_decode((DATA / name).read_bytes()))


def C(text: str, weight, feedback: str = "") -> ChoiceData:
    return ChoiceData(text, Decimal(weight), feedback)


def A(text: str, weight=100, feedback: str = "") -> AnswerData:
    return AnswerData(text, Decimal(weight), feedback)


def N(value, tolerance=0, weight=100, feedback: str = "") -> NumberData:
    return NumberData(
        None if value is None else Decimal(value), Decimal(tolerance), Decimal(weight), feedback
    )


def Q(kind: str, prompt: str, **fields) -> dict:
    """The comparable form of the question we expect (prompt given as stored HTML)."""
    return QuestionData(kind=kind, prompt=prompt, **fields).comparable()


def comparable(report) -> list[dict]:
    return [q.comparable() for q in report.questions]


def assert_warnings(question: QuestionData, *fragments: str) -> None:
    """The question's warnings, one fragment each, in order."""
    assert len(question.warnings) == len(fragments), question.warnings
    for warning, fragment in zip(question.warnings, fragments, strict=True):
        assert fragment in warning


__all__ = [
    "DATA",
    "TEXT_FIXTURES",
    "A",
    "C",
    "K",
    "N",
    "Q",
    "assert_warnings",
    "comparable",
    "read",
]
