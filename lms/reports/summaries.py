"""Keeping the report summaries: which cells a write touches, draining the outbox,
rebuilding everything.

A cell is (centre, page, month): the learner's home centre for enrolments,
completions and certificates, the class's centre for attendance, the centre that
ran an early-childhood session; the course (or activity) page; the month of the
row's date in the site's time zone. A write marks its cells out of date with a
SummaryChange row in the writer's transaction (model signals connected in
lms.reports.apps, and lms.core.figures for bulk writes); the drain recomputes every
marked cell from the source rows, so draining twice, or draining a cell that did not
change, is harmless. Only one drain runs at a time (a transaction-level advisory
lock on PostgreSQL), so a slower drain never writes older figures over newer ones.

Learner sets (LearnerSet) hold, per home centre, track and month, the ids of the
learners who enrolled: unions of them count distinct learners exactly.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Substr, TruncMonth
from django.utils import timezone

from pyroaring import BitMap

from curricula.models import TrackPage
from curricula.selectors import default_locale
from lms.certificates.models import Certificate
from lms.classes.models import Attendance, AttendanceStatus, CohortSession
from lms.early_childhood.models import EarlyChildhoodSession
from lms.learning.models import Enrollment
from lms.users.models import User

from .models import LearnerSet, ReportSummary, SummaryChange, SummaryState

Cell = tuple[int | None, int | None, dt.date]  # centre id, page id, first day of the month

MEASURE_FIELDS = (
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
)
DRAIN_BATCH = 500  # changes a drain takes at once
_LOCK_KEY = 0x5EB0_0018  # the advisory lock drains share


@dataclass(frozen=True)
class SummarySource:
    """Rows summed into the cells: where their centre, page and date are, and what they add."""

    rows: Callable[[], models.QuerySet]
    centre: str
    page: str
    date: str
    measures: Callable[[], dict]


SOURCES = [
    SummarySource(
        rows=lambda: Enrollment.objects.all(),
        centre="user__home_centre",
        page="course",
        date="enrolled_at",
        measures=lambda: {
            "enrolments": Count("pk"),
            "completed_enrolments": Count("pk", filter=Q(completed_at__isnull=False)),
        },
    ),
    SummarySource(
        rows=lambda: Enrollment.objects.filter(completed_at__isnull=False),
        centre="user__home_centre",
        page="course",
        date="completed_at",
        measures=lambda: {"completions": Count("pk")},
    ),
    SummarySource(
        rows=lambda: Certificate.objects.valid(),
        centre="learner__home_centre",
        page="course",
        date="issued_at",
        measures=lambda: {"certificates": Count("pk")},
    ),
    SummarySource(
        rows=lambda: Attendance.objects.all(),
        centre="session__cohort__centre",
        page="session__cohort__course",
        date="session__date",
        measures=lambda: {
            # A session belongs to one class, so to one cell: distinct sessions add up.
            "class_sessions": Count("session", distinct=True),
            "present": Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
            "absent": Count("pk", filter=Q(status=AttendanceStatus.ABSENT)),
        },
    ),
    SummarySource(
        rows=lambda: EarlyChildhoodSession.objects.all(),
        centre="centre",
        page="activity",
        date="date",
        measures=lambda: {
            "early_sessions": Count("pk"),
            "children": Sum(
                F("children_age_3")
                + F("children_age_4")
                + F("children_age_5")
                + F("children_age_6")
            ),
            "adults": Sum("adults"),
        },
    ),
]


def month_of(value: dt.date | dt.datetime) -> dt.date:
    """The first day of the value's month, in the site's time zone."""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def track_path_length() -> int:
    """Length of a track page's path (every track sits at the same depth)."""
    path = TrackPage.objects.filter(locale=default_locale()).values_list("path", flat=True).first()
    return len(path or "")


# Which cells rows touch ------------------------------------------------------------


def _enrolment_cells(rows: models.QuerySet) -> set[Cell]:
    cells = set()
    for centre, course, enrolled, completed in rows.values_list(
        "user__home_centre_id", "course_id", "enrolled_at", "completed_at"
    ):
        cells.add((centre, course, month_of(enrolled)))
        if completed:
            cells.add((centre, course, month_of(completed)))
    return cells


