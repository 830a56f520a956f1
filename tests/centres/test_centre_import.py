"""The national list of centres: idempotent by code, every bad row named, all or nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from lms.centres.centre_import import centre_import
from lms.centres.models import Centre, HostType
from lms.centres.services import CentreError

from .sheets import xlsx_bytes

HEADINGS = ["รหัสศูนย์", "ชื่อศูนย์", "จังหวัด", "อำเภอ", "ตำบล", "ประเภทสถานที่", "ผู้ประสานงาน"]
ROWS = [
    ["UDN-0101", "ศูนย์ดิจิทัลชุมชนตำบลหนองบัว", "อุดรธานี", "เมือง", "หนองบัว", "อบต.หนองบัว", "นายสมพร ดีใจ"],
    ["PTN-0007", "ศูนย์ดิจิทัลชุมชนมัสยิดกลาง", "94", "เมืองปัตตานี", "สะบารัง", "มัสยิด", ""],
    ["BKK-0001", "ศูนย์ดิจิทัลชุมชนวัดสุทัศน์", "Bangkok", "พระนคร", "เสาชิงช้า", "วัด", ""],
]


def csv_bytes(rows, headings=HEADINGS, encoding="utf-8-sig"):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headings)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def test_import_is_idempotent_by_code(world):
    first = centre_import(actor=world.national, file_name="centres.csv", content=csv_bytes(ROWS))
    assert (first.created, first.updated, first.unchanged) == (3, 0, 0)
    centre = Centre.objects.get(code="PTN-0007")
    assert centre.province.name_en == "Pattani"
    assert centre.host_type == HostType.MOSQUE
    assert Centre.objects.get(code="UDN-0101").host_type == HostType.LOCAL_OFFICE
    again = centre_import(actor=world.national, file_name="centres.csv", content=csv_bytes(ROWS))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = [list(row) for row in ROWS]
    changed[2][1] = "ศูนย์ดิจิทัลชุมชนวัดสุทัศนเทพวราราม"
    result = centre_import(
        actor=world.national, file_name="centres.xlsx", content=xlsx_bytes(changed, HEADINGS)
    )
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    assert Centre.objects.get(code="BKK-0001").name_th.endswith("เทพวราราม")


def test_bad_rows_are_named_and_nothing_is_saved(world):
    rows = [
        ROWS[0],
        ["", "ไม่มีรหัส", "ขอนแก่น", "", "", "", ""],
        ["X-1", "จังหวัดผิด", "แอตแลนติส", "", "", "", ""],
        ["X-2", "สถานที่แปลก", "ขอนแก่น", "", "", "เรือดำน้ำ", ""],
        ["UDN-0101", "ซ้ำ", "อุดรธานี", "", "", "", ""],
    ]
    count = Centre.objects.count()
    result = centre_import(actor=world.national, file_name="centres.csv", content=csv_bytes(rows))
    assert not result.ok
    assert [line for line, _errors in result.errors] == [3, 4, 5, 6]
    assert "แอตแลนติส" in result.errors[1][1][0]
    assert Centre.objects.count() == count


def test_only_national_admins(world):
    with pytest.raises(CentreError):
        centre_import(actor=world.admin_a, file_name="centres.csv", content=csv_bytes(ROWS))
    with pytest.raises(CentreError) as error:
        centre_import(actor=world.national, file_name="c.csv", content=csv_bytes(ROWS, ["code"]))
    assert error.value.code == "missing_columns"


def test_admin_page(world, login):
    client = login(world.national)
    url = reverse("centres_admin_import")
    assert client.get(url).status_code == 200
    response = client.post(url, {"file": SimpleUploadedFile("centres.csv", csv_bytes(ROWS))})
    assert response.status_code == 200
    assert Centre.objects.filter(code="BKK-0001").exists()
    bad = client.post(url, {"file": SimpleUploadedFile("centres.pdf", b"%PDF")})
    assert bad.status_code == 400


def test_management_command(world, tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "centres.csv"
    path.write_bytes(csv_bytes(ROWS))
    call_command("import_centres", str(path), "--as", world.national.username)
    assert Centre.objects.filter(code__in=["UDN-0101", "PTN-0007", "BKK-0001"]).count() == 3
    with pytest.raises(CommandError):
        call_command("import_centres", str(path), "--as", world.admin_a.username)
