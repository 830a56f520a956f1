"""The national list of centres is read through the same normaliser as everything typed."""

from lms.centres.centre_import import centre_import
from lms.centres.models import Centre

from .sheets import csv_bytes

HEADINGS = ["รหัสศูนย์", "ชื่อศูนย์", "จังหวัด", "ตำบล", "โทรศัพท์"]


def test_names_and_phones_are_normalised(world):
    rows = [
        [
            "NKI-9001",
            "ศูนย์ดิจิทัลชุมชนต\u0e4d\u0e32บล\x07โพธิ์",
            "หนองคาย",
            "ต\u0e4d\u0e32บลโพธิ์",
            "๐๔๒-๑๒๓๔๕๖",
        ]
    ]
    result = centre_import(
        actor=world.national,
        file_name="centres.csv",
        content=csv_bytes(rows, headings=HEADINGS),
    )
    assert result.ok, result.errors
    centre = Centre.objects.get(code="NKI-9001")
    assert centre.name_th == "ศูนย์ดิจิทัลชุมชนตำบลโพธิ์"
    assert centre.subdistrict == "ตำบลโพธิ์"
    assert centre.contact_phone == "042-123456"
