"""Spreadsheets staff download: CSV and XLSX writing shared by every export.

CSV is written as UTF-8 with a byte-order mark so that Excel opens Thai text
correctly; XLSX is written with openpyxl.
"""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
HEADING_FILL = PatternFill("solid", fgColor="DDE7F2")
# Excel cells cannot start with these without being read as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Cell text from uploads can never become a formula in someone's Excel."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(headings: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headings)
    for row in rows:
        writer.writerow(["" if value is None else safe_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def column_widths(sheet, headings: Sequence[str], minimum: int = 10) -> None:
    for index, heading in enumerate(headings, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(minimum, len(heading) + 4)


def download(content: bytes, *, file_name: str, kind: str) -> HttpResponse:
    content_type = XLSX if kind == "xlsx" else "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}.{kind}"'
    response["Cache-Control"] = "no-store"
    return response


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class SpreadsheetKind:
    """`<sheet:kind>` in URLs: the two spreadsheet formats staff download."""

    regex = "xlsx|csv"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
