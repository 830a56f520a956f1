"""One review for a whole course.

A course goes through the curriculum workflow like any page. When it is submitted,
each of its lessons with unpublished changes is submitted with it (its own review is
started or resumed and linked to the course's); the reviewer sees the whole change in
one dialog and decides once, and the decision is applied to every linked lesson that
is still waiting. Cancelling the course's review cancels the lessons' reviews that it
started or resumed. A lesson can still be submitted and decided on its own.

Quizzes and assignments are not moderated pages: they hang off a lesson or a course and
reach learners with it. Apps that own such parts describe them for the review through
the `register_course_review_parts` hook (see `ReviewPart`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils.translation import pgettext_lazy

from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import Page, TaskState, WorkflowState

from .models import CoursePage, CourseReviewLesson, LessonPage

PARTS_HOOK = "register_course_review_parts"

NEW = "new"
CHANGED = "changed"
UNCHANGED = "unchanged"
CHANGE_LABELS = {
    NEW: pgettext_lazy("course review", "New"),
    CHANGED: pgettext_lazy("course review", "Changed since it was last published"),
    UNCHANGED: pgettext_lazy("course review", "No change"),
}


@dataclass(frozen=True)
class ReviewPart:
    """Something that reaches learners with a lesson or course (a quiz, an assignment)."""

    page_id: int
    kind: str
    title: str
    change: str
    note: str = ""
    url: str = ""

    @property
    def change_label(self) -> str:
        return CHANGE_LABELS[self.change]


@dataclass
class ReviewItem:
    page: Page
    kind: str
    change: str
    url: str
    compare_url: str
    view_url: str
    status: str = ""
    parts: list[ReviewPart] = field(default_factory=list)

    @property
    def change_label(self) -> str:
        return CHANGE_LABELS[self.change]


@dataclass
class CourseReviewSummary:
    course: ReviewItem
    lessons: list[ReviewItem]
    unchanged_lessons: list[Page]

    @property
    def items(self) -> list[ReviewItem]:
        return [self.course, *self.lessons]


def change_since(*, published_at: datetime | None, created_at: datetime, updated_at: datetime):
    """Whether a part is new, changed or unchanged since its page was last published."""
    if published_at is None or created_at > published_at:
        return NEW
    return CHANGED if updated_at > published_at else UNCHANGED


def _lessons_to_review(course: CoursePage):
    return LessonPage.objects.child_of(course).filter(has_unpublished_changes=True).order_by("path")


@transaction.atomic
def course_review_lessons_include(*, course_review: WorkflowState, user) -> list[LessonPage]:
    """Submit the course's lessons that have unpublished changes along with the course.

    A lesson not in review starts its own review; one whose changes were requested is
    resubmitted; one already waiting is linked as it is. Each link remembers the review
    step started or resumed here, which `course_review_cancel` relies on. Returns the
    lessons linked now.
    """
    course = course_review.content_object.specific
    included = []
    for lesson in _lessons_to_review(course):
        state = lesson.current_workflow_state
        started = None
        if state is None:
            workflow = lesson.get_workflow()
            if workflow is None or not workflow.active:
                continue
            state = workflow.start(lesson, user)
            started = state.current_task_state
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user=user)
            started = state.current_task_state
        link, created = CourseReviewLesson.objects.get_or_create(
            course_review=course_review,
            lesson_review=state,
            defaults={"started_task_state": started},
        )
        if started is not None and not created:
            # Resubmitting the course resumed a lesson that its earlier decision sent back.
            link.started_task_state = started
            link.save(update_fields=["started_task_state"])
        included.append(lesson)
    if included:
        log(
            instance=course,
            action="curricula.course_review.include",
            user=user,
            data={"lessons": [{"id": lesson.pk, "title": lesson.title} for lesson in included]},
        )
    return included


def _waiting_lesson_task_states(course_review: WorkflowState) -> list[TaskState]:
    links = CourseReviewLesson.objects.filter(
        course_review=course_review,
        lesson_review__status=WorkflowState.STATUS_IN_PROGRESS,
        lesson_review__current_task_state__status=TaskState.STATUS_IN_PROGRESS,
    ).select_related("lesson_review__current_task_state__task")
    return [link.lesson_review.current_task_state for link in links]


@transaction.atomic
def course_review_decide(*, task_state: TaskState, user, action: str, comment: str = "") -> list:
    """Approve a course's review or request changes, and do the same for every lesson
    submitted with it that is still waiting (lessons the reviewer already decided on
    their own keep that decision). Approving publishes them all.

    Returns the lessons decided along with the course.
    """
    if action not in ("approve", "reject"):
        raise ValueError(f"unknown review action {action!r}")
    course_review = task_state.workflow_state
    course = course_review.content_object.specific
    lesson_states = _waiting_lesson_task_states(course_review)
    if action == "approve":
        task_state.approve(user=user, comment=comment)
    else:
        task_state.reject(user=user, comment=comment)

    decided = []
    for lesson_state in lesson_states:
        lesson = lesson_state.workflow_state.content_object.specific
        allowed = [
            name for name, _label, _modal in lesson_state.task.specific.get_actions(lesson, user)
        ]
        if action not in allowed:
            continue
        if action == "approve":
            lesson_state.approve(user=user, comment=comment)
        else:
            lesson_state.reject(user=user, comment=comment)
        decided.append(lesson)
    log(
        instance=course,
        action=f"curricula.course_review.{action}",
        user=user,
        data={
            "lessons": [{"id": lesson.pk, "title": lesson.title} for lesson in decided],
            "comment": comment,
        },
    )
    return decided


@transaction.atomic
def course_review_cancel(*, course_review: WorkflowState, user) -> list[LessonPage]:
    """Cancel, as `user`, the reviews of the lessons that the course's review started or
    resumed and that are still waiting on that step, once the course's review has been
    cancelled. A lesson the trainer had sent on its own keeps its review, and a lesson
    already decided keeps its decision.

    Returns the lessons whose review was cancelled.
    """
    links = (
        CourseReviewLesson.objects.filter(
            course_review=course_review,
            started_task_state__status=TaskState.STATUS_IN_PROGRESS,
            lesson_review__status=WorkflowState.STATUS_IN_PROGRESS,
            lesson_review__current_task_state=F("started_task_state"),
        )
        # A reviewer deciding the lesson at the same moment either finishes first (and
        # the lesson no longer matches) or waits for the cancel.
        .select_for_update(of=("lesson_review",))
        .select_related("lesson_review")
        .order_by("pk")
    )
    cancelled = []
    for link in links:
        lesson_review = link.lesson_review
        lesson_review.cancel(user=user)
        cancelled.append(lesson_review.content_object)
    if cancelled:
        course = course_review.content_object.specific
        log(
            instance=course,
            action="curricula.course_review.cancel",
            user=user,
            data={"lessons": [{"id": lesson.pk, "title": lesson.title} for lesson in cancelled]},
        )
    return cancelled


def _page_item(page: Page, revision_id: int | None, kind: str) -> ReviewItem:
    published = page.live_revision_id is not None or page.last_published_at is not None
    if not published:
        change = NEW
    elif page.has_unpublished_changes:
        change = CHANGED
    else:
        change = UNCHANGED
    revision_id = revision_id or page.latest_revision_id
    compare_url = view_url = ""
    if change == CHANGED and revision_id:
        compare_url = reverse(
            "wagtailadmin_pages:revisions_compare", args=(page.pk, "live", revision_id)
        )
    if revision_id:
        view_url = reverse("wagtailadmin_pages:revisions_view", args=(page.pk, revision_id))
    return ReviewItem(
        page=page,
        kind=kind,
        change=change,
        url=reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        compare_url=compare_url,
        view_url=view_url,
    )


STATUS_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: pgettext_lazy("course review", "Waiting for review"),
    WorkflowState.STATUS_APPROVED: pgettext_lazy("course review", "Approved"),
    WorkflowState.STATUS_NEEDS_CHANGES: pgettext_lazy("course review", "Changes requested"),
    WorkflowState.STATUS_CANCELLED: pgettext_lazy("course review", "Review cancelled"),
}


def _parts(*, course: CoursePage, lessons: list[Page]) -> dict[int, list[ReviewPart]]:
    by_page: dict[int, list[ReviewPart]] = {}
    describe: Callable
    for describe in hooks.get_hooks(PARTS_HOOK):
        for part in describe(course=course, lessons=lessons):
            by_page.setdefault(part.page_id, []).append(part)
    return by_page


def course_review_summary(*, course_review: WorkflowState) -> CourseReviewSummary | None:
    """What the reviewer of a course decides on: the course, each lesson sent with it
    (new or changed, with links to Wagtail's revision view and comparison) and the
    quizzes and assignments that go with them. None for a page that is not a course."""
    course = course_review.content_object.specific
    if not isinstance(course, CoursePage):
        return None
    task_state = course_review.current_task_state
    course_item = _page_item(course, task_state.revision_id if task_state else None, "course")
    links = (
        CourseReviewLesson.objects.filter(course_review=course_review)
        .select_related("lesson_review__current_task_state")
        .order_by("lesson_review__object_id")
    )
    lesson_states = {int(link.lesson_review.object_id): link.lesson_review for link in links}
    pages = {
        page.pk: page
        for page in LessonPage.objects.child_of(course).order_by("path").select_related("locale")
    }
    lessons = []
    for page_id, state in lesson_states.items():
        page = pages.get(page_id)
        if page is None:
            continue
        current = state.current_task_state
        item = _page_item(page, current.revision_id if current else None, "lesson")
        item.status = STATUS_LABELS.get(state.status, "")
        lessons.append(item)
    lessons.sort(key=lambda item: item.page.path)
    parts = _parts(course=course, lessons=[item.page for item in lessons])
    for item in [course_item, *lessons]:
        item.parts = parts.get(item.page.pk, [])
    unchanged = [page for page_id, page in pages.items() if page_id not in lesson_states]
    return CourseReviewSummary(course=course_item, lessons=lessons, unchanged_lessons=unchanged)
