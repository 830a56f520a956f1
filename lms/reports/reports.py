"""Centre and national reports: learners, enrolments, completions, certificates,
attendance and early-childhood sessions, by province, centre, track, course or month.

Every figure is read from the summaries (lms.reports.summaries): one GROUP BY over
the cells of centre × course × month for the additive measures, and unions of the
learner sets (centre × track × month) for distinct learners, exact. Where a figure
is counted:
- learners, enrolments, completions and certificates at the learner's current home
  centre (revoked certificates not at all);
- attendance where the class met, early-childhood sessions where they were run;
- the track from the course's (or activity's) page path, as the page stands now.
Centre admins see their centres, national admins every centre
(lms.centres.scoping.report_centre_ids).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Sum
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from pyroaring import BitMap

from curricula.models import CoursePage, Track, TrackPage
from curricula.selectors import default_locale
from lms.centres import scoping
from lms.centres.models import Centre, Province
from lms.core.collation import thai_sort_key
from lms.core.thaidate import ENGLISH_MONTHS, format_date, format_thai_month
from lms.users.models import User

from .models import LearnerSet, ReportSummary
from .summaries import MEASURE_FIELDS, summaries_freshen


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
    figures_as_of: dt.datetime | None = None  # the summaries hold every change before this

    @property
    def max_enrolments(self) -> int:
        return max((row.enrolments for row in self.rows), default=0)

    @property
    def figures_as_of_label(self) -> str:
        """ "10:42" today; with the date ("3 ธันวาคม พ.ศ. 2569 23:10") when older."""
        if self.figures_as_of is None:
            return ""
        moment = timezone.localtime(self.figures_as_of)
        if moment.date() == timezone.localdate():
            return f"{moment:%H:%M}"
        return f"{format_date(moment, get_language())} {moment:%H:%M}"


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


def _track_paths() -> dict[str, str]:
    """Path of each track page in the site's language → track key."""
    return {
        page.path: page.track
        for page in TrackPage.objects.filter(locale=default_locale()).only("path", "track")
    }


def _scoped(queryset, *, centre_ids, filters: ReportFilters, track_field: str, track_path):
    """Cells (summaries or learner sets) the staff member may see, within the filters."""
    if centre_ids is not None:
        queryset = queryset.filter(centre_id__in=centre_ids)
    if filters.province_id:
        queryset = queryset.filter(centre__province_id=filters.province_id)
    if filters.centre_id:
        queryset = queryset.filter(centre_id=filters.centre_id)
    if filters.track:
        queryset = queryset.filter(**{track_field: track_path})
    if filters.date_from:
        queryset = queryset.filter(month__gte=filters.date_from.replace(day=1))
    if filters.date_to:
        queryset = queryset.filter(month__lte=filters.date_to.replace(day=1))
    return queryset


def _normal_key(key):
    # A month is its first day (the summaries hold dates).
    if isinstance(key, dt.datetime):
        return (timezone.localtime(key) if timezone.is_aware(key) else key).date()
    return key


def _summary_key(dimension: str, path_length: int):
    return {
        Dimension.PROVINCE: models.F("centre__province_id"),
        Dimension.CENTRE: models.F("centre_id"),
        Dimension.TRACK: Substr("page__path", 1, path_length),
        Dimension.COURSE: models.F("page_id"),
        Dimension.MONTH: models.F("month"),
    }[dimension]


def _learner_key(dimension: str):
    return {
        Dimension.PROVINCE: "centre__province_id",
        Dimension.CENTRE: "centre_id",
        Dimension.TRACK: "track_path",
        Dimension.MONTH: "month",
    }.get(dimension)


