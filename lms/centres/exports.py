"""Spreadsheets staff download: reports, import results and the import template.

CSV is written as UTF-8 with a byte-order mark so that Excel opens Thai text
correctly; XLSX is written with openpyxl.
"""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from lms.core.thaidate import format_thai_date

from .models import ImportBatch, ImportRowOutcome
from .people_import import FIELDS, HEADER_ALIASES, TEMPLATE_HEADINGS
from .reports import Dimension, Report, report_table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
HEADING_FILL = PatternFill("solid", fgColor="DDE7F2")
# Excel cells cannot start with these without being read as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    """Cell text from uploads can never become a formula in someone's Excel."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(headings: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headings)
    for row in rows:
        writer.writerow(["" if value is None else _safe(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _widths(sheet, headings: Sequence[str], minimum: int = 10) -> None:
    for index, heading in enumerate(headings, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(minimum, len(heading) + 4)


def download(content: bytes, *, file_name: str, kind: str) -> HttpResponse:
    content_type = XLSX if kind == "xlsx" else "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}.{kind}"'
    response["Cache-Control"] = "no-store"
    return response


def _workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- Reports -----------------------------------------------------------------------------


def report_xlsx(report: Report) -> bytes:
    headings, rows = report_table(report)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Report")[:31]
    sheet.append([_("Report by %(dimension)s") % {"dimension": Dimension(report.dimension).label}])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([_("Centres"), report.scope])
    filters = report.filters
    period = "–".join(
        format_thai_date(day) for day in (filters.date_from, filters.date_to) if day
    ) or _("All time")
    sheet.append([_("Period"), period])
    sheet.append([_("Made on"), format_thai_date(timezone.localtime(report.generated_at))])
    sheet.append([])
    sheet.append(headings)
    heading_row = sheet.max_row
    for cell in sheet[heading_row]:
        cell.font, cell.fill = BOLD, HEADING_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([_safe(value) for value in row])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    sheet.freeze_panes = sheet.cell(row=heading_row + 1, column=2)
    _widths(sheet, headings, minimum=12)
    sheet.column_dimensions["A"].width = 40
    return _workbook_bytes(workbook)


def report_csv(report: Report) -> bytes:
    headings, rows = report_table(report)
    return csv_bytes(headings, rows)


# --- Import results and template ------------------------------------------------------------------


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
        sheet.append([_safe(value) for value in row])
    return _workbook_bytes(workbook)


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
    _widths(sheet, TEMPLATE_HEADINGS, minimum=16)
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
    return _workbook_bytes(workbook)


def import_template_csv() -> bytes:
    return csv_bytes(TEMPLATE_HEADINGS, [])
