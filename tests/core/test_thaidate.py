import datetime as dt
import zoneinfo

import pytest

from lms.core.thaidate import THAI_MONTHS, format_date, format_english_date, format_thai_date


def test_buddhist_era_date():
    assert format_thai_date(dt.date(2023, 12, 3)) == "3 ธันวาคม พ.ศ. 2566"
    assert format_thai_date(dt.date(2026, 11, 28)) == "28 พฤศจิกายน พ.ศ. 2569"
    assert format_thai_date(dt.date(2026, 11, 28), short=True) == "28 พ.ย. 69"


@pytest.mark.parametrize("month", range(1, 13))
def test_every_thai_month_name(month):
    assert format_thai_date(dt.date(2024, month, 1)) == f"1 {THAI_MONTHS[month - 1]} พ.ศ. 2567"


def test_year_boundary_uses_bangkok_time():
    # 31 December 2025, 18:30 UTC is already 1 January 2026 in Bangkok: a new B.E. year.
    moment = dt.datetime(2025, 12, 31, 18, 30, tzinfo=dt.UTC)
    assert format_thai_date(moment) == "1 มกราคม พ.ศ. 2569"
    assert format_english_date(moment) == "1 January 2026"
    just_before = dt.datetime(2025, 12, 31, 16, 59, tzinfo=dt.UTC)
    assert format_thai_date(just_before) == "31 ธันวาคม พ.ศ. 2568"


def test_language_switch():
    day = dt.datetime(2024, 2, 29, 9, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Bangkok"))
    assert format_date(day, "th") == "29 กุมภาพันธ์ พ.ศ. 2567"
    assert format_date(day, "en") == "29 February 2024"
