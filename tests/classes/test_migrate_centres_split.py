"""Moving classes and early-childhood sessions out of centres loses nothing.

A database holding rows in every moved table is taken back to the schema before
the split (centres at 0006, no classes or early_childhood app) with Django's
migration executor, filled through the historical models, and migrated forward
again: every row keeps every column, the tables keep their names, and the
content types keep their ids under the new app labels, so permissions, admin log
entries and Wagtail's log entries still resolve to the moved models.
"""

import datetime as dt
import itertools

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from lms.classes.models import (
    Attendance,
    Cohort,
    CohortMembership,
    CohortSession,
    ImportBatch,
    ImportRow,
)
from lms.early_childhood.models import EarlyChildhoodSession
from tests.factories import ActivityPageFactory, CentreFactory, CoursePageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("centres", "0006_created_at_labels"), ("classes", None), ("early_childhood", None)]
MOVED = {
    "centres_cohort": ("classes", "cohort"),
    "centres_cohort_trainers": None,
    "centres_cohortmembership": ("classes", "cohortmembership"),
    "centres_cohortsession": ("classes", "cohortsession"),
    "centres_attendance": ("classes", "attendance"),
    "centres_importbatch": ("classes", "importbatch"),
    "centres_importrow": ("classes", "importrow"),
    "centres_earlychildhoodsession": ("early_childhood", "earlychildhoodsession"),
}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(
        [key for key in targets if key[1] is not None] or None
    ).apps


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


def table_rows() -> dict[str, list[tuple]]:
    rows = {}
    with connection.cursor() as cursor:
        for table in MOVED:
            cursor.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608 (fixed names)
            columns = [column[0] for column in cursor.description]
            rows[table] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return rows


def fill(old_apps, *, centres, courses, activities, people) -> None:
    """Several rows per moved table, linked to each other, every column set."""
    cohort_model = old_apps.get_model("centres", "Cohort")
    membership_model = old_apps.get_model("centres", "CohortMembership")
    session_model = old_apps.get_model("centres", "CohortSession")
    attendance_model = old_apps.get_model("centres", "Attendance")
    batch_model = old_apps.get_model("centres", "ImportBatch")
    row_model = old_apps.get_model("centres", "ImportRow")
    early_model = old_apps.get_model("centres", "EarlyChildhoodSession")
    now = timezone.now().replace(microsecond=123456)
    numbers = itertools.count(1)
    for centre, course in zip(centres, courses, strict=True):
        for k in range(2):
            cohort = cohort_model.objects.create(
                centre_id=centre.pk,
                course_id=course.pk,
                name=f"รุ่นที่ {next(numbers)} ทดสอบ",
                start_date=dt.date(2025, 1 + k, 5),
                end_date=dt.date(2025, 6 + k, 30) if k else None,
                created_by_id=people[0].pk,
            )
            cohort.trainers.set([people[0].pk, people[1].pk])
            sessions = [
                session_model.objects.create(
                    cohort=cohort,
                    date=dt.date(2025, 2, 1 + day),
                    start_time=dt.time(9, 0),
                    end_time=dt.time(12, 30),
                    place=f"ห้อง {day}",
                    topic=f"หัวข้อ {day}",
                )
                for day in range(3)
            ]
            for index, person in enumerate(people[2:]):
                membership_model.objects.create(
                    cohort=cohort,
                    user_id=person.pk,
                    source="import" if index % 2 else "staff",
                    added_by_id=people[0].pk,
                )
                for session in sessions:
                    attendance_model.objects.create(
                        session=session,
                        user_id=person.pk,
                        status=["present", "absent", "excused"][index % 3],
                        recorded_via="qr" if index % 2 else "staff",
                        recorded_by_id=people[1].pk if index % 2 else None,
                        recorded_at=now - dt.timedelta(hours=index),
                    )
            batch = batch_model.objects.create(
                centre_id=centre.pk,
                cohort=cohort,
                created_by_id=people[0].pk,
                file_name=f"villagers-{k}.xlsx",
                encoding="cp874",
                status="done",
                only_valid_rows=bool(k),
                total_rows=3,
                valid_rows=2,
                error_rows=1,
                processed_rows=3,
                created_count=1,
                existing_count=1,
                failed_count=1,
                started_at=now,
                heartbeat_at=now,
                finished_at=now + dt.timedelta(minutes=1),
                passwords_purged_at=None if k else now,
                failure="" if k else "แถวที่ 3 มีข้อผิดพลาด",
            )
            for line in range(2, 5):
                row_model.objects.create(
                    batch=batch,
                    line=line,
                    data={"first_name": "มาลัย", "last_name": f"ทองคำ {line}", "year": 2540},
                    outcome=["new", "exists", "error"][line % 3],
                    messages=["ตรวจแล้ว", f"แถว {line}"],
                    user_id=people[line].pk if line < 4 else None,
                    initial_password="abc234xyz9" if line == 2 else "",
                    processed=line != 4,
                )
    for centre, activity in zip(centres, activities, strict=True):
        for k in range(3):
            early_model.objects.create(
                activity_id=activity.pk,
                centre_id=centre.pk,
                date=dt.date(2025, 3, 1 + k),
                children_age_3=k,
                children_age_4=k + 1,
                children_age_5=2,
                children_age_6=0,
                adults=k + 2,
                notes=f"บันทึก {k}",
                recorded_by_id=people[1].pk,
            )


