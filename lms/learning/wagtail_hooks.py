from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks

from curricula.extensions import (
    COURSE_LIST_BADGES,
    COURSE_PAGE_CONTEXT,
    LESSON_LIST_STATES,
    LESSON_PAGE_CONTEXT,
)
from curricula.models import CoursePage, LessonPage
from lms.centres import audit
from lms.centres.scoping import learners_visible_to

from .models import Enrollment, LessonProgress
from .pages import course_page_context, lesson_page_context
from .selectors import course_badges_for, lesson_states_for


@hooks.register("register_log_actions")
def register_learning_actions(actions):
    actions.register_action(
        "lms.enrollment.create", gettext_lazy("Enrol"), gettext_lazy("Enrolled in a course")
    )
    actions.register_action(
        "lms.enrollment.leave", gettext_lazy("Leave"), gettext_lazy("Left a course")
    )
    actions.register_action(
        "lms.enrollment.complete", gettext_lazy("Complete"), gettext_lazy("Completed a course")
    )


@hooks.register("before_delete_page")
def keep_courses_with_learners(request, page):
    """Learner records point at courses and lessons: unpublish those, never delete them."""
    specific = page.specific_class
    has_records = False
    if specific is CoursePage:
        has_records = Enrollment.objects.filter(course_id=page.pk).exists()
    elif specific is LessonPage:
        has_records = LessonProgress.objects.filter(lesson_id=page.pk).exists()
    else:
        subtree = page.get_descendants(inclusive=True)
        has_records = Enrollment.objects.filter(course__in=subtree.type(CoursePage)).exists()
    if has_records:
        messages.error(
            request,
            _("“%(title)s” has learner records and cannot be deleted. Unpublish it instead.")
            % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register(audit.HOOK)
def learning_log_entry_scopes():
    return {
        Enrollment: lambda user: Enrollment.objects.filter(user__in=learners_visible_to(user)),
    }


@hooks.register(COURSE_PAGE_CONTEXT)
def course_page_progress(request, page):
    return course_page_context(request=request, course=page)


@hooks.register(LESSON_PAGE_CONTEXT)
def lesson_page_progress(request, page):
    return lesson_page_context(request=request, lesson=page)


# The learner's progress on the catalogue, tag pages and search results.
hooks.register(COURSE_LIST_BADGES, course_badges_for)
hooks.register(LESSON_LIST_STATES, lesson_states_for)
