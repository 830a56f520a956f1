"""Bulk enrolment, the dry run and the bad files a centre admin will upload.

Every refused file leaves no batch, no row and no account behind; a file with
errors imports nothing unless the admin chooses to import the valid rows only.
"""

import codecs

import pytest

from lms.classes.models import ImportBatch, ImportRow, ImportRowOutcome, ImportStatus
from lms.classes.people_import import (
    MAX_ROWS,
    ImportRefused,
    import_check,
    import_start,
    username_base,
)
from lms.learning.models import Enrollment
from lms.users.models import TitlePrefix, User
from tests.centres.sheets import SAMPLES, csv_bytes, person, thai_word, xlsx_bytes
from tests.factories import UserFactory


@pytest.fixture
def check(world):
    def run(name, content, *, actor=None, cohort=None):
        return import_check(
            actor=actor or world.admin_a,
            centre=world.centre_a,
            cohort=cohort,
            file_name=name,
            content=content,
        )

    return run


def refused(check, name, content) -> ImportRefused:
    users, batches = User.objects.count(), ImportBatch.objects.count()
    with pytest.raises(ImportRefused) as error:
        check(name, content)
    assert User.objects.count() == users
    assert ImportBatch.objects.count() == batches
    return error.value


def outcomes(batch):
    return {row.line: (row.outcome, row.messages) for row in batch.rows.all()}


# --- Whole files refused ------------------------------------------------------------------


def test_empty_file(check):
    assert refused(check, "people.csv", b"").code == "empty"
    assert refused(check, "people.csv", b"\r\n \r\n").code == "empty"


def test_headings_only(check):
    assert refused(check, "people.csv", csv_bytes([])).code == "no_rows"


def test_pdf_and_images_are_not_spreadsheets(check):
    assert refused(check, "people.pdf", b"%PDF-1.7 ...").code == "type"
    assert refused(check, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00").code == "type"
    # A picture renamed to .csv is still not text.
    assert refused(check, "people.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR").code == "binary"


def test_old_excel_and_opendocument_get_a_clear_message(check):
    error = refused(check, "people.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    assert error.code == "xls" and ".xlsx" in error.message
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    assert refused(check, "people.ods", buffer.getvalue()).code == "ods"


def test_damaged_xlsx(check):
    assert refused(check, "people.xlsx", b"PK\x03\x04broken").code == "xlsx"
    assert refused(check, "people.xlsx", b"not a zip at all").code == "xlsx"


def test_unreadable_encoding(check):
    # Latin-1 text without Thai cannot be told from a broken file: say how to save it.
    error = refused(check, "people.csv", "ชื่อ,นามสกุล\n".encode() + b"Jos\xe9,M\xfcller\n")
    assert error.code == "encoding"
    assert "UTF-8" in error.message
    # Bytes that are not valid in cp874 either.
    assert refused(check, "people.csv", b"\xfc\xfd\xfe,\xff\n\xfc,\xfd\n").code == "encoding"


def test_missing_columns_named_in_the_message(check):
    content = csv_bytes([["นาย", "สมชาย"]], headings=["คำนำหน้า", "ชื่อ"])
    error = refused(check, "people.csv", content)
    assert error.code == "missing_columns"
    assert "นามสกุล" in error.message


def test_duplicate_column(check):
    content = csv_bytes([["ก", "ข", "ค"]], headings=["ชื่อ", "นามสกุล", "ชื่อ"])
    assert refused(check, "people.csv", content).code == "duplicate_column"


def test_too_many_rows(check):
    rows = [person(n) for n in range(MAX_ROWS + 1)]
    error = refused(check, "people.csv", csv_bytes(rows))
    assert error.code == "too_many_rows"
    assert "10000" in error.message or "10,000" in error.message


def test_only_centre_admins_may_import(world, check):
    with pytest.raises(ImportRefused):
        check("people.csv", csv_bytes([person(1)]), actor=world.trainer_a)
    with pytest.raises(ImportRefused):
        check("people.csv", csv_bytes([person(1)]), actor=world.admin_b)
    with pytest.raises(ImportRefused):
        import_check(
            actor=world.admin_a,
            centre=world.centre_a,
            cohort=world.cohort_b,
            file_name="people.csv",
            content=csv_bytes([person(1)]),
        )
    assert not ImportBatch.objects.exclude(pk__in=[world.import_a.pk, world.import_b.pk]).exists()


# --- Encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(lambda text: text.encode("utf-8"), id="utf-8"),
        pytest.param(lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda text: text.encode("cp874"), id="cp874"),
        pytest.param(lambda text: text.encode("tis-620"), id="tis-620"),
        pytest.param(lambda text: text.encode("utf-16"), id="utf-16-bom"),
    ],
)
def test_encodings_are_detected(check, encoded):
    from tests.centres.sheets import csv_text

    text = csv_text([person(1), person(2, title="นางสาว", first="มาลี", last="ศรีสุข")])
    batch = check("people.csv", encoded(text))
    rows = list(batch.rows.order_by("line"))
    assert [row.outcome for row in rows] == [ImportRowOutcome.NEW] * 2
    assert rows[1].data["first_name"] == "มาลี"
    assert rows[1].data["last_name"] == "ศรีสุข"
    assert rows[1].data["title_prefix"] == TitlePrefix.MISS


