"""The people import reads names, phones and birth years in every form people write them."""

import datetime as dt

import pytest

from lms.centres.spreadsheets import clean_cell
from lms.classes.models import ImportRowOutcome
from lms.classes.people_import import import_check
from tests.centres.sheets import csv_bytes, person, xlsx_bytes
from tests.factories import UserFactory

LAMDUAN_TYPED = "\u0e25\u0e4d\u0e32\u0e14\u0e27\u0e19"  # ลําดวน: nikhahit + sara aa
LAMDUAN = "\u0e25\u0e33\u0e14\u0e27\u0e19"  # ลำดวน: sara am


@pytest.fixture
def check(world):
    def run(name, content):
        return import_check(
            actor=world.admin_a, centre=world.centre_a, cohort=None, file_name=name, content=content
        )

    return run


def test_the_same_name_in_another_unicode_form_is_the_existing_person(world, check):
    existing = UserFactory(
        username="lamduan.existing",
        first_name=LAMDUAN,
        last_name="ศรีสุข",
        birth_year=1987,
        phone="0812345678",
        home_centre=world.centre_a,
    )
    row = person(1, first=LAMDUAN_TYPED, last="ศรีสุข", year="2530", phone="081-234-5678")
    batch = check("people.csv", csv_bytes([row]))
    imported = batch.rows.get()
    assert imported.outcome == ImportRowOutcome.EXISTS, imported.messages
    assert imported.user_id == existing.pk
    assert imported.data["first_name"] == LAMDUAN


def test_names_are_stored_in_the_one_form(check):
    row = person(1, first=f"{LAMDUAN_TYPED}\x07", last="ศรีสุ\u0e38\u0e38ข")
    batch = check("people.csv", csv_bytes([row]))
    data = batch.rows.get().data
    assert (data["first_name"], data["last_name"]) == (LAMDUAN, "ศรีสุข")


def test_a_phone_in_thai_digits(check):
    batch = check("people.csv", csv_bytes([person(1, phone="๐๘๑-๒๓๔-๕๖๗๘")]))
    row = batch.rows.get()
    assert row.outcome == ImportRowOutcome.NEW, row.messages
    assert row.data["phone"] == "0812345678"


@pytest.mark.parametrize(
    "year",
    ["2530", "1987", "๒๕๓๐", "พ.ศ. 2530", "13/04/2530", "13/4/1987", "1987-04-13", "13-04-2530"],
)
def test_a_birth_year_written_in_any_usual_way(check, year):
    batch = check("people.csv", csv_bytes([person(1, year=year)]))
    row = batch.rows.get()
    assert row.outcome == ImportRowOutcome.NEW, row.messages
    assert row.data["birth_year"] == 1987


def test_a_birth_date_cell_in_a_spreadsheet(check):
    rows = [["นาง", "ลำดวน", "ศรีสุข", "", "", dt.datetime(1987, 4, 13), "0812345678", None, None]]
    batch = check("people.xlsx", xlsx_bytes(rows))
    row = batch.rows.get()
    assert row.outcome == ImportRowOutcome.NEW, row.messages
    assert row.data["birth_year"] == 1987


def test_a_refused_date_never_shows_a_python_timestamp(check):
    rows = [["นาง", "ลำดวน", "ศรีสุข", "", "", dt.datetime(2030, 4, 13), "0812345678", None, None]]
    batch = check("people.xlsx", xlsx_bytes(rows))
    row = batch.rows.get()
    assert row.outcome == ImportRowOutcome.ERROR
    message = " ".join(row.messages)
    assert "2030-04-13" in message
    assert "00:00" not in message and "datetime" not in message


def test_cells_never_read_as_python_values():
    assert clean_cell(dt.datetime(1987, 4, 13)) == "1987-04-13"
    assert clean_cell(dt.datetime(1987, 4, 13, 8, 30)) == "1987-04-13 08:30"
    assert clean_cell(dt.date(1987, 4, 13)) == "1987-04-13"
    assert clean_cell(dt.time(8, 30)) == "08:30"
    assert clean_cell(2530.0) == "2530"
    assert clean_cell(f" {LAMDUAN_TYPED}\x00 ") == LAMDUAN


def test_usernames_are_readable_rtgs_with_a_number_only_on_a_collision(check):
    UserFactory(username="phairot.sukkasem")
    rows = [
        person(1, first="ไพโรจน์", last="สุขเกษม"),
        person(2, first="คำพอง", last="ศรีหาญ"),
        person(3, first="อัญชลี", last="ใจดี"),
        person(4, first="เยาวลักษณ์", last="ใจดี"),
    ]
    batch = check("people.csv", csv_bytes(rows))
    names = [row.data["username"] for row in batch.rows.order_by("line")]
    assert names == ["phairot.sukkasem2", "khamphong.sihan", "anchali.chaidi", "yaowalak.chaidi"]
