"""The tables of the course review: one review for a course and the lessons it takes along."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import GroupApprovalTask, TaskState, WorkflowState

from .forms import ReviewCommentForm


class CourseReviewTask(GroupApprovalTask):
    """The review step of the curriculum workflow: a group approves a page, and for a
    course the same decision covers the lessons sent along with it.

    Submitting a course starts (or resumes) the review of each of its lessons with
    unpublished changes and links them to the course's review; approving or requesting
    changes on the course then does the same to those lessons. The work is done by the
    services in curricula.review; a lesson can still be reviewed on its own.
    """

    class Meta:
        verbose_name = _("course review task")
        verbose_name_plural = _("course review tasks")

    @staticmethod
    def _is_course(obj) -> bool:
        from .models import CoursePage  # models.py imports this module

        return issubclass(getattr(obj, "specific_class", None) or type(obj), CoursePage)

    def start(self, workflow_state, user=None):
        from .review import course_review_lessons_include

        task_state = super().start(workflow_state, user=user)
        if self._is_course(workflow_state.content_object):
            course_review_lessons_include(course_review=workflow_state, user=user)
        return task_state

    def on_action(self, task_state, user, action_name, **kwargs):
        from .review import course_review_decide

        if action_name in ("approve", "reject") and self._is_course(
            task_state.workflow_state.content_object
        ):
            course_review_decide(
                task_state=task_state,
                user=user,
                action=action_name,
                comment=kwargs.get("comment", ""),
            )
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self._is_course(obj):
            # The reviewer decides for the whole course from a dialog that lists every
            # lesson, quiz and assignment in the change, so both decisions open it.
            return [
                ("reject", _("Request changes to the course"), True),
                ("approve", _("Approve the whole course"), True),
            ]
        return actions

    def get_form_for_action(self, action):
        return ReviewCommentForm

    def get_template_for_action(self, action):
        if action in ("approve", "reject"):
            return "curricula/admin/course_review_action.html"
        return super().get_template_for_action(action)


class CourseReviewLesson(models.Model):
    """A lesson's review that its course's review decides."""

    course_review = models.ForeignKey(
        WorkflowState, on_delete=models.CASCADE, related_name="course_review_lessons"
    )
    lesson_review = models.ForeignKey(WorkflowState, on_delete=models.CASCADE, related_name="+")
    # The lesson's review step that submitting the course started or resumed; empty when
    # the trainer had already sent the lesson on its own and it was linked as it was.
    # Cancelling the course's review cancels only lessons still on this step, so a lesson
    # sent on its own (before, or again in the meantime) keeps its review.
    started_task_state = models.ForeignKey(
        TaskState, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("lesson in a course review")
        verbose_name_plural = _("lessons in a course review")
        constraints = [
            models.UniqueConstraint(
                fields=["course_review", "lesson_review"], name="curricula_course_review_lesson"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course_review_id} → {self.lesson_review_id}"
