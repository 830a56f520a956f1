"""Early-childhood activity sessions run at a centre: children counted, never named."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.centres.models import Centre
from lms.core.thaidate import format_thai_date


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
        db_table = (
            "centres_earlychildhoodsession"  # the table kept its name when the model moved here
        )
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
        # The admin's history keeps this as the entry's name: the activity's title and the
        # date as a Thai reader writes it (Buddhist Era), not ids.
        return session_label(self.activity.title, str(self.centre), self.date)

    @property
    def children(self) -> int:
        return self.children_age_3 + self.children_age_4 + self.children_age_5 + self.children_age_6


def session_label(activity: str, centre: str, date) -> str:
    return f"{activity} · {centre} · {format_thai_date(date, short=True)}"