def _labels(dimension: str, keys: set, track_paths: dict[str, str]) -> dict:
    none_label = _("No centre")
    if dimension == Dimension.PROVINCE:
        names = {p.pk: str(p) for p in Province.objects.filter(pk__in=keys - {None})}
        return {key: names.get(key, none_label) for key in keys}
    if dimension == Dimension.CENTRE:
        # Plain values, not model instances: a national report names 2,000 centres.
        english = get_language() == "en"
        centres = {
            pk: f"{(name_en if english and name_en else name_th)} "
            f"({province_en if english else province_th})"
            for pk, name_th, name_en, province_th, province_en in Centre.objects.filter(
                pk__in=keys - {None}
            ).values_list("pk", "name_th", "name_en", "province__name_th", "province__name_en")
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


def _learners(learner_sets, *, dimension: str, filters: ReportFilters, key: str | None):
    """Distinct learners per row and in all, exactly: from the sets' counts where they
    add up (every month until date_to, or one month per row), else from unions."""
    one_track = bool(filters.track)
    if filters.date_from is None:
        # Everyone enrolled until date_to: each learner counts in the month they first
        # enrolled (in the track, for a row per track or a chosen track).
        total_count = "first_in_track" if one_track else "first_any"
        row_count = "first_in_track" if one_track or dimension == Dimension.TRACK else total_count
        if dimension == Dimension.MONTH:
            row_count = "in_month" if one_track else "in_month_any"
        rows = {}
        if key:
            grouped = learner_sets.values(key).annotate(n=Sum(row_count)).order_by()
            rows = {_normal_key(row[key]): row["n"] for row in grouped}
        if dimension in (Dimension.CENTRE, Dimension.PROVINCE):
            return rows, sum(rows.values())  # a learner has one home centre
        return rows, learner_sets.aggregate(total=Sum(total_count))["total"] or 0
    rows = {}
    if dimension == Dimension.MONTH:
        # One month per row: the learners of that month add up over centres.
        grouped = (
            learner_sets.values("month")
            .annotate(n=Sum("in_month" if one_track else "in_month_any"))
            .order_by()
        )
        rows = {row["month"]: row["n"] for row in grouped}
    by_key: dict[object, list[BitMap]] = defaultdict(list)
    for group, learners in learner_sets.values_list(key or "month", "learners"):
        by_key[_normal_key(group) if key and dimension != Dimension.MONTH else None].append(
            BitMap.deserialize(bytes(learners))
        )
    unions = {group: BitMap.union(*sets) for group, sets in by_key.items()}
    if key and dimension != Dimension.MONTH:
        rows = {group: len(union) for group, union in unions.items()}
    return rows, len(BitMap.union(*unions.values())) if unions else 0


def centre_report(
    *, user: User, dimension: str = Dimension.CENTRE, filters: ReportFilters | None = None
) -> Report:
    """The report a staff member may see, grouped by `dimension` (a fixed number of queries).

    Read from the summaries (lms.reports.summaries); `figures_as_of` says how fresh.
    """
    filters = filters or ReportFilters()
    figures_as_of = summaries_freshen()
    centre_ids = scoping.report_centre_ids(user)
    if centre_ids is not None and filters.centre_id and filters.centre_id not in centre_ids:
        centre_ids = set()  # another centre's figures: nothing
    track_paths = _track_paths()
    path_length = len(next(iter(track_paths), ""))
    track_path = next((p for p, track in track_paths.items() if track == filters.track), None)
    unknown_track = bool(filters.track) and track_path is None

    summaries = _scoped(
        ReportSummary.objects.all(),
        centre_ids=centre_ids,
        filters=filters,
        track_field="page__path__startswith",
        track_path=track_path,
    )
    if dimension == Dimension.COURSE:
        # Early-childhood sessions have an activity, not a course: the course rows leave
        # them out. Course cells never hold early-childhood sessions, activity cells
        # nothing else.
        summaries = summaries.filter(early_sessions=0)
    grouped = (
        []
        if unknown_track
        else summaries.annotate(group=_summary_key(dimension, path_length))
        .values("group")
        .annotate(**{name: Sum(name) for name in MEASURE_FIELDS})
        .order_by()
    )
    figures = {_normal_key(row.pop("group")): row for row in grouped}

    learner_sets = _scoped(
        LearnerSet.objects.all(),
        centre_ids=centre_ids,
        filters=filters,
        track_field="track_path",
        track_path=track_path,
    )
    learner_key = _learner_key(dimension)
    learners, total_learners = (
        ({}, 0)
        if unknown_track
        else _learners(learner_sets, dimension=dimension, filters=filters, key=learner_key)
    )

    keys = set(figures) | (set(learners) if learner_key else set())
    labels = _labels(dimension, keys, track_paths)
    rows = {key: ReportRow(key=key, label=labels[key]) for key in keys}
    for key, values in figures.items():
        for name, value in values.items():
            setattr(rows[key], name, value or 0)
    for row in rows.values():
        # A learner enrolls in a course once: a course's learners are its enrolments.
        row.learners = learners.get(row.key, 0) if learner_key else row.enrolments
    ordered = sorted(
        (
            row
            for row in rows.values()
            if row.learners or any(getattr(row, n) for n in MEASURE_FIELDS)
        ),
        key=_sort_key(dimension),
    )

    totals = ReportRow(key=None, label=_("Total"))
    for row in ordered:
        for name in MEASURE_FIELDS:
            setattr(totals, name, getattr(totals, name) + getattr(row, name))
    # A learner enrolled in two courses is one learner in the total.
    totals.learners = total_learners
    if centre_ids is None:
        scope = _("All centres")
    else:
        scope = ", ".join(str(c) for c in Centre.objects.filter(pk__in=centre_ids)) or _(
            "No centre"
        )
    return Report(
        dimension=dimension,
        filters=filters,
        rows=ordered,
        totals=totals,
        scope=scope,
        figures_as_of=figures_as_of,
    )


def report_table(report: Report) -> tuple[list[str], list[list]]:
    """Headings and rows (totals last) as plain values, for XLSX and CSV."""
    headings = [str(Dimension(report.dimension).label)] + [str(label) for _n, label in MEASURES]
    rows = []
    for row in [*report.rows, report.totals]:
        rows.append([row.label] + [getattr(row, name) for name, _label in MEASURES])
    return headings, rows
