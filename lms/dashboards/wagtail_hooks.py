"""The admin home page of each staff role, and the centre and national reports in the
admin's Reports menu."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from lms.centres import scoping
from lms.core.db_routing import from_replica
from lms.reports.reports import Dimension

from . import charts, selectors


class TrainerPanel(Component):
    name = "trainer_dashboard"
    order = 20
    template_name = "dashboards/trainer_panel.html"

    def __init__(self, dashboard: selectors.TrainerDashboard):
        self.dashboard = dashboard

    def get_context_data(self, parent_context=None):
        dashboard = self.dashboard
        courses = charts.bar_list(
            title=_("My courses: enrolments and completions"),
            items=[
                (
                    course.title,
                    course.enrolments,
                    course.completed,
                    _("%(rate)s%% completed") % {"rate": course.completion_rate}
                    if course.completion_rate is not None
                    else "",
                )
                for course in dashboard.courses
            ],
            value_heading=_("Enrolments"),
            part_heading=_("Completed"),
        )
        return {
            "dashboard": dashboard,
            "courses_chart": courses,
            "review_url": reverse("assignments:review_queue"),
            "grading_url": reverse("assessments:grading_queue"),
        }


class CentrePanel(Component):
    name = "centre_dashboard"
    order = 10
    template_name = "dashboards/centre_panel.html"

    def __init__(self, dashboard: selectors.CentreDashboard):
        self.dashboard = dashboard

    def get_context_data(self, parent_context=None):
        dashboard = self.dashboard
        return {
            "dashboard": dashboard,
            "completions_chart": charts.column_chart(
                title=_("Courses completed, by month"), points=dashboard.completions
            ),
            "attendance_chart": charts.column_chart(
                title=_("Class attendance, by month (%)"),
                points=dashboard.attendance,
                series="secondary",
                unit="%",
            ),
            "certificates_chart": charts.column_chart(
                title=_("Certificates issued, by month"),
                points=dashboard.certificates,
                series="tertiary",
            ),
            "home_url": reverse("centres:home"),
            "learners_url": reverse("centres:learner_list"),
            "report_url": reverse("centres:report") + f"?by={Dimension.MONTH}",
        }


class NationalPanel(Component):
    name = "national_dashboard"
    order = 10
    template_name = "dashboards/national_panel.html"

    def __init__(self, dashboard: selectors.NationalDashboard):
        self.dashboard = dashboard

    def get_context_data(self, parent_context=None):
        dashboard = self.dashboard
        return {
            "dashboard": dashboard,
            "learners_chart": charts.column_chart(
                title=_("Learners who enrolled, by month"), points=dashboard.learners
            ),
            "completions_chart": charts.column_chart(
                title=_("Courses completed, by month"),
                points=dashboard.completions,
                series="secondary",
            ),
            "certificates_chart": charts.column_chart(
                title=_("Certificates issued, by month"),
                points=dashboard.certificates,
                series="tertiary",
            ),
            "centres_chart": charts.bar_list(
                title=_("Most active centres in the last 3 months"),
                items=[(row.label, row.activity, None, "") for row in dashboard.active_centres],
                value_heading=_("Records"),
            ),
            "province_map": charts.province_map(
                title=_("Courses completed, by province"),
                values=dashboard.completions_by_province,
                names=dashboard.province_names,
                value_heading=_("Completions"),
                legend_heading=_("Number of courses completed"),
                none_label=_("None yet"),
            ),
            "report_url": reverse("centres:report"),
            "province_report_url": reverse("centres:report") + f"?by={Dimension.PROVINCE}",
        }


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    # Who sees which panel is decided on the primary: a role just taken away counts at once.
    user = request.user
    if scoping.is_national_admin(user):
        panels.append(NationalPanel(_national_dashboard(user)))
    elif selectors.is_centre_admin_only(user):
        panels.append(CentrePanel(_centre_dashboard(user)))
    if selectors.is_trainer(user):
        # From the primary: the trainer's own drafts and queues, just written.
        panels.append(TrainerPanel(selectors.trainer_dashboard(user=user)))


# Months of records counted for the charts: heavy reads, from the replica if there is one.
@from_replica
def _national_dashboard(user) -> selectors.NationalDashboard:
    return selectors.national_dashboard(user=user)


@from_replica
def _centre_dashboard(user) -> selectors.CentreDashboard:
    return selectors.centre_dashboard(user=user)


class ReportMenuItem(MenuItem):
    """The centre report (national admins: every centre's), in the admin's Reports menu.

    The URL is reversed when the menu is drawn: the staff area sits under the language
    prefix. The label says whose figures the report holds.
    """

    def __init__(self, *, national_label, centre_label, query="", **kwargs):
        super().__init__(centre_label, "", **kwargs)
        self.national_label = national_label
        self.query = query

    def is_shown(self, request):
        return scoping.is_centre_admin(request.user)

    def render_component(self, request):
        national = scoping.is_national_admin(request.user)
        return LinkMenuItemComponent(
            self.name,
            self.national_label if national else self.label,
            reverse("centres:report") + self.query,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class ProvinceReportMenuItem(ReportMenuItem):
    def is_shown(self, request):
        return scoping.is_national_admin(request.user)


@hooks.register("register_reports_menu_item")
def register_centre_report_menu_item():
    return ReportMenuItem(
        national_label=gettext_lazy("National report (every centre)"),
        centre_label=gettext_lazy("My centre's report"),
        name="centre-report",
        icon_name="table",
        order=100,
    )


@hooks.register("register_reports_menu_item")
def register_province_report_menu_item():
    return ProvinceReportMenuItem(
        national_label=gettext_lazy("Report by province"),
        centre_label=gettext_lazy("Report by province"),
        query=f"?by={Dimension.PROVINCE}",
        name="province-report",
        icon_name="site",
        order=110,
    )


@hooks.register("insert_global_admin_css")
def dashboard_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("css/dashboards.css"))
