"""Centre and national reports: learners, enrolments, completions, certificates,
attendance and early-childhood sessions, by province, centre, track, course or month.

Every figure is a GROUP BY the database answers (one query per measure, however
many learners there are); Python only merges the few grouped rows. Where a figure
is counted:
- learners, enrolments, completions and certificates at the learner's home centre;
- attendance where the class met, early-childhood sessions where they were run.
Centre admins see their centres, national admins every centre
(lms.centres.scoping.report_centre_ids).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr, TruncMonth
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from curricula.models import CoursePage, Track, TrackPage
from curricula.selectors import default_locale
from lms.centres import scoping
from lms.centres.models import Centre, Province
from lms.certificates.models import Certificate
from lms.classes.models import Attendance, AttendanceStatus
from lms.core.collation import thai_sort_key
from lms.core.thaidate import ENGLISH_MONTHS, format_thai_month
from lms.early_childhood.models import EarlyChildhoodSession
from lms.learning.models import Enrollment
from lms.users.models import User


class Dimension(models.TextChoices):
    PROVINCE = "province", gettext_lazy("Province")
    CENTRE = "centre", gettext_lazy("Centre")
    TRACK = "track", gettext_lazy("Track")
    COURSE = "course", gettext_lazy("Course")
    MONTH = "month", gettext_lazy("Month")


@dataclass(frozen=True)
class ReportFilters:
    date_from: dt.date | None = None  # first day of a month
    date_to: dt.date | None = None  # first day of the last month included
    province_id: int | None = None
    centre_id: int | None = None
    track: str | None = None


@dataclass
class ReportRow:
    key: object
    label: str
    learners: int = 0
    enrolments: int = 0
    completed_enrolments: int = 0
    completions: int = 0
    certificates: int = 0
    class_sessions: int = 0
    present: int = 0
    absent: int = 0
    early_sessions: int = 0
    children: int = 0
    adults: int = 0

    @property
    def completion_rate(self) -> int | None:
        """Share of these enrolments completed so far, in whole per cent."""
        if not self.enrolments:
            return None
        return round(100 * self.completed_enrolments / self.enrolments)

    @property
    def attendance_rate(self) -> int | None:
        counted = self.present + self.absent
        return round(100 * self.present / counted) if counted else None


@dataclass
class Report:
    dimension: str
    filters: ReportFilters
    rows: list[ReportRow]
    totals: ReportRow
    scope: str
    generated_at: dt.datetime = field(default_factory=timezone.now)

    @property
    def max_enrolments(self) -> int:
        return max((row.enrolments for row in self.rows), default=0)


MEASURES = [
    ("learners", gettext_lazy("Learners")),
    ("enrolments", gettext_lazy("Enrolments")),
    ("completions", gettext_lazy("Completions")),
    ("completion_rate", gettext_lazy("Completion rate (%)")),
    ("certificates", gettext_lazy("Certificates")),
    ("class_sessions", gettext_lazy("Class sessions")),
    ("attendance_rate", gettext_lazy("Attendance (%)")),
    ("early_sessions", gettext_lazy("Early-childhood sessions")),
    ("children", gettext_lazy("Children")),
    ("adults", gettext_lazy("Adults")),
]


@dataclass(frozen=True)
class Source:
    """Where a measure's rows point: their centre, course (or activity) and date."""

    centre: str
    course: str | None
    date: str
    is_datetime: bool
    track_path: str | None = None  # page path giving the track, when not the course's


ENROLMENTS = Source(
    centre="user__home_centre", course="course", date="enrolled_at", is_datetime=True
)
COMPLETIONS = Source(
    centre="user__home_centre", course="course", date="completed_at", is_datetime=True
)
CERTIFICATES = Source(
    centre="learner__home_centre", course="course", date="issued_at", is_datetime=True
)
ATTENDANCE = Source(
    centre="session__cohort__centre",
    course="session__cohort__course",
    date="session__date",
    is_datetime=False,
)
EARLY = Source(
    centre="centre", course=None, date="date", is_datetime=False, track_path="activity__path"
)


def _track_paths() -> dict[str, str]:
    """Path of each track page in the site's language → track key."""
    return {
        page.path: page.track
        for page in TrackPage.objects.filter(locale=default_locale()).only("path", "track")
    }


