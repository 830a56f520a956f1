"""The people-import spreadsheets: the result of an import and the blank template."""

from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from lms.centres.downloads import (
    BOLD,
    HEADING_FILL,
    column_widths,
    csv_bytes,
    safe_cell,
    workbook_bytes,
)

from .models import ImportBatch, ImportRowOutcome
from .people_rows import FIELDS, HEADER_ALIASES, TEMPLATE_HEADINGS


def import_result_table(batch: ImportBatch) -> tuple[list[str], list[list]]:
    """One row per row of the uploaded file: what happened, the username and initial password."""
    headings = [
        _("Row"),
        _("Result"),
        _("Details"),
        _("Username"),
        _("Initial password"),
        *[HEADER_ALIASES[name][0] for name in FIELDS if name != "username"],
    ]
    outcome_labels = dict(ImportRowOutcome.choices)
    rows = []
    for row in batch.rows.order_by("line").iterator(chunk_size=2000):
        raw = row.data.get("raw", {})
        rows.append(
            [
                row.line,
                str(outcome_labels.get(row.outcome, row.outcome)),
                " ".join(row.messages),
                row.data.get("username", ""),
                row.initial_password,
                *[raw.get(name, "") for name in FIELDS if name != "username"],
            ]
        )
    return headings, rows


def import_result_xlsx(batch: ImportBatch) -> bytes:
    headings, rows = import_result_table(batch)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Import")[:31])
    sheet.append(headings)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    return workbook_bytes(workbook)


def import_result_csv(batch: ImportBatch) -> bytes:
    headings, rows = import_result_table(batch)
    return csv_bytes(headings, rows)


TEMPLATE_HELP = [
    ("คำนำหน้า", "นาย นาง นางสาว เด็กชาย เด็กหญิง หรือเว้นว่าง"),
    ("ชื่อ", "ชื่อภาษาไทย (ต้องกรอก)"),
    ("นามสกุล", "นามสกุลภาษาไทย (ต้องกรอก)"),
    ("ชื่อ (อังกฤษ)", "ไม่บังคับ ใช้พิมพ์บนเกียรติบัตรภาษาอังกฤษ"),
    ("นามสกุล (อังกฤษ)", "ไม่บังคับ"),
    ("ปีเกิด", "พ.ศ. เช่น 2540 หรือ ค.ศ. เช่น 1997 (ไม่บังคับ)"),
    ("โทรศัพท์", "เช่น 0812345678 (ไม่บังคับ)"),
    ("อีเมล", "ไม่บังคับ"),
    ("ชื่อผู้ใช้", "ภาษาอังกฤษ ตัวเลข . _ - เว้นว่างไว้ ระบบจะตั้งให้จากชื่อ"),
]
TEMPLATE_EXAMPLE = ["นางสาว", "มาลัย", "ทองคำ", "Malai", "Thongkham", "2540", "0812345678", "", ""]


def import_template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "รายชื่อ"
    sheet.append(TEMPLATE_HEADINGS)
    for cell in sheet[1]:
        cell.font, cell.fill = BOLD, HEADING_FILL
    column_widths(sheet, TEMPLATE_HEADINGS, minimum=16)
    # Phone numbers and years as text, so Excel keeps the leading 0.
    for column in ("F", "G"):
        for row in range(2, 1002):
            sheet[f"{column}{row}"].number_format = "@"
    titles = DataValidation(
        type="list", formula1='"นาย,นาง,นางสาว,เด็กชาย,เด็กหญิง"', allow_blank=True
    )
    sheet.add_data_validation(titles)
    titles.add("A2:A10001")
    sheet.freeze_panes = "A2"

    guide = workbook.create_sheet("วิธีกรอก")
    guide.append(["คอลัมน์", "วิธีกรอก"])
    for cell in guide[1]:
        cell.font = BOLD
    for row in TEMPLATE_HELP:
        guide.append(list(row))
    guide.append([])
    guide.append(["ตัวอย่าง (อย่าใส่แถวนี้ในแผ่นงาน รายชื่อ)"])
    guide.append(TEMPLATE_HEADINGS)
    guide.append(TEMPLATE_EXAMPLE)
    guide.column_dimensions["A"].width = 22
    guide.column_dimensions["B"].width = 60
    return workbook_bytes(workbook)


def import_template_csv() -> bytes:
    return csv_bytes(TEMPLATE_HEADINGS, [])
