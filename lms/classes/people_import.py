"""Bulk enrolment: people from a spreadsheet become accounts at a centre and members
of a class.

1. `import_check` reads the file, validates every row and stores the outcome of
   each (new account, already has an account, error) without creating anyone:
   the dry run the admin sees.
2. `import_start` is the admin's confirmation. A file with errors imports only
   when the admin chooses to import the valid rows alone.
3. `import_run` (the Celery task's body) creates the accounts in chunks, each in
   its own transaction, marking rows done as it goes, so a worker that dies
   resumes where it stopped and nothing is created twice.
"""

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from lms.centres import scoping
from lms.centres.models import Centre
from lms.centres.passwords import initial_password_hash, temporary_password_generate
from lms.centres.services import CentreError
from lms.centres.spreadsheets import SpreadsheetError, map_headers, table_read
from lms.core.batches import batch_heartbeat
from lms.users.models import User

from .models import (
    Cohort,
    ImportBatch,
    ImportRow,
    ImportRowOutcome,
    ImportStatus,
    MembershipSource,
)
from .people_rows import (
    HEADER_ALIASES,
    REQUIRED_FIELDS,
    TEMPLATE_HEADINGS,
    row_check,
    rows_check,
    username_base,
    usernames_assign,
)
from .services import member_add

logger = logging.getLogger(__name__)

MAX_ROWS = 10_000
CHUNK_SIZE = 100
PASSWORDS_KEPT_FOR = dt.timedelta(days=7)


class ImportRefused(CentreError):
    """A refused file or confirmation (the whole file, not one row)."""


def _require_importer(actor: User, centre: Centre, cohort: Cohort | None) -> None:
    if not scoping.can_administer(actor, centre.pk):
        raise ImportRefused(_("Only the centre's admins can import people."), code="forbidden")
    if cohort is not None and cohort.centre_id != centre.pk:
        raise ImportRefused(_("The class belongs to another centre."), code="cohort_centre")


def import_check(
    *, actor: User, centre: Centre, cohort: Cohort | None, file_name: str, content: bytes
) -> ImportBatch:
    """The dry run: read and check every row, store the outcomes, create no one.

    Raises ImportRefused (with SpreadsheetError's message) when the file as a whole
    cannot be used: wrong type, unreadable, empty, missing columns, too many rows.
    """
    _require_importer(actor, centre, cohort)
    try:
        table = table_read(name=file_name, content=content, max_rows=MAX_ROWS)
        columns, _unknown = map_headers(table.headers, HEADER_ALIASES)
    except SpreadsheetError as error:
        raise ImportRefused(error.message, code=error.code) from error
    missing = [name for name in REQUIRED_FIELDS if name not in columns]
    if missing:
        raise ImportRefused(
            _(
                "The file has no column for %(columns)s. The first row must hold the column "
                "headings of the template: %(headings)s."
            )
            % {
                "columns": ", ".join(f"“{HEADER_ALIASES[name][0]}”" for name in missing),
                "headings": ", ".join(TEMPLATE_HEADINGS),
            },
            code="missing_columns",
        )
    checks = [row_check(line, cells, columns) for line, cells in table.rows]
    rows_check(actor=actor, checks=checks)

    with transaction.atomic():
        batch = ImportBatch.objects.create(
            centre=centre,
            cohort=cohort,
            created_by=actor,
            file_name=file_name[:255],
            encoding=table.encoding or table.kind,
            total_rows=len(checks),
            valid_rows=sum(1 for c in checks if not c.errors),
            error_rows=sum(1 for c in checks if c.errors),
        )
        ImportRow.objects.bulk_create(
            [
                ImportRow(
                    batch=batch,
                    line=check.line,
                    data={**check.data, "raw": check.raw},
                    outcome=check.outcome,
                    messages=check.errors,
                    user_id=check.existing_user_id,
                )
                for check in checks
            ],
            batch_size=1000,
        )
        log(
            instance=batch,
            action="lms.import.check",
            user=actor,
            data={"rows": batch.total_rows, "errors": batch.error_rows},
        )
    return batch


