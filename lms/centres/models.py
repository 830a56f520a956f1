"""Centres and who works at them."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lms.core.collation import thai_order


class Region(models.TextChoices):
    NORTH = "north", _("North")
    NORTHEAST = "northeast", _("Northeast")
    CENTRAL = "central", _("Central")
    EAST = "east", _("East")
    WEST = "west", _("West")
    SOUTH = "south", _("South")


class Province(models.Model):
    """Reference data, loaded by a migration: Thailand's 77 provinces."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, unique=True)
    region = models.CharField(_("region"), max_length=16, choices=Region.choices)

    class Meta:
        ordering = [thai_order("name_th")]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name_en if get_language() == "en" else self.name_th


class HostType(models.TextChoices):
    TEMPLE = "temple", _("Temple")
    MOSQUE = "mosque", _("Mosque")
    SCHOOL = "school", _("School")
    LOCAL_OFFICE = "local_office", _("Local government office")
    OTHER = "other", _("Other")


class CentreQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Centre(models.Model):
    code = models.CharField(_("centre code"), max_length=20, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="centres"
    )
    district = models.CharField(_("district (amphoe)"), max_length=100, blank=True)
    subdistrict = models.CharField(_("sub-district (tambon)"), max_length=100, blank=True)
    address = models.TextField(_("address"), blank=True)
    host_type = models.CharField(
        _("hosted by"), max_length=20, choices=HostType.choices, default=HostType.OTHER
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CentreQuerySet.as_manager()

    class Meta:
        ordering = [thai_order("province__name_th"), thai_order("name_th")]
        verbose_name = _("centre")
        verbose_name_plural = _("centres")
        indexes = [models.Index(fields=["province", "name_th"])]

    def __str__(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_th


class StaffRoleKind(models.TextChoices):
    TRAINER = "trainer", _("Trainer")
    CENTRE_ADMIN = "centre_admin", _("Centre admin")


class StaffRole(models.Model):
    """A person's role at one centre. Scope for every staff view comes from these rows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_roles"
    )
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="staff_roles")
    role = models.CharField(_("role"), max_length=20, choices=StaffRoleKind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("staff role")
        verbose_name_plural = _("staff roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "centre", "role"], name="centres_staffrole_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.centre}"


# --- Classes (cohorts), sessions and attendance ------------------------------


class CohortQuerySet(models.QuerySet):
    def current(self, today=None):
        from django.utils import timezone

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


# --- Early-childhood sessions ---------------------------------------------------


class EarlyChildhoodSession(models.Model):
    """An activity plan run with young children at a centre: counted, never named."""

    activity = models.ForeignKey(
        "curricula.ActivityPage",
        verbose_name=_("activity plan"),
        on_delete=models.PROTECT,
        related_name="sessions_run",
    )
    centre = models.ForeignKey(
        Centre,
        verbose_name=_("centre"),
        on_delete=models.PROTECT,
        related_name="early_childhood_sessions",
    )
    date = models.DateField(_("date"))
    children_age_3 = models.PositiveSmallIntegerField(_("children aged 3"), default=0)
    children_age_4 = models.PositiveSmallIntegerField(_("children aged 4"), default=0)
    children_age_5 = models.PositiveSmallIntegerField(_("children aged 5"), default=0)
    children_age_6 = models.PositiveSmallIntegerField(_("children aged 6"), default=0)
    adults = models.PositiveSmallIntegerField(_("adults (parents, carers)"), default=0)
    notes = models.TextField(_("notes"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("early-childhood session")
        verbose_name_plural = _("early-childhood sessions")
        indexes = [
            models.Index(fields=["centre", "-date"], name="centres_ecsession_centre_date"),
            models.Index(fields=["date"], name="centres_ecsession_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(children_age_3__gt=0)
                | models.Q(children_age_4__gt=0)
                | models.Q(children_age_5__gt=0)
                | models.Q(children_age_6__gt=0),
                name="centres_ecsession_has_children",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} · {self.centre} · {self.date:%Y-%m-%d}"

    @property
    def children(self) -> int:
        return self.children_age_3 + self.children_age_4 + self.children_age_5 + self.children_age_6


# --- Bulk enrolment from a spreadsheet -------------------------------------------


class ImportStatus(models.TextChoices):
    CHECKED = "checked", _("Checked, waiting for confirmation")
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Stopped with an error")
    CANCELLED = "cancelled", _("Cancelled")


class ImportBatch(models.Model):
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
    started_at = models.DateTimeField(null=True, blank=True)
    # Moved on each confirmed step; an import whose heartbeat stops is queued again.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Initial passwords are kept for the report only until this time, then erased.
    passwords_purged_at = models.DateTimeField(null=True, blank=True)
    failure = models.TextField(blank=True)

    class Meta:
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
    def percent(self) -> int:
        if not self.valid_rows:
            return 100 if self.status == ImportStatus.DONE else 0
        return min(100, round(100 * self.processed_rows / self.valid_rows))

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED, ImportStatus.CANCELLED)


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
