"""Keep the Thai search index in step with publishing, and a course's lessons in step
with its review.

Wagtail announces publishing, unpublishing and moves with its own signals (they
fire from the admin, the moderation workflow, scheduled publishing and code
alike); the index is derived data, like Wagtail's own search index. Deleted
pages lose their entry through the database cascade.

Cancelling a review has no task hook in Wagtail, only the `workflow_cancelled`
signal (sent from the editor's "Cancel workflow", from restarting a review and from
publishing a page under review), so the course review's cancel listens there.
"""

from django.apps import apps
from django.db.models.signals import post_migrate

from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    workflow_cancelled,
)

from .review import course_review_cancel
from .search import search_entry_remove, search_entry_update, search_index_rebuild
from .search_index import search_index_outdated


def _update(sender, instance, **kwargs):
    search_entry_update(page=instance)


def _unpublished(sender, instance, **kwargs):
    # Not `_update`: Wagtail unpublishes a page about to be deleted without saving it, so
    # the instance may still say live, and indexing it would write rows the delete's
    # cascade has already passed over.
    search_entry_remove(page_id=instance.pk)


def _moved(sender, instance, **kwargs):
    for page in instance.get_descendants(inclusive=True).live().specific():
        search_entry_update(page=page)


def _review_cancelled(sender, instance, user=None, **kwargs):
    course_review_cancel(course_review=instance, user=user)


def _migrated(sender, **kwargs):
    # An upgrade whose indexing differs from the stored index's rebuilds it here,
    # so nobody has to remember `rebuild_search`.
    if search_index_outdated():
        search_index_rebuild()


def register() -> None:
    page_published.connect(_update, dispatch_uid="curricula-search-published")
    page_unpublished.connect(_unpublished, dispatch_uid="curricula-search-unpublished")
    post_page_move.connect(_moved, dispatch_uid="curricula-search-moved")
    workflow_cancelled.connect(_review_cancelled, dispatch_uid="curricula-course-review-cancelled")
    post_migrate.connect(
        _migrated, sender=apps.get_app_config("curricula"), dispatch_uid="curricula-search-format"
    )
