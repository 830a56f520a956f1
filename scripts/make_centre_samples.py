"""Write the sample spreadsheets of the centre admin's journey (docs/samples/).

learners-25-rows-3-errors.xlsx: 25 villagers of a Nong Khai sub-district, three of
them with mistakes a centre admin will meet (no last name, a birth year in the
future, a phone number too short). The dry run shows 22 rows that can be
imported and 3 with errors. The .csv is the same list saved by Thai Excel
(TIS-620/cp874), for trying the encoding detection.

Run: .venv/bin/python scripts/make_centre_samples.py
"""

import csv
import io
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
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
ROWS = [
    ["นาง", "บัวผัน", "สีดาคำ", "", "", "2510", "0891110001", "", ""],
    ["นาย", "สมศักดิ์", "วงศ์คำ", "Somsak", "Wongkham", "2522", "0891110002", "", ""],
    [
        "นางสาว",
        "อรอุมา",
        "ไชยมาตย์",
        "Onuma",
        "Chaiyamat",
        "1996",
        "0891110003",
        "onuma.c@example.org",
        "",
    ],
    ["นาย", "ทองดี", "ศรีมงคล", "", "", "2505", "891110004", "", ""],
    ["น.ส.", "กมลวรรณ", "บุญมา", "Kamonwan", "Bunma", "2543", "0891110005", "", "kamonwan.b"],
    ["นาง", "คำปุ่น", "แสนสุข", "", "", "2500", "", "", ""],
    ["นาย", "วิชัย", "พรหมสุวรรณ", "Wichai", "Promsuwan", "2519", "089-111-0007", "", ""],
    ["เด็กหญิง", "ปาริชาต", "ทองสุข", "", "", "2556", "", "", ""],
    ["นาย", "อนันต์", "", "", "", "2530", "0891110009", "", ""],
    ["นาง", "สุดารัตน์", "คำภา", "Sudarat", "Khampha", "2527", "0891110010", "", ""],
    ["นาย", "บุญเลิศ", "จันทร์หอม", "", "", "2515", "0891110011", "", ""],
    ["นางสาว", "ศิริพร", "แก้วประเสริฐ", "Siriporn", "Kaewprasert", "2540", "0891110012", "", ""],
    ["นาย", "ชาญชัย", "ดวงแก้ว", "", "", "2524", "0891110013", "", "chanchai.d"],
    ["นาง", "มะลิ", "สายทอง", "", "", "2512", "0891110014", "", ""],
    ["นาย", "ธนากร", "ศรีวงศ์", "Thanakorn", "Sriwong", "2570", "0891110015", "", ""],
    ["นางสาว", "นภา", "ภูมิพันธ์", "", "", "2538", "0891110016", "", ""],
    ["เด็กชาย", "ภูมิ", "สุขประเสริฐ", "Phum", "Sukprasert", "2555", "", "", ""],
    ["นาย", "สมาน", "เหล่าคำ", "", "", "1970", "0891110018", "", ""],
    ["นาง", "ประไพ", "อินทร์แก้ว", "", "", "2518", "0891110019", "", ""],
    ["นาย", "เกียรติศักดิ์", "โพธิ์ศรี", "Kiattisak", "Phosri", "2533", "0891110020", "", ""],
    ["นางสาว", "รัชนี", "บุญยืน", "", "", "2541", "0891110021", "", ""],
    ["นาง", "จำปา", "ศรีบุญ", "", "", "2509", "12345", "", ""],
    ["นาย", "สุริยา", "ทองเหลือง", "Suriya", "Thongluang", "2531", "0891110023", "", ""],
    ["นาง", "ลำดวน", "พิมพ์ดี", "", "", "2514", "0891110024", "", ""],
    ["นางสาว", "วรรณา", "ชัยสิทธิ์", "Wanna", "Chaiyasit", "2545", "0891110025", "", ""],
]
assert len(ROWS) == 25


def xlsx_bytes() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "รายชื่อ"
    sheet.append(HEADINGS)
    for row in ROWS:
        cells = list(row)
        # As Excel often does: the year and a phone number stored as numbers.
        if cells[5].isdigit():
            cells[5] = int(cells[5])
        if cells[6] == "891110004":
            cells[6] = 891110004
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    writer.writerows(ROWS)
    return buffer.getvalue()


if __name__ == "__main__":
    folder = ROOT / "docs" / "samples"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "learners-25-rows-3-errors.xlsx").write_bytes(xlsx_bytes())
    (folder / "learners-25-rows-3-errors-tis620.csv").write_bytes(csv_text().encode("cp874"))
    print("Wrote", folder)
