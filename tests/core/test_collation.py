"""Lists sorted for people are in Thai dictionary order, in Python and in the database."""

from django.db import connection
from django.urls import reverse

import pytest

from lms.centres.models import Centre, Province
from lms.classes.selectors import learners_for
from lms.core.collation import thai_order, thai_sort_key
from tests.factories import UserFactory

# In code-point order every name that starts with เ แ โ ใ ไ comes after อ่างทอง.
PROVINCES_IN_THAI_ORDER = [
    "กรุงเทพมหานคร",
    "ขอนแก่น",
    "เชียงราย",
    "เชียงใหม่",
    "นครพนม",
    "เพชรบุรี",
    "แพร่",
    "แม่ฮ่องสอน",
    "เลย",
    "หนองคาย",
    "อ่างทอง",
]


def test_python_key_sorts_provinces_in_thai_order():
    shuffled = sorted(PROVINCES_IN_THAI_ORDER, reverse=True)
    assert sorted(shuffled, key=thai_sort_key) == PROVINCES_IN_THAI_ORDER


def test_tone_marks_only_break_ties_and_latin_ignores_case():
    assert sorted(["ข้าว", "ขาว", "ข่าว"], key=thai_sort_key) == ["ขาว", "ข่าว", "ข้าว"]
    assert sorted(["กา", "ก้า", "กาก"], key=thai_sort_key) == ["กา", "ก้า", "กาก"]
    # As ICU's Thai rules on PostgreSQL: digits, then Thai, then Latin ignoring case.
    assert sorted(["banana", "ไก่", "Apple", "2569"], key=thai_sort_key) == [
        "2569",
        "ไก่",
        "Apple",
        "banana",
    ]


@pytest.mark.django_db
def test_provinces_come_from_the_database_in_thai_order():
    names = list(Province.objects.values_list("name_th", flat=True))
    assert len(names) == 77
    wanted = [name for name in names if name in PROVINCES_IN_THAI_ORDER]
    assert wanted == PROVINCES_IN_THAI_ORDER, connection.vendor


@pytest.mark.django_db
def test_centres_sort_by_province_then_name_in_thai_order():
    chiang_mai = Province.objects.get(name_th="เชียงใหม่")
    ang_thong = Province.objects.get(name_th="อ่างทอง")
    for code, name, province in (
        ("T-1", "ศูนย์อ่างทอง", ang_thong),
        ("T-2", "ศูนย์แม่ริม", chiang_mai),
        ("T-3", "ศูนย์เชียงดาว", chiang_mai),
    ):
        Centre.objects.create(code=code, name_th=name, province=province)
    assert list(Centre.objects.filter(code__startswith="T-").values_list("name_th", flat=True)) == [
        "ศูนย์เชียงดาว",
        "ศูนย์แม่ริม",
        "ศูนย์อ่างทอง",
    ]


@pytest.mark.django_db
def test_learners_are_listed_by_first_name_in_thai_order():
    names = ["อรุณ", "ไพโรจน์", "เยาวลักษณ์", "คำพอง", "Anna"]
    users = [UserFactory(first_name=name) for name in names]
    staff = UserFactory(is_superuser=True)
    listed = [user.first_name for user in learners_for(user=staff) if user in users]
    assert listed == ["คำพอง", "ไพโรจน์", "เยาวลักษณ์", "อรุณ", "Anna"]


@pytest.mark.django_db
def test_thai_order_descending():
    names = list(
        Province.objects.filter(name_th__in=PROVINCES_IN_THAI_ORDER)
        .order_by(thai_order("name_th", descending=True))
        .values_list("name_th", flat=True)
    )
    assert names == PROVINCES_IN_THAI_ORDER[::-1]


@pytest.mark.django_db
def test_the_admins_centre_list_is_in_thai_order(admin_client):
    chiang_mai = Province.objects.get(name_th="เชียงใหม่")
    ang_thong = Province.objects.get(name_th="อ่างทอง")
    for code, name, province in (
        ("T-1", "ศูนย์อ่างทอง", ang_thong),
        ("T-2", "ศูนย์แม่ริม", chiang_mai),
        ("T-3", "ศูนย์เชียงดาว", chiang_mai),
    ):
        Centre.objects.create(code=code, name_th=name, province=province)
    html = admin_client.get(reverse("centres_admin:index")).content.decode()
    positions = [html.index(name) for name in ("ศูนย์เชียงดาว", "ศูนย์แม่ริม", "ศูนย์อ่างทอง")]
    assert positions == sorted(positions)
