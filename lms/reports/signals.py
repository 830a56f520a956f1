"""Model signals that mark report summary cells out of date.

A save marks the cells the row counted in before (pre_save) and after (post_save), a
delete the cells it counted in (pre_delete; cascades send it too). A learner's save
marks their rows' cells only when their home centre changed. Bulk writes send no
signals: their services call lms.core.figures.figures_rows_written instead.
"""

from django.db.models.signals import post_save, pre_delete, pre_save

from lms.certificates.models import Certificate
from lms.classes.models import Attendance, CohortSession
from lms.core.figures import FIGURE_LISTENERS
from lms.early_childhood.models import EarlyChildhoodSession
from lms.learning.models import Enrollment
from lms.users.models import User

from .summaries import rows_mark

SOURCE_MODELS = (Enrollment, Certificate, Attendance, CohortSession, EarlyChildhoodSession)
_MOVED = "_report_centre_moved"


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or instance._state.adding or instance.pk is None:
        return
    if sender is User:
        if update_fields is not None and not {"home_centre", "home_centre_id"} & set(update_fields):
            return
        before = User.objects.filter(pk=instance.pk).values_list("home_centre_id", flat=True)
        if list(before) == [instance.home_centre_id]:
            return
        setattr(instance, _MOVED, True)
    rows_mark(model=sender, pks=[instance.pk])


def _after_save(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    if sender is User:
        if not getattr(instance, _MOVED, False):
            return
        delattr(instance, _MOVED)
    rows_mark(model=sender, pks=[instance.pk])


def _before_delete(sender, instance, **kwargs) -> None:
    rows_mark(model=sender, pks=[instance.pk])


def connect() -> None:
    for model in (*SOURCE_MODELS, User):
        uid = f"reports-summaries-{model._meta.label_lower}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}-pre")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"{uid}-post")
    for model in SOURCE_MODELS:
        pre_delete.connect(
            _before_delete,
            sender=model,
            dispatch_uid=f"reports-summaries-{model._meta.label_lower}-del",
        )
    FIGURE_LISTENERS.register(rows_mark)