def _certificate_cells(rows: models.QuerySet) -> set[Cell]:
    return {
        (centre, course, month_of(issued))
        for centre, course, issued in rows.values_list(
            "learner__home_centre_id", "course_id", "issued_at"
        )
    }


def cells_of(model: type[models.Model], pks: Iterable[int]) -> set[Cell]:
    """The cells these rows of `model` count in, as the database has them now."""
    pks = list(pks)
    if model is Enrollment:
        return _enrolment_cells(Enrollment.objects.filter(pk__in=pks))
    if model is Certificate:
        return _certificate_cells(Certificate.objects.filter(pk__in=pks))
    if model is Attendance:
        rows = Attendance.objects.filter(pk__in=pks).values_list(
            "session__cohort__centre_id", "session__cohort__course_id", "session__date"
        )
        return {(centre, course, month_of(day)) for centre, course, day in rows}
    if model is CohortSession:
        rows = CohortSession.objects.filter(pk__in=pks).values_list(
            "cohort__centre_id", "cohort__course_id", "date"
        )
        return {(centre, course, month_of(day)) for centre, course, day in rows}
    if model is EarlyChildhoodSession:
        rows = EarlyChildhoodSession.objects.filter(pk__in=pks).values_list(
            "centre_id", "activity_id", "date"
        )
        return {(centre, activity, month_of(day)) for centre, activity, day in rows}
    if model is User:  # a learner's rows count at their home centre
        return _enrolment_cells(Enrollment.objects.filter(user_id__in=pks)) | _certificate_cells(
            Certificate.objects.filter(learner_id__in=pks)
        )
    return set()


def cells_mark(cells: Iterable[Cell]) -> None:
    """Record the cells as out of date (in the caller's transaction) and have them drained
    once it commits."""
    changes = [SummaryChange(centre_id=c, page_id=p, month=m) for c, p, m in set(cells)]
    if not changes:
        return
    SummaryChange.objects.bulk_create(changes)
    _drain_after_commit()


def rows_mark(*, model: type[models.Model], pks: Iterable[int]) -> None:
    """The listener lms.core.figures calls after a bulk write."""
    cells_mark(cells_of(model, pks))


def _drain_after_commit() -> None:
    from .tasks import summaries_drain_send  # noqa: PLC0415 - the task module imports this one

    pending = transaction.get_connection().run_on_commit
    if any(callback is summaries_drain_send for _ids, callback, _robust in pending):
        return
    transaction.on_commit(summaries_drain_send, robust=True)


# Recomputing cells ---------------------------------------------------------------


def _in(field: str, values: set) -> Q:
    """`field` in `values`, where None stands for a missing value (SQL NULL)."""
    known = {value for value in values if value is not None}
    condition = Q(**{f"{field}__in": known}) if known else Q(pk__in=[])
    return condition | Q(**{f"{field}__isnull": True}) if None in values else condition


def _month_start(day: dt.date, date_field: models.Field):
    if isinstance(date_field, models.DateTimeField):
        return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_default_timezone())
    return day


@dataclass(frozen=True)
class Scope:
    """Which cells to recompute: centres × pages × months [start, end). None: all."""

    centres: set | None = None
    pages: set | None = None
    start: dt.date | None = None
    end: dt.date | None = None


def _grouped(source: SummarySource, scope: Scope) -> models.QuerySet:
    rows = source.rows()
    if scope.centres is not None:
        rows = rows.filter(_in(source.centre, scope.centres))
    if scope.pages is not None:
        rows = rows.filter(_in(source.page, scope.pages))
    date_field = _field(rows.model, source.date)
    if scope.start is not None:
        rows = rows.filter(**{f"{source.date}__gte": _month_start(scope.start, date_field)})
    if scope.end is not None:
        rows = rows.filter(**{f"{source.date}__lt": _month_start(scope.end, date_field)})
    return (
        rows.annotate(
            cell_centre=F(source.centre),
            cell_page=F(source.page),
            cell_month=TruncMonth(source.date, output_field=models.DateField()),
        )
        .values("cell_centre", "cell_page", "cell_month")
        .annotate(**source.measures())
        .order_by()
    )


