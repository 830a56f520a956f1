"""Numbers in a Moodle XML file, read within what the platform stores.

Marks ("fraction") are percentages from -100 (or 0) to 100 with at most five
decimals, points whole numbers from 1 to 100, numbers and tolerances below
10^11 with at most four decimals. A number out of range is brought within it
with a warning; only a number answer that is not a number makes the question
not importable. Huge exponents ("1e999999999") never reach an int() or a
quantize() that would take the server's time.
"""

from decimal import ROUND_HALF_UP, Decimal
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import QuestionKind
from .data import QuestionData
from .moodle_xml_common import decimal_value

_LIMIT = Decimal("1e11")  # numbers are stored with 15 digits, 4 after the point
_FOUR_PLACES = Decimal("0.0001")
_FIVE_PLACES = Decimal("0.00001")


class NotImportable(Exception):
    """Raised while reading a question that cannot be imported; the message says why."""


def shown(value: Decimal | None, raw: str) -> str:
    """A number for a message: 2.5 for "2.5000000", as written when it is huge."""
    if value is None or not -(10**6) < value < 10**6:
        return raw[:40]
    return f"{value.normalize():f}"


def weight(raw: str | None, question: QuestionData, *, minimum: int = 0) -> Decimal:
    """A Moodle answer "fraction" in % (100, 33.33333, -50), kept within what we store."""
    value = decimal_value(raw if raw is not None else "0")
    if value is None:
        question.warn(
            _("A mark “%(mark)s” is not a number; it counts as 0 %%.") % {"mark": raw[:40]}
        )
        return Decimal(0)
    bounded = min(max(value, Decimal(minimum)), Decimal(100))
    if bounded.as_tuple().exponent < -5:
        bounded = value = bounded.quantize(_FIVE_PLACES, rounding=ROUND_HALF_UP)
    if bounded != value:
        question.warn(
            _("A mark of %(mark)s %% is outside %(low)s to 100 %%; it counts as %(kept)s %%.")
            % {"mark": shown(value, raw), "low": minimum, "kept": shown(bounded, "")}
        )
    return bounded


def number(raw: str, question: QuestionData, *, tolerance: bool = False) -> Decimal:
    value = decimal_value(raw)
    if value is None:
        raise NotImportable(_("“%(text)s” is not a number.") % {"text": raw[:40]})
    if abs(value) >= _LIMIT:
        raise NotImportable(_("“%(text)s” is not a number we can store.") % {"text": raw[:40]})
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))  # 2.5e2 and 250.0 as 250
    elif value.as_tuple().exponent < -4:
        rounded = value.quantize(_FOUR_PLACES, rounding=ROUND_HALF_UP)
        message = (
            _("The accepted difference %(number)s is rounded to %(rounded)s (four decimals).")
            if tolerance
            else _("The number %(number)s is rounded to %(rounded)s (four decimals).")
        )
        question.warn(message % {"number": raw, "rounded": f"{rounded.normalize():f}"})
        value = rounded
    return value


def points(element: Element, question: QuestionData) -> int:
    raw = (element.findtext("defaultgrade") or "").strip()
    if not raw:
        return 1
    value = decimal_value(raw)
    within = None if value is None else min(max(value, Decimal(1)), Decimal(100))
    if question.kind == QuestionKind.DESCRIPTION:
        # Moodle gives descriptions no marks; ours keep the number only for round trips.
        whole = value is not None and within == value == value.to_integral_value()
        return int(within) if whole else 1
    points = 1 if within is None else int(within.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if value is None or value != points:
        question.warn(
            ngettext(
                "Moodle gives this question %(moodle)s marks; here it gives %(points)d point "
                "(whole points from 1 to 100).",
                "Moodle gives this question %(moodle)s marks; here it gives %(points)d points "
                "(whole points from 1 to 100).",
                points,
            )
            % {"moodle": shown(value, raw), "points": points}
        )
    return points


def count(raw: str | None) -> int:
    """A whole number setting; 0 when missing, empty or not a number (-1 means "no limit")."""
    value = decimal_value(raw)
    if value is None or not -(10**6) < value < 10**6:
        return 0
    return int(value) if value == value.to_integral_value() else 0
