"""Panels: what a hook's functions return is rendered, with the page's own context."""

from django.template import Context, Template

from wagtail import hooks

from lms.core.panels import Panel, panels_from_hook
from lms.core.registry import Registry

HOOK = "test_panels_hook"


def test_panels_come_in_hook_order_and_nothing_is_dropped_but_none():
    first, second, third = Panel("a.html"), Panel("b.html"), Panel("c.html")
    with (
        hooks.register_temporarily(HOOK, lambda **kw: [second, None, third], order=20),
        hooks.register_temporarily(HOOK, lambda **kw: None, order=5),
        hooks.register_temporarily(HOOK, lambda **kw: first, order=10),
    ):
        assert panels_from_hook(HOOK, request=None) == [first, second, third]
    assert panels_from_hook(HOOK, request=None) == []


def test_a_panel_sees_the_page_context_and_its_own_wins():
    panel = Panel("learning/includes/progress_bar.html", {"done": 2, "total": 5, "percent": 40})
    html = Template("{% load laces %}{% component panel %}").render(
        Context({"panel": panel, "id": "page", "percent": 99})
    )
    assert 'id="progress-page-label"' in html  # from the page
    assert 'value="40"' in html  # its own, over the page's 99


def test_registry_keeps_order_then_registration_and_each_item_once():
    registry: Registry[str] = Registry("test")
    registry.register("late", order=30)
    registry.register("early", order=10)
    registry.register("also-early", order=10)
    registry.register("early", order=50)  # again: ignored
    assert list(registry) == ["early", "also-early", "late"]
    registry.unregister("early")
    assert list(registry) == ["also-early", "late"]
    assert "early" not in registry and len(registry) == 2