def import_start(*, actor: User, batch: ImportBatch, only_valid_rows: bool) -> ImportBatch:
    """The admin confirms the dry run; the import runs in the background."""
    from .tasks import import_batch_enqueue

    _require_importer(actor, batch.centre, batch.cohort)
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != ImportStatus.CHECKED:
            raise ImportRefused(_("This file has already been imported."), code="started")
        if batch.error_rows and not only_valid_rows:
            raise ImportRefused(
                _(
                    "Some rows have errors. Fix the file and upload it again, or choose to "
                    "import only the rows without errors."
                ),
                code="has_errors",
            )
        if not batch.valid_rows:
            raise ImportRefused(_("No row can be imported."), code="nothing")
        batch.status = ImportStatus.QUEUED
        batch.only_valid_rows = only_valid_rows
        batch.heartbeat_at = timezone.now()
        batch.save(update_fields=["status", "only_valid_rows", "heartbeat_at"])
        batch.rows.filter(outcome=ImportRowOutcome.ERROR).update(
            outcome=ImportRowOutcome.SKIPPED, processed=True
        )
        log(instance=batch, action="lms.import.start", user=actor)
        transaction.on_commit(lambda: import_batch_enqueue(batch_id=batch.pk))
    return batch


def import_cancel(*, actor: User, batch: ImportBatch) -> ImportBatch:
    """Throw away a checked file that will not be imported."""
    _require_importer(actor, batch.centre, batch.cohort)
    with transaction.atomic():
        updated = ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.CHECKED).update(
            status=ImportStatus.CANCELLED, finished_at=timezone.now()
        )
        if not updated:
            raise ImportRefused(_("This file has already been imported."), code="started")
        log(instance=batch, action="lms.import.cancel", user=actor)
    batch.refresh_from_db()
    return batch


def _create_account(batch: ImportBatch, row: ImportRow) -> tuple[User, str]:
    data = row.data
    password = temporary_password_generate()
    fields = {
        "title_prefix": data["title_prefix"],
        "first_name": data["first_name"],
        "last_name": data["last_name"],
        "first_name_en": data["first_name_en"],
        "last_name_en": data["last_name_en"],
        "birth_year": data["birth_year"],
        "phone": data["phone"],
        "email": data["email"],
        "home_centre_id": batch.centre_id,
        "must_change_password": True,
        "password": initial_password_hash(password),
    }
    username = data["username"]
    for _attempt in range(5):
        try:
            with transaction.atomic():
                user = User.objects.create(username=username, **fields)
            return user, password
        except IntegrityError as error:
            # Someone took the name after the dry run.
            if not data.get("username_generated"):
                raise CentreError(
                    _("The username “%(value)s” was taken after the file was checked.")
                    % {"value": username},
                    code="username_taken",
                ) from error
            username = usernames_assign([username_base(data)], set())[0]
    raise CentreError(_("No free username could be found."), code="username_taken")


def _import_row(batch: ImportBatch, row: ImportRow) -> None:
    """One row, inside the chunk's transaction; the row records what happened."""
    actor = batch.created_by
    row.processed = True
    try:
        if row.outcome == ImportRowOutcome.NEW:
            user, password = _create_account(batch, row)
            row.user, row.initial_password = user, password
            row.data = {**row.data, "username": user.username}
            row.outcome = ImportRowOutcome.CREATED
            # The audit trail of each account is its ImportRow (batch, uploader, time)
            # and the batch's own log entries: a log entry per person would double
            # the time of a large import.
        else:
            user = User.objects.get(pk=row.user_id, anonymised_at__isnull=True)
            row.outcome = ImportRowOutcome.LINKED
    except (CentreError, User.DoesNotExist) as error:
        row.outcome = ImportRowOutcome.FAILED
        row.messages = [getattr(error, "message", _("The account no longer exists."))]
    else:
        if batch.cohort_id is not None:
            try:
                member_add(
                    cohort=batch.cohort, user=user, added_by=actor, source=MembershipSource.IMPORT
                )
            except CentreError as error:
                # The account stands; only joining the class failed. The report says so.
                row.messages = [*row.messages, error.message]
    ImportRow.objects.filter(pk=row.pk).update(
        processed=True,
        outcome=row.outcome,
        messages=row.messages,
        user=row.user_id,
        initial_password=row.initial_password,
        data=row.data,
    )


