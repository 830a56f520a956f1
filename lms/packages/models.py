"""SCORM packages attached to lessons, their launchable items, and each learner's state.

The package's files live in Django's storage under `storage_prefix`; the rows say what
the manifest declared (version, organisation tree, launchable items) and how the package
decides its lesson. A learner's run-time data (CMI) is kept per launchable item.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScormVersion(models.TextChoices):
    SCORM_12 = "1.2", _("SCORM 1.2")
    SCORM_2004_3 = "2004-3", _("SCORM 2004 3rd edition")
    SCORM_2004_4 = "2004-4", _("SCORM 2004 4th edition")


class ScormPackage(models.Model):
    """An uploaded SCORM package playing in one lesson (a lesson has at most one)."""

    title = models.CharField(_("title"), max_length=255)
    lesson = models.ForeignKey(
        "curricula.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="scorm_packages",
    )
    version = models.CharField(_("SCORM version"), max_length=8, choices=ScormVersion.choices)
    manifest_identifier = models.CharField(max_length=255, blank=True)
    # The organisation tree for the table of contents: [{"title", "identifier",
    # "sco" (the ScormSco identifier or ""), "children": [...]}].
    structure = models.JSONField(default=list, blank=True)
    storage_prefix = models.CharField(max_length=255, unique=True, editable=False)
    size_bytes = models.BigIntegerField(_("size (bytes)"), default=0)
    file_count = models.PositiveIntegerField(_("files"), default=0)
    completes_lesson = models.BooleanField(
        _("the package decides when the lesson is done"),
        default=True,
        help_text=_("When on, the lesson is done once every part of the package is completed."),
    )
    counts_as_quiz = models.BooleanField(
        _("count the package's score as the lesson's result"),
        default=False,
        help_text=_("When on, the score is shown with the learner's progress and must pass."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (percent)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to follow the package's own passed or failed."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("SCORM package")
        verbose_name_plural = _("SCORM packages")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["lesson"], name="packages_one_package_per_lesson"),
            models.CheckConstraint(
                condition=models.Q(pass_mark__isnull=True) | models.Q(pass_mark__lte=100),
                name="packages_pass_mark_percent",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_2004(self) -> bool:
        return self.version != ScormVersion.SCORM_12

    @staticmethod
    def new_storage_prefix() -> str:
        # Random, so a package's address cannot be guessed from its id.
        return f"scorm/{uuid.uuid4().hex}"


class ScormSco(models.Model):
    """A launchable item of the package's organisation (a SCO, or an asset item)."""

    package = models.ForeignKey(ScormPackage, on_delete=models.CASCADE, related_name="scos")
    identifier = models.CharField(max_length=255)
    title = models.CharField(max_length=255)
    launch = models.CharField(max_length=2000)
    is_sco = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)
    mastery_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    launch_data = models.TextField(blank=True)

    class Meta:
        ordering = ["package", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["package", "identifier"], name="packages_sco_identifier_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ScormAttempt(models.Model):
    """A learner's run-time data for one launchable item; resumed on any device."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorm_attempts"
    )
    sco = models.ForeignKey(ScormSco, on_delete=models.CASCADE, related_name="attempts")
    cmi = models.JSONField(default=dict, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    # 1.2's lesson_status, or 2004's completion_status.
    completion_status = models.CharField(max_length=20, blank=True)
    success_status = models.CharField(max_length=20, blank=True)
    score_raw = models.FloatField(null=True, blank=True)
    score_min = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    total_seconds = models.PositiveIntegerField(default=0)
    commits = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "sco"], name="packages_one_attempt_per_sco")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.sco}"

    @property
    def completed(self) -> bool:
        return self.completion_status in ("completed", "passed")

    @property
    def score_percent(self) -> float | None:
        """The score as a percentage: scaled when given, else raw within min..max."""
        if self.score_scaled is not None:
            return round(max(0.0, min(1.0, self.score_scaled)) * 100, 1)
        if self.score_raw is None:
            return None
        low = self.score_min if self.score_min is not None else 0.0
        high = self.score_max if self.score_max is not None else 100.0
        if high <= low:
            return None
        return round(max(0.0, min(1.0, (self.score_raw - low) / (high - low))) * 100, 1)
