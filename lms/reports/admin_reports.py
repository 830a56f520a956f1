"""Wagtail's built-in reports, each scoped to the signed-in person or hidden from them.

- Site history: Wagtail shows every log entry of a model to anyone holding a
  permission on it, so a centre's admin would read other centres' certificates,
  hand-ins and sessions. Here each log model's entries go through lms.centres.audit
  first; the page, its filters, its live results and its CSV/XLSX export read the same
  rows. Every staff member may open it.
- Workflows, workflow tasks, aging pages, page types usage and locked pages list
  authored pages (national content, no learner in them) and are already limited by
  Wagtail's page permissions. Whoever lacks those permissions (centre admins; trainers
  for locked pages) finds no menu item, and the URL answers 404 instead of Wagtail's
  redirect to the dashboard.

These views take the place of Wagtail's at the same URLs (see lms/urls.py), so every
link Wagtail draws to its reports lands here.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.http import Http404
from django.urls import path
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.log_actions import registry as log_action_registry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from lms.centres.audit import log_entries_visible_to
from lms.core.db_routing import from_replica


def _visible_entries(user, log_model):
    return log_entries_visible_to(user=user, queryset=log_model.objects.viewable_by_user(user))


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """The "User" and "Action" choices come from the entries the viewer may read."""

    def get_users_queryset(self):
        user_ids = set()
        for log_model in log_action_registry.get_log_entry_models():
            user_ids.update(_visible_entries(self.request.user, log_model).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)

    def get_action_choices(self):
        actions = set()
        for log_model in log_action_registry.get_log_entry_models():
            actions.update(_visible_entries(self.request.user, log_model).get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in actions]


class LogEntryPaginator(WagtailPaginator):
    # Wagtail names the rows after the first log model of its union ("page log entries").
    verbose_name = pgettext_lazy("report", "entry")
    verbose_name_plural = pgettext_lazy("report", "entries")


class ScopedLogEntriesView(LogEntriesView):
    filterset_class = ScopedSiteHistoryFilterSet
    page_title = pgettext_lazy("report", "Site history")
    paginator_class = LogEntryPaginator

    def get_filtered_queryset(self):
        # Wagtail's union of every log model, each part filtered first (see its docstring).
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            part = self.filter_queryset(
                _visible_entries(self.request.user, log_model)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            ).order_by()
            queryset = part if queryset is None else queryset.union(part, all=True)
        return queryset.order_by("-timestamp")


class HiddenUnlessPermittedMixin:
    """A report the person may not open does not exist for them."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            raise Http404 from None


def _hidden_unless_permitted(view_class):
    return type(view_class.__name__, (HiddenUnlessPermittedMixin, view_class), {})


REPORTS = [
    ("locked", "locked_pages", _hidden_unless_permitted(LockedPagesView)),
    ("workflow", "workflow", _hidden_unless_permitted(WorkflowView)),
    ("workflow_tasks", "workflow_tasks", _hidden_unless_permitted(WorkflowTasksView)),
    ("site-history", "site_history", ScopedLogEntriesView),
    ("aging-pages", "aging_pages", _hidden_unless_permitted(AgingPagesView)),
    ("page-types-usage", "page_types_usage", _hidden_unless_permitted(PageTypesUsageReportView)),
]

urlpatterns = decorate_urlpatterns(
    [
        pattern
        for route, name, view_class in REPORTS
        for pattern in (
            path(f"{route}/", view_class.as_view(), name=name),
            path(
                f"{route}/results/",
                view_class.as_view(results_only=True),
                name=f"{name}_results",
            ),
        )
    ],
    # Permission is checked on the primary; the report itself reads from the replica.
    lambda view: never_cache(require_admin_access(from_replica(view))),
)
