"""What other apps add to a course page and a lesson page.

The page models declare content only; learner progress, quizzes and assignments
belong to apps above curricula, which take part through four Wagtail hooks,
registered in their own `wagtail_hooks.py`:

- `course_page_context` / `lesson_page_context`: `fn(request, page)` returns a dict
  merged into the page's template context (lms.learning adds the learner's progress,
  the enrol button's state, the outline).
- `course_page_panels` / `lesson_page_panels`: `fn(request, page, context)` returns a
  `lms.core.panels.Panel` (a template and its own context), a list of them, or None.
  `context` is the page context built so far, so a panel can skip its queries when
  the context says there is nothing to show. The page template renders the panels in
  hook order (`hooks.register(..., order=n)`): on a lesson page inside the lesson's
  status box, on a course page under the list of lessons.

A new app adds a lesson panel like this, in its `wagtail_hooks.py`:

    from wagtail import hooks

    from curricula.extensions import LESSON_PAGE_PANELS
    from lms.core.panels import Panel

    @hooks.register(LESSON_PAGE_PANELS, order=30)
    def recording_panel(request, page, context):
        recording = recording_for(user=request.user, lesson=page)
        if recording is None:
            return None
        return Panel("recordings/includes/lesson_panel.html", {"recording": recording})

Lists of pages (the catalogue, a tag's page, search results) show the learner's
standing in each course and lesson through two more hooks, `course_list_badges`
`fn(user, courses)` and `lesson_list_states` `fn(user, lessons)`, each returning a
dict keyed by the pages' translation keys in a fixed number of queries
(lms.learning registers the learner's progress).
"""

from typing import Any

from django.http import HttpRequest

from wagtail import hooks
from wagtail.models import Page

from lms.core.panels import Panel, panels_from_hook

COURSE_PAGE_CONTEXT = "course_page_context"
LESSON_PAGE_CONTEXT = "lesson_page_context"
COURSE_PAGE_PANELS = "course_page_panels"
LESSON_PAGE_PANELS = "lesson_page_panels"
COURSE_LIST_BADGES = "course_list_badges"
LESSON_LIST_STATES = "lesson_list_states"


def page_context(
    *, context_hook: str, panels_hook: str, request: HttpRequest, page: Page, context: dict
) -> dict[str, Any]:
    """`context` with what every app adds, and the page's panels under "panels"."""
    for hook in hooks.get_hooks(context_hook):
        context.update(hook(request=request, page=page))
    panels: list[Panel] = panels_from_hook(panels_hook, request=request, page=page, context=context)
    context["panels"] = panels
    return context


def course_badges(*, user, courses: list[Page]) -> dict:
    """translation key → what the registered apps say about `user` in each course."""
    badges: dict = {}
    for hook in hooks.get_hooks(COURSE_LIST_BADGES):
        badges.update(hook(user=user, courses=courses))
    return badges


def lesson_states(*, user, lessons: list[Page]) -> dict:
    """translation key → the state of `user` in each lesson, as the registered apps say."""
    states: dict = {}
    for hook in hooks.get_hooks(LESSON_LIST_STATES):
        states.update(hook(user=user, lessons=lessons))
    return states