def import_run(*, batch_id: int) -> ImportBatch | None:
    """Import the confirmed rows, a chunk per transaction; safe to run again after a crash."""
    now = timezone.now()
    started = ImportBatch.objects.filter(
        pk=batch_id, status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING]
    ).update(status=ImportStatus.RUNNING, started_at=now, heartbeat_at=now)
    if not started:
        return None
    batch = ImportBatch.objects.select_related("centre", "cohort", "created_by").get(pk=batch_id)
    if batch.created_by is None or not scoping.can_administer(batch.created_by, batch.centre_id):
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportStatus.FAILED,
            finished_at=timezone.now(),
            failure=_("The person who uploaded the file is no longer an admin of the centre."),
        )
        return batch
    if batch.cohort_id:
        batch.cohort.course  # noqa: B018 - loaded once, not per row
    while True:
        with transaction.atomic():
            rows = list(
                batch.rows.select_for_update(skip_locked=True)
                .filter(processed=False)
                .order_by("line")[:CHUNK_SIZE]
            )
            if not rows:
                break
            for row in rows:
                _import_row(batch, row)
            batch_heartbeat(
                ImportBatch,
                batch_id,
                processed_rows=F("processed_rows") + len(rows),
                created_count=F("created_count")
                + sum(r.outcome == ImportRowOutcome.CREATED for r in rows),
                existing_count=F("existing_count")
                + sum(r.outcome == ImportRowOutcome.LINKED for r in rows),
                failed_count=F("failed_count")
                + sum(r.outcome == ImportRowOutcome.FAILED for r in rows),
            )
    with transaction.atomic():
        ImportBatch.objects.filter(pk=batch_id, status=ImportStatus.RUNNING).update(
            status=ImportStatus.DONE, finished_at=timezone.now()
        )
        batch.refresh_from_db()
        log(
            instance=batch,
            action="lms.import.finish",
            user=batch.created_by,
            data={
                "created": batch.created_count,
                "existing": batch.existing_count,
                "failed": batch.failed_count,
            },
        )
    return batch


def import_passwords_purge(*, older_than: dt.timedelta = PASSWORDS_KEPT_FOR) -> int:
    """Erase the initial passwords kept for import reports after a week."""
    cutoff = timezone.now() - older_than
    batches = ImportBatch.objects.filter(
        passwords_purged_at__isnull=True, finished_at__isnull=False, finished_at__lt=cutoff
    )
    ids = list(batches.values_list("pk", flat=True))
    if not ids:
        return 0
    with transaction.atomic():
        ImportRow.objects.filter(batch_id__in=ids).exclude(initial_password="").update(
            initial_password=""
        )
        ImportBatch.objects.filter(pk__in=ids).update(passwords_purged_at=timezone.now())
    return len(ids)


def import_passwords_erase(*, actor: User, batch: ImportBatch) -> None:
    """The admin has handed the passwords out: erase them from the report now."""
    _require_importer(actor, batch.centre, batch.cohort)
    with transaction.atomic():
        batch.rows.exclude(initial_password="").update(initial_password="")
        ImportBatch.objects.filter(pk=batch.pk).update(passwords_purged_at=timezone.now())
        log(instance=batch, action="lms.import.erase_passwords", user=actor)