def test_moving_the_models_keeps_every_row_and_content_type(early_track, workforce_track):
    centres = [CentreFactory(), CentreFactory()]
    courses = [CoursePageFactory(parent=workforce_track) for _ in centres]
    activities = [ActivityPageFactory(parent=early_track) for _ in centres]
    people = [UserFactory() for _ in range(6)]
    # Content types as a live site has them, used by permissions and both logs.
    for model in (Cohort, CohortMembership, CohortSession, Attendance, ImportBatch, ImportRow):
        ContentType.objects.get_for_model(model)
    ContentType.objects.get_for_model(EarlyChildhoodSession)
    ContentType.objects.clear_cache()
    try:
        old_apps = migrate(BEFORE)
        old_types = {
            (ct.app_label, ct.model): ct.pk
            for ct in ContentType.objects.filter(
                model__in=[moved[1] for moved in MOVED.values() if moved]
            )
        }
        assert {label for label, _model in old_types} == {"centres"}
        fill(old_apps, centres=centres, courses=courses, activities=activities, people=people)
        cohort = old_apps.get_model("centres", "Cohort").objects.order_by("pk").first()
        early = old_apps.get_model("centres", "EarlyChildhoodSession").objects.first()
        cohort_type = old_types["centres", "cohort"]
        early_type = old_types["centres", "earlychildhoodsession"]
        ModelLogEntry.objects.create(
            content_type_id=cohort_type,
            object_id=str(cohort.pk),
            label=cohort.name,
            action="lms.cohort.create",
            timestamp=timezone.now(),
            user_id=people[0].pk,
        )
        LogEntry.objects.create(
            content_type_id=early_type,
            object_id=str(early.pk),
            object_repr="early",
            action_flag=CHANGE,
            user_id=people[0].pk,
        )
        before = table_rows()
        assert all(len(rows) >= 2 for rows in before.values()), before.keys()
    finally:
        ContentType.objects.clear_cache()
        migrate_to_latest()
    ContentType.objects.clear_cache()

    after = table_rows()
    # Every column of every row is kept; later migrations may only add columns (a batch's
    # enqueued_at, lms.core.batches).
    assert {
        table: [{column: row[column] for column in rows[0]} for row in after[table]]
        for table, rows in before.items()
    } == before
    assert set(after["centres_importbatch"][0]) - set(before["centres_importbatch"][0]) == {
        "enqueued_at"
    }
    # The content types are the same rows under the new labels; nothing is left behind.
    for (_old_label, model), pk in old_types.items():
        app_label = "early_childhood" if model == "earlychildhoodsession" else "classes"
        assert ContentType.objects.get(pk=pk).natural_key() == (app_label, model)
    assert not ContentType.objects.filter(app_label="centres", model__in=[m for _a, m in old_types])
    assert ContentType.objects.get_for_model(Cohort).pk == cohort_type
    assert Permission.objects.filter(content_type_id=cohort_type, codename="add_cohort").exists()
    # The moved models read the old rows.
    assert Cohort.objects.count() == len(before["centres_cohort"])
    assert Attendance.objects.filter(session__cohort__centre=centres[0]).count() == len(
        before["centres_attendance"]
    ) // len(centres)
    assert EarlyChildhoodSession.objects.count() == len(before["centres_earlychildhoodsession"])
    # Both logs still name the moved records.
    entry = ModelLogEntry.objects.get(content_type_id=cohort_type)
    assert entry.content_type.model_class() is Cohort
    assert entry.content_type.get_object_for_this_type(pk=entry.object_id).pk == cohort.pk
    admin_entry = LogEntry.objects.get(content_type_id=early_type)
    assert isinstance(admin_entry.get_edited_object(), EarlyChildhoodSession)


def test_an_empty_database_migrates_from_the_start(django_db_blocker):
    """The migration graph applies in order on a database with no tables of ours."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes(), clean_start=True)
    names = [(m.app_label, m.name) for m, _backwards in plan]
    split = names.index(("centres", "0007_move_classes_and_early_childhood_out"))
    assert names.index(("centres", "0004_cohorts_attendance_imports")) < split
    # Data migrations reading the models under their old label come before the move.
    assert names.index(("core", "0002_normalise_typed_text")) < split
    assert split < names.index(("classes", "0001_initial"))
    assert split < names.index(("early_childhood", "0001_initial"))