def _month_start(day: dt.date, *, is_datetime: bool):
    if is_datetime:
        return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_default_timezone())
    return day


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def _filtered(
    queryset: models.QuerySet,
    source: Source,
    *,
    centre_ids: set[int] | None,
    filters: ReportFilters,
    track_paths: dict[str, str],
) -> models.QuerySet | None:
    if centre_ids is not None:
        queryset = queryset.filter(**{f"{source.centre}__in": centre_ids})
    if filters.province_id:
        queryset = queryset.filter(**{f"{source.centre}__province_id": filters.province_id})
    if filters.centre_id:
        queryset = queryset.filter(**{source.centre: filters.centre_id})
    if filters.track:
        path = next((p for p, track in track_paths.items() if track == filters.track), None)
        path_field = source.track_path or (f"{source.course}__path" if source.course else None)
        if path is None or path_field is None:
            return None
        queryset = queryset.filter(**{f"{path_field}__startswith": path})
    if filters.date_from:
        queryset = queryset.filter(
            **{
                f"{source.date}__gte": _month_start(
                    filters.date_from, is_datetime=source.is_datetime
                )
            }
        )
    if filters.date_to:
        queryset = queryset.filter(
            **{
                f"{source.date}__lt": _month_start(
                    _next_month(filters.date_to), is_datetime=source.is_datetime
                )
            }
        )
    return queryset


def _group_key(dimension: str, source: Source, track_path_length: int):
    """The GROUP BY expression of one dimension for one source (None: not applicable)."""
    if dimension == Dimension.PROVINCE:
        return models.F(f"{source.centre}__province_id")
    if dimension == Dimension.CENTRE:
        return models.F(source.centre)
    if dimension == Dimension.TRACK:
        path_field = source.track_path or (f"{source.course}__path" if source.course else None)
        return Substr(path_field, 1, track_path_length) if path_field else None
    if dimension == Dimension.COURSE:
        return models.F(source.course) if source.course else None
    if dimension == Dimension.MONTH:
        return TruncMonth(source.date)
    raise ValueError(dimension)


def _normal_key(key):
    # TruncMonth gives an aware datetime for datetime fields (possibly in UTC, by
    # database) and a date for date fields: a month is its first day, locally.
    if isinstance(key, dt.datetime):
        return (timezone.localtime(key) if timezone.is_aware(key) else key).date()
    return key


def _grouped(queryset, key, **aggregates) -> dict:
    if queryset is None or key is None:
        return {}
    rows = queryset.annotate(group=key).values("group").annotate(**aggregates).order_by()
    return {_normal_key(row.pop("group")): row for row in rows}


@dataclass(frozen=True)
class CertificateSource:
    queryset: models.QuerySet
    source: Source


def certificate_source() -> CertificateSource | None:
    """The certificates counted in reports: every valid (not revoked) certificate."""
    return CertificateSource(Certificate.objects.valid(), CERTIFICATES)


def _labels(dimension: str, keys: set, track_paths: dict[str, str]) -> dict:
    none_label = _("No centre")
    if dimension == Dimension.PROVINCE:
        names = {p.pk: str(p) for p in Province.objects.filter(pk__in=keys - {None})}
        return {key: names.get(key, none_label) for key in keys}
    if dimension == Dimension.CENTRE:
        centres = {
            c.pk: f"{c} ({c.province})"
            for c in Centre.objects.filter(pk__in=keys - {None}).select_related("province")
        }
        return {key: centres.get(key, none_label) for key in keys}
    if dimension == Dimension.TRACK:
        labels = dict(Track.choices)
        return {key: str(labels.get(track_paths.get(key), _("Other"))) for key in keys}
    if dimension == Dimension.COURSE:
        titles = dict(CoursePage.objects.filter(pk__in=keys - {None}).values_list("pk", "title"))
        return {key: titles.get(key, "—") for key in keys}
    language = get_language()
    labels = {}
    for key in keys:
        day = key
        labels[key] = (
            f"{ENGLISH_MONTHS[day.month - 1]} {day.year}"
            if language == "en"
            else format_thai_month(day)
        )
    return labels


