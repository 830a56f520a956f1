"""Classes (cohorts) of a course at a centre, their sessions and attendance, and people imports."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.centres.models import Centre
from lms.core.batches import Batch, Progress


class CohortQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(models.Q(end_date__isnull=True) | models.Q(end_date__gte=today))


class Cohort(models.Model):
    """A class: one course run at one centre by its trainers, with dated sessions."""

    centre = models.ForeignKey(
        Centre, verbose_name=_("centre"), on_delete=models.PROTECT, related_name="cohorts"
    )
    # The canonical (Thai) course page, like every learner record.
    course = models.ForeignKey(
        "curricula.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="cohorts",
    )
    name = models.CharField(_("class name"), max_length=200)
    start_date = models.DateField(_("starts on"))
    end_date = models.DateField(_("ends on"), null=True, blank=True)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="cohorts_trained",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CohortQuerySet.as_manager()

    class Meta:
        db_table = "centres_cohort"  # the table kept its name when the model moved here
        ordering = ["-start_date", "name"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        indexes = [
            models.Index(fields=["centre", "-start_date"], name="centres_cohort_centre_start"),
            models.Index(fields=["course"], name="centres_cohort_course"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="centres_cohort_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MembershipSource(models.TextChoices):
    STAFF = "staff", _("Added by staff")
    IMPORT = "import", _("Imported from a spreadsheet")


class CohortMembership(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships"
    )
    source = models.CharField(
        _("added through"),
        max_length=10,
        choices=MembershipSource.choices,
        default=MembershipSource.STAFF,
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "centres_cohortmembership"  # the table kept its name when the model moved here
        verbose_name = _("class member")
        verbose_name_plural = _("class members")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="centres_membership_unique"),
        ]
        indexes = [models.Index(fields=["user"], name="centres_membership_user")]

    def __str__(self) -> str:
        return f"{self.user} · {self.cohort}"


class CohortSession(models.Model):
    """One meeting of a class at the centre (or elsewhere), on one day."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        db_table = "centres_cohortsession"  # the table kept its name when the model moved here
        ordering = ["date", "start_time"]
        verbose_name = _("class session")
        verbose_name_plural = _("class sessions")
        indexes = [models.Index(fields=["cohort", "date"], name="centres_session_cohort_date")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="centres_session_times_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.date:%Y-%m-%d} {self.start_time:%H:%M}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class AttendanceSource(models.TextChoices):
    STAFF = "staff", _("Recorded by staff")
    QR = "qr", _("Checked in with the QR code")


class Attendance(models.Model):
    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(_("attendance"), max_length=10, choices=AttendanceStatus.choices)
    recorded_via = models.CharField(
        _("recorded through"),
        max_length=10,
        choices=AttendanceSource.choices,
        default=AttendanceSource.STAFF,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        db_table = "centres_attendance"  # the table kept its name when the model moved here
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="centres_attendance_unique"),
        ]
        indexes = [
            models.Index(fields=["user", "status"], name="centres_attendance_user"),
            models.Index(fields=["session", "status"], name="centres_attendance_session"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.session_id} · {self.status}"


# --- Bulk enrolment from a spreadsheet -------------------------------------------


class ImportStatus(models.TextChoices):
    CHECKED = "checked", _("Checked, waiting for confirmation")
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Stopped with an error")
    CANCELLED = "cancelled", _("Cancelled")


class ImportBatch(Batch):
    """One uploaded spreadsheet of people: checked first (dry run), imported on confirmation.

    The rows are stored when the file is checked, so the import task works from
    the database, not the upload, and can resume where it stopped.
    """

    centre = models.ForeignKey(
        Centre, verbose_name=_("centre"), on_delete=models.PROTECT, related_name="imports"
    )
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("class"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imports",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    file_name = models.CharField(_("file"), max_length=255)
    encoding = models.CharField(_("text encoding"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.CHECKED
    )
    only_valid_rows = models.BooleanField(_("import only the rows without errors"), default=False)
    total_rows = models.PositiveIntegerField(default=0)
    valid_rows = models.PositiveIntegerField(default=0)
    error_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    existing_count = models.PositiveIntegerField(default=0)
    failed_count = models.PositiveIntegerField(default=0)
    # started_at, heartbeat_at, enqueued_at, finished_at: see lms.core.batches.Batch.
    # Initial passwords are kept for the report only until this time, then erased.
    passwords_purged_at = models.DateTimeField(null=True, blank=True)
    failure = models.TextField(blank=True)

    class Meta:
        db_table = "centres_importbatch"  # the table kept its name when the model moved here
        ordering = ["-created_at"]
        verbose_name = _("learner import")
        verbose_name_plural = _("learner imports")
        indexes = [models.Index(fields=["centre", "-created_at"], name="centres_import_centre")]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def rows_to_import(self) -> int:
        return self.valid_rows

    @property
    def is_running(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)

    def progress_read(self) -> Progress:
        return Progress(
            status=self.status,
            status_label=self.get_status_display(),
            processed=self.processed_rows,
            total=self.valid_rows,
            finished=self.status
            in (ImportStatus.DONE, ImportStatus.FAILED, ImportStatus.CANCELLED),
            counts={
                "created": self.created_count,
                "existing": self.existing_count,
                "failed": self.failed_count,
            },
        )


class ImportRowOutcome(models.TextChoices):
    NEW = "new", _("Will be created")
    EXISTS = "exists", _("Already has an account")
    ERROR = "error", _("Error")
    CREATED = "created", _("Created")
    LINKED = "linked", _("Existing account")
    SKIPPED = "skipped", _("Not imported")
    FAILED = "failed", _("Could not be imported")


class ImportRow(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(_("row in the file"))
    data = models.JSONField(default=dict)
    outcome = models.CharField(max_length=10, choices=ImportRowOutcome.choices)
    messages = models.JSONField(default=list)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    initial_password = models.CharField(max_length=40, blank=True)
    processed = models.BooleanField(default=False)

    class Meta:
        db_table = "centres_importrow"  # the table kept its name when the model moved here
        ordering = ["line"]
        verbose_name = _("imported row")
        verbose_name_plural = _("imported rows")
        constraints = [
            models.UniqueConstraint(fields=["batch", "line"], name="centres_importrow_unique"),
        ]
        indexes = [
            models.Index(fields=["batch", "processed", "line"], name="centres_importrow_todo"),
            models.Index(fields=["batch", "outcome"], name="centres_importrow_outcome"),
        ]

    def __str__(self) -> str:
        return f"{self.batch_id}:{self.line}"
