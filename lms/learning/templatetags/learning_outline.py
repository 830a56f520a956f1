from django import template
from django.utils.safestring import SafeString

from lms.learning.outline_html import outline_items_html
from lms.learning.selectors import CourseProgress

register = template.Library()


@register.simple_tag
def outline_items(progress: CourseProgress) -> SafeString:
    """The `<li>` of every lesson in the learner's course outline."""
    return outline_items_html(progress.items)
