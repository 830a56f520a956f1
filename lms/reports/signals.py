"""Model signals that mark report summary cells out of date.

A save marks the cells the row counted in before (pre_save) and after (post_save), a
delete the cells it counted in (pre_delete; cascades send it too). A learner's save
marks their rows' cells only when their home centre changed. Bulk writes send no
signals: their services call lms.core.figures.figures_rows_written instead. Deleting a
centre empties its learners' home centre without signals: marked before. A page moved
to another track queues a rebuild (learner sets are kept per track).
"""

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import post_migrate, post_save, pre_delete, pre_save

from wagtail.signals import post_page_move

from lms.centres.models import Centre
from lms.certificates.models import Certificate
from lms.classes.models import Attendance, CohortSession
from lms.core.figures import FIGURE_LISTENERS
from lms.early_childhood.models import EarlyChildhoodSession
from lms.learning.models import Enrollment
from lms.users.models import User

from .models import SummaryState
from .summaries import rows_mark, summaries_rebuild, track_path_length
from .tasks import summaries_rebuild_send

SOURCE_MODELS = (Enrollment, Certificate, Attendance, CohortSession, EarlyChildhoodSession)
# A save naming only other fields (a certificate's render status, say) moves no figure.
COUNTED_FIELDS = {
    Enrollment: {"user", "user_id", "course", "course_id", "enrolled_at", "completed_at"},
    Certificate: {"learner", "learner_id", "course", "course_id", "issued_at", "revoked_at"},
    Attendance: {"session", "session_id", "status"},
    CohortSession: {"cohort", "cohort_id", "date"},
    User: {"home_centre", "home_centre_id"},
}
_MOVED = "_report_centre_moved"


def _counted(sender, update_fields) -> bool:
    counted = COUNTED_FIELDS.get(sender)
    return update_fields is None or counted is None or bool(counted & set(update_fields))


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or instance._state.adding or instance.pk is None or not _counted(sender, update_fields):
        return
    if sender is User:
        before = User.objects.filter(pk=instance.pk).values_list("home_centre_id", flat=True)
        if list(before) == [instance.home_centre_id]:
            return
        setattr(instance, _MOVED, True)
    rows_mark(model=sender, pks=[instance.pk])


def _after_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or not _counted(sender, update_fields):
        return
    if sender is User:
        if not getattr(instance, _MOVED, False):
            return
        delattr(instance, _MOVED)
    rows_mark(model=sender, pks=[instance.pk])


def _before_delete(sender, instance, **kwargs) -> None:
    rows_mark(model=sender, pks=[instance.pk])


def _before_centre_delete(sender, instance, **kwargs) -> None:
    # Its learners' home centre becomes empty in one UPDATE, without signals.
    rows_mark(
        model=User, pks=User.objects.filter(home_centre=instance).values_list("pk", flat=True)
    )


def _after_page_move(sender, instance, parent_page_before, parent_page_after, **kwargs) -> None:
    # A page moved to another track: the learner sets are per track, rebuild them all
    # (rare; the cells themselves take the track from the page's path when read).
    length = track_path_length()
    if parent_page_before.path[:length] != parent_page_after.path[:length]:
        transaction.on_commit(summaries_rebuild_send, robust=True)


def _after_migrate(sender, using="default", **kwargs) -> None:
    """A database that has never had its summaries built (a new one, or one upgraded from a
    version without them) gets them now, so no report shows zeros over existing rows."""
    if (
        using != DEFAULT_DB_ALIAS
        or SummaryState._meta.db_table not in connections[using].introspection.table_names()
    ):
        return  # migrated only part of the way
    if SummaryState.objects.using(using).filter(rebuilt_at__isnull=False).exists():
        return
    # Nothing written yet (a new database, or one just flushed): the writes will keep them.
    if any(model.objects.using(using).exists() for model in SOURCE_MODELS):
        summaries_rebuild()


def connect(app_config) -> None:
    post_migrate.connect(_after_migrate, sender=app_config, dispatch_uid="reports-summaries-built")
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
    pre_delete.connect(
        _before_centre_delete, sender=Centre, dispatch_uid="reports-summaries-centre"
    )
    post_page_move.connect(_after_page_move, dispatch_uid="reports-summaries-page-move")
    FIGURE_LISTENERS.register(rows_mark)
