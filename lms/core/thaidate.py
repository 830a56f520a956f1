"""Dates as Thai readers expect them: Thai month names and the Buddhist Era.

Django's Thai locale keeps Gregorian years, so certificates, dashboards and
reports format dates here instead of with the `date` filter.
"""

import datetime as dt

from django.utils import timezone
from django.utils.dateformat import DateFormat
from django.utils.formats import date_format, get_format
from django.utils.translation import get_language

BUDDHIST_ERA_OFFSET = 543

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _as_local_date(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def buddhist_year(value: dt.date | dt.datetime) -> int:
    return _as_local_date(value).year + BUDDHIST_ERA_OFFSET


def format_thai_date(value: dt.date | dt.datetime, *, short: bool = False) -> str:
    """`3 ธันวาคม พ.ศ. 2566`, or `3 ธ.ค. 66` when short."""
    day = _as_local_date(value)
    if short:
        return f"{day.day} {THAI_MONTHS_SHORT[day.month - 1]} {buddhist_year(day) % 100:02d}"
    return f"{day.day} {THAI_MONTHS[day.month - 1]} พ.ศ. {buddhist_year(day)}"


def format_thai_month(value: dt.date | dt.datetime) -> str:
    """`ธันวาคม 2566` for report columns."""
    day = _as_local_date(value)
    return f"{THAI_MONTHS[day.month - 1]} {buddhist_year(day)}"


def format_english_date(value: dt.date | dt.datetime) -> str:
    """`3 December 2023`."""
    day = _as_local_date(value)
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def format_date(value: dt.date | dt.datetime, language: str) -> str:
    return format_english_date(value) if language == "en" else format_thai_date(value)


class _BuddhistEraDateFormat(DateFormat):
    """Django's date formatting with the year in the Buddhist Era ("Y" → 2569, "y" → 69)."""

    def Y(self):  # noqa: N802 - Django's format character
        return f"{self.data.year + BUDDHIST_ERA_OFFSET:04d}"

    def y(self):
        return f"{(self.data.year + BUDDHIST_ERA_OFFSET) % 100:02d}"


def format_in_reader_era(value: dt.date | dt.datetime, format_string: str) -> str:
    """`value` with a Django date format (a string or a name such as "DATETIME_FORMAT"):
    the year in the Buddhist Era when the active language is Thai, Gregorian otherwise.

    Wagtail's admin and Django's Thai locale print Gregorian years, which a Thai reader
    takes for a typo; the admin's date columns and tooltips go through here.
    """
    if not (get_language() or "").startswith("th"):
        return date_format(value, format_string)
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return _BuddhistEraDateFormat(value).format(get_format(format_string))
