"""H5P content uploaded by trainers, and each learner's results in it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class H5PContent(models.Model):
    """One uploaded .h5p package, unpacked under `storage_prefix` in the default storage.

    The package's files never change after upload: a new version is a new upload, so its
    files may be cached for long.
    """

    title = models.CharField(_("title"), max_length=255)
    main_library = models.CharField(_("main library"), max_length=255, editable=False)
    # h5p.json as the package gave it (title, language, licence, dependencies).
    metadata = models.JSONField(_("package details"), default=dict, editable=False)
    storage_prefix = models.CharField(max_length=255, unique=True, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("interactive activity (H5P)")
        verbose_name_plural = _("interactive activities (H5P)")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title


class H5PResult(models.Model):
    """A learner's best and latest score in one activity in one lesson."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_results"
    )
    content = models.ForeignKey(H5PContent, on_delete=models.CASCADE, related_name="results")
    lesson = models.ForeignKey(
        "curricula.LessonPage", on_delete=models.CASCADE, related_name="h5p_results"
    )
    # Scores are kept as H5P reports them: scaled is 0–1, raw out of max.
    best_scaled = models.FloatField(_("best score"), null=True, blank=True)
    last_scaled = models.FloatField(_("latest score"), null=True, blank=True)
    last_raw = models.FloatField(null=True, blank=True)
    last_max = models.FloatField(null=True, blank=True)
    completed = models.BooleanField(_("activity completed"), default=False)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("interactive activity result")
        verbose_name_plural = _("interactive activity results")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content", "lesson"], name="h5p_result_one_per_lesson"
            ),
            models.CheckConstraint(
                condition=models.Q(best_scaled__isnull=True)
                | models.Q(best_scaled__gte=0, best_scaled__lte=1),
                name="h5p_result_best_scaled_0_1",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.content_id} · {self.lesson_id}"

    @property
    def best_percent(self) -> int | None:
        return None if self.best_scaled is None else round(self.best_scaled * 100)
