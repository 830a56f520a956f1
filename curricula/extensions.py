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


def page_context(
    *, context_hook: str, panels_hook: str, request: HttpRequest, page: Page, context: dict
) -> dict[str, Any]:
    """`context` with what every app adds, and the page's panels under "panels"."""
    for hook in hooks.get_hooks(context_hook):
        context.update(hook(request=request, page=page))
    panels: list[Panel] = panels_from_hook(panels_hook, request=request, page=page, context=context)
    context["panels"] = panels
    return context
