"""The centre report as a spreadsheet to download (XLSX or CSV)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from lms.centres.downloads import (
    BOLD,
    HEADING_FILL,
    column_widths,
    csv_bytes,
    safe_cell,
    workbook_bytes,
)
from lms.core.thaidate import format_thai_date

from .reports import Dimension, Report, report_table


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
    if report.figures_as_of:
        sheet.append([_("Figures as of %(time)s") % {"time": report.figures_as_of_label}])
    sheet.append([])
    sheet.append(headings)
    heading_row = sheet.max_row
    for cell in sheet[heading_row]:
        cell.font, cell.fill = BOLD, HEADING_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    sheet.freeze_panes = sheet.cell(row=heading_row + 1, column=2)
    column_widths(sheet, headings, minimum=12)
    sheet.column_dimensions["A"].width = 40
    return workbook_bytes(workbook)


def report_csv(report: Report) -> bytes:
    headings, rows = report_table(report)
    return csv_bytes(headings, rows)