def _field(model: type[models.Model], path: str) -> models.Field:
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model._meta.get_field(name)


def _summaries_in(scope: Scope) -> list[ReportSummary]:
    cells: dict[Cell, dict] = defaultdict(dict)
    for source in SOURCES:
        for row in _grouped(source, scope):
            key = (row.pop("cell_centre"), row.pop("cell_page"), month_of(row.pop("cell_month")))
            cells[key].update({name: value or 0 for name, value in row.items()})
    return [
        ReportSummary(centre_id=c, page_id=p, month=m, **values)
        for (c, p, m), values in cells.items()
        if any(values.values())
    ]


def _learner_sets_in(centres: set | None, path_length: int) -> list[LearnerSet]:
    """The learner sets of these home centres (None: all), every track and month.

    A learner's first enrolment decides cells in months after the one that changed,
    so a centre's sets are always recomputed whole (a centre has hundreds or a few
    thousand enrolments).
    """
    rows = Enrollment.objects.all()
    if centres is not None:
        rows = rows.filter(_in("user__home_centre", centres))
    rows = (
        rows.annotate(
            cell_track=Substr("course__path", 1, path_length),
            cell_month=TruncMonth("enrolled_at", output_field=models.DateField()),
        )
        .values_list("user_id", "user__home_centre_id", "cell_track", "cell_month")
        .order_by("user_id")
    )
    sets: dict[tuple, LearnerSet] = {}

    def cell(centre, track, month) -> LearnerSet:
        key = (centre, track, month)
        if key not in sets:
            sets[key] = LearnerSet(centre_id=centre, track_path=track, month=month)
            sets[key].bitmap = BitMap()
        return sets[key]

    for user, entries in groupby(rows.iterator(chunk_size=50_000), key=itemgetter(0)):
        seen = sorted({(month_of(month), track, centre) for _u, centre, track, month in entries})
        centre = seen[0][2]
        firsts_in_track: dict[str, dt.date] = {}
        months_seen: set[dt.date] = set()
        for month, track, _centre in seen:  # by month, then track path
            here = cell(centre, track, month)
            here.bitmap.add(user)
            if month not in months_seen:
                months_seen.add(month)
                here.in_month_any += 1
            if track not in firsts_in_track:
                firsts_in_track[track] = month
                here.first_in_track += 1
        cell(centre, seen[0][1], seen[0][0]).first_any += 1
    for learner_set in sets.values():
        learner_set.learners = learner_set.bitmap.serialize()
        learner_set.in_month = len(learner_set.bitmap)
    return list(sets.values())


def _scope_filter(scope: Scope) -> Q:
    condition = Q()
    if scope.centres is not None:
        condition &= _in("centre_id", scope.centres)
    if scope.pages is not None:
        condition &= _in("page_id", scope.pages)
    if scope.start is not None:
        condition &= Q(month__gte=scope.start)
    if scope.end is not None:
        condition &= Q(month__lt=scope.end)
    return condition


def summaries_recompute(scope: Scope, *, path_length: int) -> None:
    """Replace the summaries and learner sets in `scope` with figures from the source rows."""
    ReportSummary.objects.filter(_scope_filter(scope)).delete()
    ReportSummary.objects.bulk_create(_summaries_in(scope), batch_size=5000)
    # Learner sets: the centres' sets whole (every track and month).
    learner_sets = LearnerSet.objects.all()
    if scope.centres is not None:
        learner_sets = learner_sets.filter(_in("centre_id", scope.centres))
    learner_sets.delete()
    LearnerSet.objects.bulk_create(_learner_sets_in(scope.centres, path_length), batch_size=5000)


def _lock(*, wait: bool) -> bool:
    if connection.vendor != "postgresql":
        return True  # SQLite: one writer at a time anyway
    with connection.cursor() as cursor:
        if wait:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
            return True
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_LOCK_KEY])
        return cursor.fetchone()[0]


def _state_set(**fields) -> None:
    SummaryState.objects.update_or_create(pk=1, defaults=fields)


