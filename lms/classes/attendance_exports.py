"""Attendance to download: one class as a sheet of learners × sessions, and one learner's
sessions in every class the staff member may see. XLSX and CSV, like the other exports.
"""

import datetime as dt
from dataclasses import dataclass

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
from lms.core.collation import thai_order
from lms.core.thaidate import format_thai_date
from lms.users.models import User

from . import scoping as class_scoping
from .models import Attendance, AttendanceStatus, Cohort, CohortMembership, CohortSession


@dataclass
class AttendanceTable:
    title: str  # the sheet's heading
    facts: list[tuple[str, str]]  # lines under the heading (class, centre, made on)
    headings: list[str]
    rows: list[list]
    total_row: list | None = None


def _session_label(session: CohortSession) -> str:
    return f"{format_thai_date(session.date, short=True)} {session.start_time:%H:%M}"


def _status_labels() -> dict[str, str]:
    return {value: str(label) for value, label in AttendanceStatus.choices}


def _percent(present: int, absent: int) -> int | str:
    counted = present + absent
    return round(100 * present / counted) if counted else ""


def cohort_attendance_table(*, cohort: Cohort) -> AttendanceTable:
    """Every member down, every session across: มา, ขาด or ลา, blank when not taken (3 queries)."""
    members = list(
        User.objects.filter(cohort_memberships__cohort=cohort).order_by(
            thai_order("first_name"), thai_order("last_name"), "username"
        )
    )
    sessions = list(CohortSession.objects.filter(cohort=cohort).order_by("date", "start_time"))
    marks = {
        (row["user_id"], row["session_id"]): row["status"]
        for row in Attendance.objects.filter(session__cohort=cohort)
        .values("user_id", "session_id", "status")
        .order_by()
    }
    labels = _status_labels()
    headings = [
        _("Name"),
        _("Username"),
        *[_session_label(session) for session in sessions],
        str(AttendanceStatus.PRESENT.label),
        str(AttendanceStatus.ABSENT.label),
        str(AttendanceStatus.EXCUSED.label),
        _("Attendance (%)"),
    ]
    rows = []
    present_by_session = [0] * len(sessions)
    for member in members:
        statuses = [marks.get((member.pk, session.pk)) for session in sessions]
        for index, status in enumerate(statuses):
            if status == AttendanceStatus.PRESENT:
                present_by_session[index] += 1
        counts = {value: statuses.count(value) for value in AttendanceStatus.values}
        rows.append(
            [
                member.display_name or member.username,
                member.username,
                *[labels.get(status, "") for status in statuses],
                counts[AttendanceStatus.PRESENT],
                counts[AttendanceStatus.ABSENT],
                counts[AttendanceStatus.EXCUSED],
                _percent(counts[AttendanceStatus.PRESENT], counts[AttendanceStatus.ABSENT]),
            ]
        )
    total_row = [_("Present in all"), "", *present_by_session, "", "", "", ""]
    return AttendanceTable(
        title=_("Attendance of the class %(name)s") % {"name": cohort.name},
        facts=[
            (_("Course"), cohort.course.title),
            (_("Centre"), str(cohort.centre)),
            (_("Made on"), format_thai_date(timezone.localdate())),
        ],
        headings=headings,
        rows=rows,
        total_row=total_row,
    )


def learner_attendance_table(*, staff: User, learner: User) -> AttendanceTable:
    """Each session of each class of the learner that `staff` may see, with the status (2 queries)."""
    cohorts = class_scoping.cohorts_visible_to(staff).filter(
        pk__in=CohortMembership.objects.filter(user=learner).values("cohort_id")
    )
    sessions = list(
        CohortSession.objects.filter(cohort__in=cohorts)
        .select_related("cohort", "cohort__course", "cohort__centre")
        .order_by("date", "start_time", "pk")
    )
    marks = {
        row["session_id"]: row
        for row in Attendance.objects.filter(user=learner, session__in=sessions).values(
            "session_id", "status", "recorded_via"
        )
    }
    labels = _status_labels()
    today = timezone.localdate()
    rows = []
    for session in sessions:
        mark = marks.get(session.pk, {})
        status = mark.get("status")
        if status:
            shown = labels[status]
        else:
            shown = _("Not taken yet") if session.date >= today else _("Not recorded")
        rows.append(
            [
                format_thai_date(session.date),
                f"{session.start_time:%H:%M}–{session.end_time:%H:%M}",
                session.cohort.name,
                session.cohort.course.title,
                str(session.cohort.centre),
                session.topic,
                shown,
            ]
        )
    present = sum(1 for m in marks.values() if m["status"] == AttendanceStatus.PRESENT)
    absent = sum(1 for m in marks.values() if m["status"] == AttendanceStatus.ABSENT)
    name = learner.display_name or learner.username
    return AttendanceTable(
        title=_("Attendance of %(name)s") % {"name": name},
        facts=[
            (_("Username"), learner.username),
            (_("Attendance (%)"), str(_percent(present, absent))),
            (_("Made on"), format_thai_date(today)),
        ],
        headings=[
            _("Date"),
            _("Time"),
            _("Class"),
            _("Course"),
            _("Centre"),
            _("Topic"),
            _("Attendance"),
        ],
        rows=rows,
    )


def attendance_xlsx(table: AttendanceTable) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Attendance")[:31]
    sheet.append([safe_cell(table.title)])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in table.facts:
        sheet.append([label, safe_cell(value)])
    sheet.append([])
    sheet.append(table.headings)
    heading_row = sheet.max_row
    for cell in sheet[heading_row]:
        cell.font, cell.fill = BOLD, HEADING_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        sheet.append([safe_cell(value) for value in row])
    if table.total_row:
        sheet.append(table.total_row)
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
    sheet.freeze_panes = sheet.cell(row=heading_row + 1, column=2)
    column_widths(sheet, table.headings, minimum=10)
    sheet.column_dimensions["A"].width = 32
    return workbook_bytes(workbook)


def attendance_csv(table: AttendanceTable) -> bytes:
    rows = [*table.rows, table.total_row] if table.total_row else table.rows
    return csv_bytes(table.headings, rows)


def file_stem(prefix: str, when: dt.date | None = None) -> str:
    """An ASCII file name: Thai names in a Content-Disposition header trip some phones."""
    return f"{prefix}-{(when or timezone.localdate()):%Y%m%d}"