def _sort_key(dimension: str):
    if dimension == Dimension.MONTH:
        return lambda row: row.key
    return lambda row: (row.key is None, thai_sort_key(str(row.label)))


def centre_report(
    *, user: User, dimension: str = Dimension.CENTRE, filters: ReportFilters | None = None
) -> Report:
    """The report a staff member may see, grouped by `dimension` (a fixed number of queries)."""
    filters = filters or ReportFilters()
    centre_ids = scoping.report_centre_ids(user)
    if centre_ids is not None and filters.centre_id and filters.centre_id not in centre_ids:
        centre_ids = set()  # another centre's figures: nothing
    track_paths = _track_paths()
    path_length = len(next(iter(track_paths), ""))

    def scoped(queryset, source):
        return _filtered(
            queryset, source, centre_ids=centre_ids, filters=filters, track_paths=track_paths
        )

    enrolments = scoped(Enrollment.objects.all(), ENROLMENTS)
    completions = scoped(Enrollment.objects.filter(completed_at__isnull=False), COMPLETIONS)
    attendance = scoped(Attendance.objects.all(), ATTENDANCE)
    early = scoped(EarlyChildhoodSession.objects.all(), EARLY)
    certificates = certificate_source()

    measures = {
        "enrolments": _grouped(
            enrolments,
            _group_key(dimension, ENROLMENTS, path_length),
            enrolments=Count("pk"),
            learners=Count("user", distinct=True),
            completed_enrolments=Count("pk", filter=Q(completed_at__isnull=False)),
        ),
        "completions": _grouped(
            completions,
            _group_key(dimension, COMPLETIONS, path_length),
            completions=Count("pk"),
        ),
        "attendance": _grouped(
            attendance,
            _group_key(dimension, ATTENDANCE, path_length),
            class_sessions=Count("session", distinct=True),
            present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
            absent=Count("pk", filter=Q(status=AttendanceStatus.ABSENT)),
        ),
        "early": _grouped(
            early,
            _group_key(dimension, EARLY, path_length),
            early_sessions=Count("pk"),
            children=Sum(
                models.F("children_age_3")
                + models.F("children_age_4")
                + models.F("children_age_5")
                + models.F("children_age_6")
            ),
            adults=Sum("adults"),
        ),
    }
    if certificates is not None:
        measures["certificates"] = _grouped(
            _filtered(
                certificates.queryset,
                certificates.source,
                centre_ids=centre_ids,
                filters=filters,
                track_paths=track_paths,
            ),
            _group_key(dimension, certificates.source, path_length),
            certificates=Count("pk"),
        )

    keys = set().union(*(grouped.keys() for grouped in measures.values()))
    labels = _labels(dimension, keys, track_paths)
    rows = {key: ReportRow(key=key, label=labels[key]) for key in keys}
    for grouped in measures.values():
        for key, values in grouped.items():
            for name, value in values.items():
                setattr(rows[key], name, value or 0)
    ordered = sorted(rows.values(), key=_sort_key(dimension))

    totals = ReportRow(key=None, label=_("Total"))
    for row in ordered:
        for name in (
            "enrolments",
            "completed_enrolments",
            "completions",
            "certificates",
            "class_sessions",
            "present",
            "absent",
            "early_sessions",
            "children",
            "adults",
        ):
            setattr(totals, name, getattr(totals, name) + getattr(row, name))
    # A learner enrolled in two courses is one learner in the total.
    totals.learners = enrolments.values("user").distinct().count() if enrolments is not None else 0
    if centre_ids is None:
        scope = _("All centres")
    else:
        scope = ", ".join(str(c) for c in Centre.objects.filter(pk__in=centre_ids)) or _(
            "No centre"
        )
    return Report(dimension=dimension, filters=filters, rows=ordered, totals=totals, scope=scope)


def report_table(report: Report) -> tuple[list[str], list[list]]:
    """Headings and rows (totals last) as plain values, for XLSX and CSV."""
    headings = [str(Dimension(report.dimension).label)] + [str(label) for _n, label in MEASURES]
    rows = []
    for row in [*report.rows, report.totals]:
        rows.append([row.label] + [getattr(row, name) for name, _label in MEASURES])
    return headings, rows
