"""Numbers as people write them, and ids as machines write them.

Two rules. A number a person types (a phone, a year, a score, an answer) may be in
Thai digits (๐-๙), full-width digits or ASCII: `digits_ascii` and `int_parse`
read them all. An id in a URL or a query parameter is only ever written by our
own pages, so it must be plain ASCII digits within the database's range:
anything else (`²`, `๑`, `-1`, `1e3`, twenty digits) is answered with 404 or 400,
never a server error. `str.isdigit()` is not that test: "²" passes it, and
`int("²")` then raises.
"""

import re
import unicodedata
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

# Page ids are 32-bit in Wagtail's tables; our own rows would need two billion
# inserts to pass this, so one limit serves every id.
ID_MAX = 2**31 - 1

_ASCII_ID = re.compile(r"[0-9]{1,10}")


def digits_ascii(text: str) -> str:
    """Every decimal digit of any script (Thai ๑, full-width １ ...) as its ASCII digit.

    Only true decimal digits (Unicode category Nd) are changed: superscripts such
    as "²" and fractions stay as they are, and so fail any later number check.
    """
    if not text or text.isascii():
        return text or ""
    return "".join(
        str(unicodedata.decimal(char)) if unicodedata.category(char) == "Nd" else char
        for char in text
    )


def int_parse(value, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """A whole number a person typed, in any digits, or None.

    Spaces and thousands commas are allowed ("๑,๒๐๐" is 1200); a float that is
    a whole number (a spreadsheet's 2540.0) is accepted.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            return None
        number = int(value)
    else:
        text = digits_ascii(str(value))
        text = re.sub(r"[\s,]", "", text).replace("\u2212", "-")
        if not re.fullmatch(r"[+-]?[0-9]{1,18}", text):
            return None
        number = int(text)
    if minimum is not None and number < minimum:
        return None
    if maximum is not None and number > maximum:
        return None
    return number


def id_parse(value) -> int | None:
    """An id from a URL or query string: plain ASCII digits, 1 to ID_MAX; else None."""
    if not isinstance(value, str) or not _ASCII_ID.fullmatch(value):
        return None
    number = int(value)
    return number if 1 <= number <= ID_MAX else None


def id_param(query, name: str) -> int | None:
    """The id in query parameter `name`: None when absent or empty, BadRequest (400) when
    it is anything but an id."""
    value = query.get(name)
    if value is None or value == "":
        return None
    number = id_parse(value)
    if number is None:
        raise BadRequest(_("The address is not valid."))
    return number


class IdConverter:
    """`<id:pk>` in URL patterns: ASCII digits that fit the database's integer.

    Django's own `int` converter accepts any length, and a twenty-digit id then
    overflows the database query; a ValueError here makes the URL not match (404).
    """

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = id_parse(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value) -> str:
        return str(int(value))


def score_text(value, limit=None) -> str:
    """A score as a Thai teacher writes it: one decimal at most, none when it is whole.

    9.5714 → "9.6", 10.0 → "10", 0.666 → "0.7". Halves round up, except that a score
    below `limit` (the pass mark) never rounds up to it: 59.96 with a pass mark of 60
    is "59.9", not a "60" that reads as a pass.
    """
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    rounded = number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if limit not in (None, "") and number < Decimal(str(limit)) <= rounded:
        rounded = number.quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal("1"))
    return f"{rounded:f}"
