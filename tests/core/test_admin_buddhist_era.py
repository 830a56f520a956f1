"""The admin's dates show the Buddhist Era to a Thai reader, the Gregorian year in English."""

import datetime as dt
import re

from django.utils import timezone, translation

import pytest

from lms.core.thaidate import format_in_reader_era
from tests.conftest import admin_in_english

TOOLTIP = re.compile(
    r'class="w-human-readable-date" data-controller="w-tooltip" '
    r'data-w-tooltip-content-value="([^"]*)"'
)


def test_format_in_reader_era():
    when = dt.datetime(2026, 12, 4, 7, 5, tzinfo=dt.UTC)  # 14:05 in Bangkok
    with translation.override("th"):
        assert format_in_reader_era(when, "DATETIME_FORMAT") == "4 ธันวาคม 2569, 14:05"
        assert format_in_reader_era(dt.date(2026, 1, 31), "DATE_FORMAT") == "31 มกราคม 2569"
        assert format_in_reader_era(dt.date(2026, 1, 31), "d/m/y") == "31/01/69"
    with translation.override("en"):
        assert "2026" in format_in_reader_era(when, "DATETIME_FORMAT")


@pytest.fixture
def superuser(django_user_model, lessons):
    for lesson in lessons:
        lesson.save_revision()  # the list's "updated" column shows the latest revision
    return django_user_model.objects.create_superuser("root", "root@example.com", "pw")


def _tooltips(client, course) -> list[str]:
    response = client.get(f"/admin/pages/{course.pk}/")
    assert response.status_code == 200
    return TOOLTIP.findall(response.content.decode())


def test_page_list_updated_column_in_buddhist_era(client, superuser, course):
    client.force_login(superuser)
    year = timezone.localdate().year
    tooltips = _tooltips(client, course)
    assert tooltips and all(str(year + 543) in tip for tip in tooltips), tooltips
    assert not any(str(year) in tip for tip in tooltips)

    admin_in_english(superuser)
    tooltips = _tooltips(client, course)
    assert tooltips and all(str(year) in tip for tip in tooltips), tooltips
