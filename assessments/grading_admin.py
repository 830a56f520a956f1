"""Where trainers find the essays waiting for them in the admin, as they find hand-ins:
a menu item with the number waiting, a panel on the admin's home page, and the
permission on the group editing page. Imported by wagtail_hooks, which Wagtail loads.
"""

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from .grading_selectors import can_grade, essay_waiting_count


class EssayGradingPanel(Component):
    """On the admin home page: how many attempts wait for the signed-in trainer's grade."""

    name = "essays_to_grade"
    order = 51
    template_name = "assessments/admin/grading_panel.html"

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {"count": self.count, "url": reverse("assessments:grading_queue")}


class EssayGradingMenuItem(MenuItem):
    """“Written answers to grade”, with the number of attempts waiting."""

    def is_shown(self, request):
        return can_grade(request.user)

    def render_component(self, request):
        count = essay_waiting_count(grader=request.user)
        label = _("Written answers to grade")
        if count:
            label = _("Written answers to grade (%(count)s)") % {"count": count}
        return LinkMenuItemComponent(
            self.name,
            label,
            reverse("assessments:grading_queue"),
            icon_name=self.icon_name,
            classname=self.classname,
            # The sidebar cuts long labels short; the full one shows on hover.
            attrs={**self.attrs, "title": label},
        )


@hooks.register("register_admin_menu_item")
def register_grading_menu_item():
    return EssayGradingMenuItem(
        gettext_lazy("Written answers to grade"),
        "",
        name="essays-to-grade",
        icon_name="edit",
        order=252,
    )


@hooks.register("construct_homepage_panels")
def add_grading_panel(request, panels):
    if can_grade(request.user):
        count = essay_waiting_count(grader=request.user)
        if count:
            panels.append(EssayGradingPanel(count))


@hooks.register("register_permissions")
def register_grading_permission():
    return Permission.objects.filter(content_type__app_label="assessments", codename="grade_essays")
