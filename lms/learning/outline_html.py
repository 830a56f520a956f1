"""The course outline's lines as HTML, each rendered once per process for what it shows.

Rendering the outline's template for every lesson was the largest part of a lesson
page (50 to 200 lines, each with its state, labels and link). A line depends only on
the lesson as the outline shows it (an `OutlineLesson`, a frozen value that changes
whenever the lesson does), the learner's state of it, whether it is open and current,
and the language. With all of these as the key, a kept line is never stale and nothing
needs emptying: a changed lesson is simply a new key. The store is per process and
bounded; when full it starts again.
"""

from collections.abc import Iterable

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .selectors import LessonItem

LIMIT = 20_000
_rendered: dict[tuple, str] = {}


def outline_items_html(items: Iterable[LessonItem]) -> SafeString:
    language = get_language()
    parts = []
    for item in items:
        key = (item.lesson, item.state, item.requirement, item.is_open, item.is_current, language)
        html = _rendered.get(key)
        if html is None:
            html = render_to_string("learning/includes/outline_item.html", {"item": item})
            if len(_rendered) >= LIMIT:
                _rendered.clear()
            _rendered[key] = html
        parts.append(html)
    # Each line was rendered by the template engine, which escaped what it printed.
    return mark_safe("".join(parts))  # noqa: S308
