"""Certificate dates: Buddhist Era in Thai, Gregorian in English, in Bangkok time."""

import datetime as dt
import zoneinfo

import pytest

from lms.certificates.models import CertificateSequence
from lms.certificates.pdf import CertificateFacts, certificate_html
from lms.certificates.services import _next_number, certificate_template_default
from lms.core.thaidate import THAI_MONTHS, format_english_date, format_thai_date

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")
UTC = dt.UTC

MONTHS = [
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
]


@pytest.mark.parametrize("month", range(1, 13))
def test_every_thai_month_name(month):
    assert THAI_MONTHS[month - 1] == MONTHS[month - 1]
    assert format_thai_date(dt.date(2026, month, 15)) == f"15 {MONTHS[month - 1]} พ.ศ. 2569"


@pytest.mark.parametrize(
    ("value", "thai", "english"),
    [
        (dt.date(2026, 11, 28), "28 พฤศจิกายน พ.ศ. 2569", "28 November 2026"),
        (dt.date(2026, 12, 31), "31 ธันวาคม พ.ศ. 2569", "31 December 2026"),
        (dt.date(2027, 1, 1), "1 มกราคม พ.ศ. 2570", "1 January 2027"),
        (dt.date(2000, 2, 29), "29 กุมภาพันธ์ พ.ศ. 2543", "29 February 2000"),
        (dt.date(1999, 12, 31), "31 ธันวาคม พ.ศ. 2542", "31 December 1999"),
        # New Year's Eve in UTC is already New Year's Day in Bangkok (UTC+7).
        (dt.datetime(2026, 12, 31, 17, 30, tzinfo=UTC), "1 มกราคม พ.ศ. 2570", "1 January 2027"),
        (dt.datetime(2026, 12, 31, 16, 59, tzinfo=UTC), "31 ธันวาคม พ.ศ. 2569", "31 December 2026"),
        (dt.datetime(2027, 1, 1, 0, 1, tzinfo=BANGKOK), "1 มกราคม พ.ศ. 2570", "1 January 2027"),
    ],
)
def test_year_boundaries(value, thai, english):
    assert format_thai_date(value) == thai
    assert format_english_date(value) == english


@pytest.mark.django_db
def test_numbers_follow_the_buddhist_year_of_issue_and_restart_each_year():
    last_day = dt.datetime(2026, 12, 31, 16, 59, tzinfo=UTC)  # 23:59 in Bangkok
    first_day = dt.datetime(2026, 12, 31, 17, 0, tzinfo=UTC)  # 00:00 on 1 January
    assert _next_number(last_day) == "2569/000001"
    assert _next_number(last_day) == "2569/000002"
    assert _next_number(first_day) == "2570/000001"
    assert CertificateSequence.objects.get(year=2569).last == 2


@pytest.mark.django_db
def test_certificate_says_given_on_in_the_buddhist_era_and_in_english():
    template = certificate_template_default()
    template.language = "bilingual"
    facts = CertificateFacts.sample()
    facts.issued_at = dt.datetime(2026, 11, 28, 9, 0, tzinfo=BANGKOK)
    facts.completed_at = dt.datetime(2026, 11, 27, 20, 0, tzinfo=BANGKOK)
    html = certificate_html(facts=facts, template=template)
    assert "ให้ไว้ ณ วันที่ 28 พฤศจิกายน พ.ศ. 2569" in html
    assert "Given on 28 November 2026" in html
