"""The admin home page shows national admins how sending learning records goes."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from lms.centres import scoping

from .selectors import OutboxCounts, outbox_counts
from .services import xapi_enabled


class OutboxPanel(Component):
    """Statements sent, waiting and failing: a growing "failing" means the LRS is down."""

    name = "xapi_outbox"
    order = 160
    template_name = "xapi/admin/outbox_panel.html"

    def __init__(self, counts: OutboxCounts):
        self.counts = counts

    def get_context_data(self, parent_context=None):
        return {"counts": self.counts}


@hooks.register("construct_homepage_panels")
def add_outbox_panel(request, panels):
    if xapi_enabled() and scoping.is_national_admin(request.user):
        panels.append(OutboxPanel(outbox_counts()))
