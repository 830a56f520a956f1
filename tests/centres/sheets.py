"""Spreadsheet bytes for the import tests."""

import csv
import io
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "docs" / "samples"
HEADINGS = [
    "คำนำหน้า",
    "ชื่อ",
    "นามสกุล",
    "ชื่อ (อังกฤษ)",
    "นามสกุล (อังกฤษ)",
    "ปีเกิด",
    "โทรศัพท์",
    "อีเมล",
    "ชื่อผู้ใช้",
]


def thai_word(n: int) -> str:
    """A distinct made-up Thai word for each number (names may not hold digits)."""
    consonants = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอฮ"
    word = ""
    n += 1
    while n:
        n, digit = divmod(n, len(consonants))
        word += consonants[digit]
    return word


def person(n: int, **changes) -> list[str]:
    row = {
        "title": "นาย",
        "first": "สมชาย",
        "last": f"ทดสอบ{thai_word(n)}",
        "first_en": "",
        "last_en": "",
        "year": "2530",
        "phone": f"08{n:08d}"[-10:],
        "email": "",
        "username": "",
    }
    row.update(changes)
    return list(row.values())


def csv_text(rows, headings=HEADINGS, delimiter=",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headings)
    writer.writerows(rows)
    return buffer.getvalue()


def csv_bytes(rows, *, encoding="utf-8", headings=HEADINGS, delimiter=",") -> bytes:
    return csv_text(rows, headings, delimiter).encode(encoding)


def xlsx_bytes(rows, headings=HEADINGS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