def test_the_committed_tis620_sample_reads_like_the_xlsx(check):
    """A real file as Thai Excel saves it (TIS-620/cp874), and the same list as .xlsx."""
    raw = (SAMPLES / "learners-25-rows-3-errors-tis620.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    from_csv = check("learners.csv", raw)
    from_xlsx = check("learners.xlsx", (SAMPLES / "learners-25-rows-3-errors.xlsx").read_bytes())
    for batch in (from_csv, from_xlsx):
        assert (batch.total_rows, batch.valid_rows, batch.error_rows) == (25, 22, 3)
    assert from_csv.encoding == "cp874"
    errors = {row.line for row in from_xlsx.rows.filter(outcome=ImportRowOutcome.ERROR)}
    assert errors == {10, 16, 23}
    assert [r.data for r in from_csv.rows.order_by("line")] == [
        r.data for r in from_xlsx.rows.order_by("line")
    ]


def test_semicolons_and_tabs_as_separators(check):
    from tests.centres.sheets import csv_text

    for delimiter in (";", "\t"):
        batch = check("people.csv", csv_text([person(1)], delimiter=delimiter).encode())
        assert batch.valid_rows == 1


# --- Rows -------------------------------------------------------------------------------------


def test_row_errors_are_reasons_not_crashes(check):
    rows = [
        person(1, title="ท่าน"),
        person(2, last=""),
        person(3, year="25x0"),
        person(4, year="2600"),
        person(5, phone="12345"),
        person(6, email="not-an-email"),
        person(7, username="มาลี"),
        person(8, first="สมชาย😀"),
        person(9, first_en="สมชาย"),
        person(10, first="ก" * 101),
    ]
    batch = check("people.csv", csv_bytes(rows))
    assert batch.valid_rows == 0
    assert batch.error_rows == len(rows)
    messages = [row.messages for row in batch.rows.order_by("line")]
    assert all(len(m) == 1 for m in messages), messages
    assert "ท่าน" in messages[0][0]
    assert "25x0" in messages[2][0]
    assert "2600" in messages[3][0]
    assert "12345" in messages[4][0]
    assert "not-an-email" in messages[5][0]


def test_values_are_normalised(check):
    rows = [
        person(1, title="น.ส.", year="1997", phone="+66 81 234 5678"),
        person(2, title="ด.ช.", year="2555", phone="812345679"),
        person(3, title="", year="", phone="081-234-5680", email=" Somchai@Example.ORG "),
    ]
    batch = check("people.csv", csv_bytes(rows))
    data = [row.data for row in batch.rows.order_by("line")]
    assert data[0]["title_prefix"] == TitlePrefix.MISS
    assert data[0]["birth_year"] == 1997
    assert data[0]["phone"] == "0812345678"
    assert data[1]["title_prefix"] == TitlePrefix.BOY
    assert data[1]["birth_year"] == 2012
    assert data[1]["phone"] == "0812345679"
    assert data[2]["birth_year"] is None
    assert data[2]["email"] == "somchai@example.org"


def test_xlsx_numbers_become_text(check):
    rows = [["นาง", "บัวผัน", "สีดาคำ", "", "", 2510, 891110001, None, None]]
    batch = check("people.xlsx", xlsx_bytes(rows))
    row = batch.rows.get()
    assert row.outcome == ImportRowOutcome.NEW, row.messages
    assert row.data["birth_year"] == 1967
    assert row.data["phone"] == "0891110001"


def test_usernames_are_made_from_the_name(check):
    UserFactory(username="malee.srisuk")
    rows = [
        person(1, first="มาลี", last="ศรีสุข", first_en="Malee", last_en="Srisuk"),
        person(2, first="มาลี", last="ศรีสุข", first_en="Malee", last_en="Srisuk", year="2540"),
        person(3, first="สมชาย", last="ใจดี"),
    ]
    batch = check("people.csv", csv_bytes(rows))
    names = [row.data["username"] for row in batch.rows.order_by("line")]
    assert names[0] == "malee.srisuk2"
    assert names[1] == "malee.srisuk3"
    assert names[2].isascii() and names[2].startswith("somchai.")
    assert username_base({"first_name": "ก", "last_name": ""}).startswith("learner")


def test_duplicate_usernames_in_the_file(check):
    rows = [person(1, username="somchai"), person(2, username="SomChai")]
    batch = check("people.csv", csv_bytes(rows))
    first, second = batch.rows.order_by("line")
    assert first.outcome == ImportRowOutcome.NEW
    assert second.outcome == ImportRowOutcome.ERROR
    assert "2" in second.messages[0]  # names the row it repeats


def test_the_same_person_twice_in_the_file(check):
    batch = check("people.csv", csv_bytes([person(1), person(1)]))
    assert [row.outcome for row in batch.rows.order_by("line")] == [
        ImportRowOutcome.NEW,
        ImportRowOutcome.ERROR,
    ]


def test_username_taken_in_the_database(world, check):
    UserFactory(username="somchai", first_name="สมชาย", last_name="คนอื่น")
    batch = check("people.csv", csv_bytes([person(1, username="somchai")]))
    row = batch.rows.get()
    assert row.outcome == ImportRowOutcome.ERROR
    assert "somchai" in row.messages[0]


def test_existing_account_of_the_centre_is_recognised(world, check):
    learner = world.learner_a
    rows = [
        person(1, first=learner.first_name, last=learner.last_name, username=learner.username),
        person(2, first="มาลี", last="ศรีสุข", year="2540"),
    ]
    UserFactory(
        username="malee",
        first_name="มาลี",
        last_name="ศรีสุข",
        birth_year=1997,
        home_centre=world.centre_a,
    )
    batch = check("people.csv", csv_bytes(rows))
    first, second = batch.rows.order_by("line")
    assert (first.outcome, first.user_id) == (ImportRowOutcome.EXISTS, learner.pk)
    assert (second.outcome, second.data["username"]) == (ImportRowOutcome.EXISTS, "malee")


def test_another_centres_learner_is_not_claimed(world, check):
    other = world.learner_b
    row = person(1, first=other.first_name, last=other.last_name, username=other.username)
    batch = check("people.csv", csv_bytes([row]))
    assert batch.rows.get().outcome == ImportRowOutcome.ERROR


# --- Confirmation ---------------------------------------------------------------------------


def test_a_file_with_errors_never_half_imports(world, check):
    batch = check("people.csv", csv_bytes([person(1), person(2, last="")]), cohort=world.cohort_a)
    users = User.objects.count()
    with pytest.raises(ImportRefused) as error:
        import_start(actor=world.admin_a, batch=batch, only_valid_rows=False)
    assert error.value.code == "has_errors"
    batch.refresh_from_db()
    assert batch.status == ImportStatus.CHECKED
    assert User.objects.count() == users


def test_valid_rows_import_only_when_chosen(world, check, django_capture_on_commit_callbacks):
    batch = check("people.csv", csv_bytes([person(1), person(2, last="")]), cohort=world.cohort_a)
    with django_capture_on_commit_callbacks(execute=True):
        import_start(actor=world.admin_a, batch=batch, only_valid_rows=True)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE
    assert (batch.created_count, batch.failed_count) == (1, 0)
    rows = {row.line: row for row in batch.rows.all()}
    assert rows[2].outcome == ImportRowOutcome.CREATED
    assert rows[3].outcome == ImportRowOutcome.SKIPPED
    created = rows[2].user
    assert created.must_change_password
    assert created.home_centre == world.centre_a
    assert created.check_password(rows[2].initial_password)
    assert Enrollment.objects.filter(user=created, course=world.course).exists()
    assert world.cohort_a.memberships.filter(user=created).exists()
    with pytest.raises(ImportRefused):
        import_start(actor=world.admin_a, batch=batch, only_valid_rows=True)


def test_importing_the_same_file_again_creates_no_one(
    world, check, django_capture_on_commit_callbacks
):
    content = csv_bytes([person(1), person(2)])
    first = check("people.csv", content, cohort=world.cohort_a)
    with django_capture_on_commit_callbacks(execute=True):
        import_start(actor=world.admin_a, batch=first, only_valid_rows=False)
    users = User.objects.count()
    again = check("people.csv", content, cohort=world.cohort_a)
    assert {row.outcome for row in again.rows.all()} == {ImportRowOutcome.EXISTS}
    with django_capture_on_commit_callbacks(execute=True):
        import_start(actor=world.admin_a, batch=again, only_valid_rows=False)
    again.refresh_from_db()
    assert (again.created_count, again.existing_count) == (0, 2)
    assert User.objects.count() == users


def test_ten_thousand_rows(world, check, django_capture_on_commit_callbacks):
    """The largest file allowed is checked and imported whole (no timing asserted)."""
    from tests.centres.sheets import csv_text

    # Names may not contain digits: each person gets a distinct made-up Thai name.
    rows = [person(n, first="สม" + thai_word(n), last="ทดสอบ", phone="") for n in range(MAX_ROWS)]
    batch = check("ten-thousand.csv", csv_text(rows).encode("cp874"))
    assert (batch.total_rows, batch.valid_rows, batch.error_rows) == (MAX_ROWS, MAX_ROWS, 0)
    assert ImportRow.objects.filter(batch=batch).count() == MAX_ROWS
    usernames = list(batch.rows.values_list("data__username", flat=True))
    assert len(set(usernames)) == MAX_ROWS
    with django_capture_on_commit_callbacks(execute=True):
        import_start(actor=world.admin_a, batch=batch, only_valid_rows=False)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE
    assert batch.created_count == MAX_ROWS
    assert User.objects.filter(home_centre=world.centre_a, must_change_password=True).count() == (
        MAX_ROWS
    )
