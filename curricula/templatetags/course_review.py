from django import template

from ..review import course_review_summary

register = template.Library()


@register.simple_tag
def course_review_for(task_state):
    """The whole change a course's reviewer decides on (None for other pages)."""
    if task_state is None:
        return None
    return course_review_summary(course_review=task_state.workflow_state)
