"""Panels: pieces of a page that another app renders, found through a Wagtail hook.

A lower app that lets higher apps add to one of its pages names a hook
(`curricula.extensions.LESSON_PAGE_PANELS`, `lms.learning.dashboard.DASHBOARD_SECTIONS`)
and asks `panels_from_hook()` for the panels; its template renders each with
`{% load laces %}{% for panel in panels %}{% component panel %}{% endfor %}`. A higher app
registers a function in its `wagtail_hooks.py` that returns a `Panel`, a list of them,
or None when it has nothing to show. Wagtail's `order=` on `hooks.register` decides
the order on the page.
"""

from collections.abc import Mapping
from typing import Any

from django.template import Context

from wagtail import hooks

from laces.components import Component


class Panel(Component):
    """A template and the context it adds to the page's own context.

    The page's context (request, user, CSRF token, the page) stays visible to the
    panel's template, as it would to an `{% include %}`.
    """

    def __init__(self, template_name: str, context: Mapping[str, Any] | None = None):
        self.template_name = template_name
        self.context = dict(context or {})

    def get_context_data(self, parent_context=None) -> dict[str, Any]:
        if isinstance(parent_context, Context):
            data = parent_context.flatten()
        else:
            data = dict(parent_context or {})
        data.update(self.context)
        return data

    def __repr__(self) -> str:
        return f"Panel({self.template_name!r})"


def panels_from_hook(hook_name: str, **kwargs: Any) -> list[Panel]:
    """Every panel the functions registered for `hook_name` return, in hook order."""
    panels: list[Panel] = []
    for hook in hooks.get_hooks(hook_name):
        result = hook(**kwargs)
        if result is None:
            continue
        if isinstance(result, Panel):
            panels.append(result)
        else:
            panels.extend(panel for panel in result if panel is not None)
    return panels