def summaries_drain(*, limit: int = DRAIN_BATCH, wait: bool = True) -> int:
    """Recompute the cells of the oldest `limit` changes; how many changes were drained.

    With wait=False, return 0 at once when another drain is running.
    """
    with transaction.atomic():
        if not _lock(wait=wait):
            return 0
        changes = list(
            SummaryChange.objects.order_by("pk").values_list("pk", "centre_id", "page_id", "month")[
                :limit
            ]
        )
        if not changes:
            return 0
        # Centre by centre: the cells recomputed are that centre's pages × months, not
        # the cross product of every centre, page and month in the batch.
        by_centre: dict[int | None, list[tuple]] = defaultdict(list)
        for _pk, centre, page, month in changes:
            by_centre[centre].append((page, month))
        path_length = track_path_length()
        for centre, cells in by_centre.items():
            months = {month for _page, month in cells}
            summaries_recompute(
                Scope(
                    centres={centre},
                    pages={page for page, _month in cells},
                    start=min(months),
                    end=next_month(max(months)),
                ),
                path_length=path_length,
            )
        SummaryChange.objects.filter(pk__in=[change[0] for change in changes]).delete()
        _state_set(drained_at=timezone.now())
    return len(changes)


def summaries_drain_all() -> int:
    drained = total = summaries_drain()
    while drained:
        drained = summaries_drain()
        total += drained
    return total


SYNC_DRAIN_LIMIT = 200  # without a worker, a report drains an outbox this short itself


def summaries_freshen() -> dt.datetime:
    """The time the summaries are exact as of: now with nothing pending, otherwise the
    oldest change not yet drained (the figures miss it and what came after).

    Where tasks run in-process (no broker: a first run, the tests, whose transactions
    never commit), nothing else drains: the report drains a short outbox itself. With
    a worker, the page never does a worker's job; it says how fresh it is.
    """
    pending = list(
        SummaryChange.objects.order_by("pk").values_list("created_at", flat=True)[
            : SYNC_DRAIN_LIMIT + 1
        ]
    )
    if (
        pending
        and settings.CELERY_TASK_ALWAYS_EAGER
        and len(pending) <= SYNC_DRAIN_LIMIT
        and summaries_drain(limit=SYNC_DRAIN_LIMIT, wait=False)
    ):
        pending = list(
            SummaryChange.objects.order_by("pk").values_list("created_at", flat=True)[:1]
        )
    return pending[0] if pending else timezone.now()


def summaries_rebuild() -> None:
    """Every summary and learner set again from the source rows, in one transaction."""
    with transaction.atomic():
        _lock(wait=True)
        SummaryChange.objects.all().delete()
        if connection.vendor == "postgresql":
            _rebuild_in_sql()
        else:
            summaries_recompute(Scope(), path_length=track_path_length())
        _state_set(drained_at=timezone.now(), rebuilt_at=timezone.now())


def _rebuild_in_sql() -> None:
    """INSERT … SELECT … GROUP BY: the database sums every source, nothing passes Python."""
    parts, params = [], []
    for source in SOURCES:
        sql, source_params = _grouped(source, Scope()).query.sql_with_params()
        measures = set(source.measures())
        columns = ", ".join(
            f"COALESCE(part.{name}, 0)" if name in measures else "0" for name in MEASURE_FIELDS
        )
        parts.append(
            "SELECT part.cell_centre, part.cell_page, part.cell_month::date AS cell_month, "  # noqa: S608 - SQL the ORM compiled
            f"{columns} FROM ({sql}) AS part"
        )
        params.extend(source_params)
    table = ReportSummary._meta.db_table
    sums = ", ".join(f"SUM(m{n})" for n in range(len(MEASURE_FIELDS)))
    renamed = ", ".join(f"m{n}" for n in range(len(MEASURE_FIELDS)))
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {table}")  # noqa: S608 - our own table name
        cursor.execute(
            f"INSERT INTO {table} (centre_id, page_id, month, {', '.join(MEASURE_FIELDS)}) "  # noqa: S608
            f"SELECT centre, page, month, {sums} FROM ("
            + " UNION ALL ".join(parts)
            + f") AS cells (centre, page, month, {renamed}) GROUP BY centre, page, month",
            params,
        )
    LearnerSet.objects.all().delete()
    LearnerSet.objects.bulk_create(_learner_sets_in(None, track_path_length()), batch_size=5000)
