"""Report summaries: the additive figures per centre × page × month, learner sets per
centre × track × month, and the outbox of cells a write made out of date.

How they are kept is in lms.reports.summaries; docs/architecture.md tells the story.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportSummary(models.Model):
    """One cell: a centre (None: learners with no home centre), a course or activity
    page, a month (its first day, in the site's time zone), and the additive measures.

    Centre and page are loose references (no database constraint): a cell outlives
    nothing, the drain deletes cells whose rows are gone.
    """

    centre = models.ForeignKey(
        "centres.Centre",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    month = models.DateField()
    enrolments = models.IntegerField(default=0)
    completed_enrolments = models.IntegerField(default=0)
    completions = models.IntegerField(default=0)
    certificates = models.IntegerField(default=0)
    class_sessions = models.IntegerField(default=0)
    present = models.IntegerField(default=0)
    absent = models.IntegerField(default=0)
    early_sessions = models.IntegerField(default=0)
    children = models.IntegerField(default=0)
    adults = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("report summary")
        indexes = [
            models.Index(fields=["centre", "month"], name="reports_summary_centre_month"),
            models.Index(fields=["month"], name="reports_summary_month"),
        ]

    def __str__(self) -> str:
        return f"{self.centre_id} × {self.page_id} × {self.month:%Y-%m}"


class LearnerSet(models.Model):
    """The learners of one home centre who enrolled in a course of one track in one month.

    `learners` holds their user ids (a serialised Roaring bitmap): unions give distinct
    learners exactly over any months. The counts answer the common questions without
    a union, exactly, because each learner counts in one cell only:
    - in_month: learners here (this track, this month);
    - in_month_any: those of them whose first track that month (by path) is this one,
      so that summing over tracks gives the learners of the month;
    - first_in_track: learners whose first enrolment in this track is this month;
    - first_any: learners whose first enrolment at all is this month (in this track;
      the smallest path when several), so that summing up to a month gives every
      learner until then.
    """

    centre = models.ForeignKey(
        "centres.Centre",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    track_path = models.CharField(max_length=255)  # the track page's path: a prefix
    month = models.DateField()
    learners = models.BinaryField()
    in_month = models.IntegerField(default=0)
    in_month_any = models.IntegerField(default=0)
    first_in_track = models.IntegerField(default=0)
    first_any = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("report learner set")
        indexes = [
            models.Index(fields=["centre", "month"], name="reports_learners_centre_month"),
            models.Index(fields=["month"], name="reports_learners_month"),
        ]

    def __str__(self) -> str:
        return f"{self.centre_id} × {self.track_path} × {self.month:%Y-%m}"


class SummaryChange(models.Model):
    """The outbox: a cell made out of date by a write, in the writer's transaction.

    The drain recomputes each such cell from the source rows and deletes the change.
    """

    centre_id = models.IntegerField(null=True)
    page_id = models.IntegerField(null=True)
    month = models.DateField()
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("report summary change")

    def __str__(self) -> str:
        return f"{self.centre_id} × {self.page_id} × {self.month:%Y-%m}"


class SummaryState(models.Model):
    """One row: when the summaries were last drained or rebuilt."""

    drained_at = models.DateTimeField(null=True)
    rebuilt_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"{self.drained_at}"
