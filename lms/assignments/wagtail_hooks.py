from django.contrib import messages
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from curricula.extensions import LESSON_PAGE_PANELS
from curricula.review import PARTS_HOOK, ReviewPart, change_since
from lms.centres import audit
from lms.centres.scoping import learners_visible_to
from lms.learning.dashboard import DASHBOARD_NOTICES

from . import page_panels
from .models import Assignment, Submission
from .selectors import can_review, review_waiting_count


class AssignmentDeleteView(generic.DeleteView):
    """Handed-in work keeps its assignment: refuse, and say so, instead of failing."""

    def dispatch(self, request, *args, **kwargs):
        if Submission.objects.filter(assignment=self.object).exists():
            messages.error(
                request,
                _("“%(title)s” has work handed in by learners and cannot be deleted.")
                % {"title": self.object.title},
            )
            return redirect(self.edit_url_name, self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    icon = "clipboard-list"
    menu_label = gettext_lazy("Assignments")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "belongs_to", "grading", "due_at"]
    search_fields = ["title"]
    search_backend_name = None
    delete_view_class = AssignmentDeleteView
    copy_view_enabled = False
    url_namespace = "assignment_admin"
    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel("lesson"), FieldPanel("course")],
            heading=gettext_lazy("Belongs to (a lesson, or else a whole course)"),
        ),
        FieldPanel("instructions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("accepts_text"), FieldPanel("text_required")]),
                FieldPanel("text_label"),
                FieldRowPanel([FieldPanel("accepts_images"), FieldPanel("min_images")]),
                FieldRowPanel([FieldPanel("accepts_files"), FieldPanel("file_types")]),
                FieldRowPanel([FieldPanel("max_files"), FieldPanel("max_file_mb")]),
            ],
            heading=gettext_lazy("What learners hand in"),
        ),
        MultiFieldPanel(
            [FieldPanel("grading"), FieldPanel("rubric"), FieldPanel("pass_points")],
            heading=gettext_lazy("Grading"),
        ),
        FieldPanel("due_at"),
        FieldPanel("gallery_enabled"),
    ]

    def get_queryset(self, request):
        return Assignment.objects.select_related("lesson", "course")


class ReviewPanel(Component):
    """On the admin home page: how much work waits for the signed-in reviewer."""

    name = "submissions_to_review"
    order = 50
    template_name = "assignments/admin/review_panel.html"

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {"count": self.count, "url": reverse("assignments:review_queue")}


class ReviewMenuItem(MenuItem):
    """“Submissions to review”, with the number waiting for the signed-in reviewer."""

    def is_shown(self, request):
        return can_review(request.user)

    def render_component(self, request):
        count = review_waiting_count(reviewer=request.user)
        label = _("Submissions to review")
        if count:
            label = _("Submissions to review (%(count)s)") % {"count": count}
        return LinkMenuItemComponent(
            self.name,
            label,
            reverse("assignments:review_queue"),
            icon_name=self.icon_name,
            classname=self.classname,
            # The sidebar cuts long labels short; the full one shows on hover.
            attrs={**self.attrs, "title": label},
        )


@hooks.register("register_admin_viewset")
def register_assignment_viewset():
    return AssignmentViewSet("assignments")


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        gettext_lazy("Submissions to review"),
        "",
        name="submissions-to-review",
        icon_name="tasks",
        order=251,
    )


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    if can_review(request.user):
        count = review_waiting_count(reviewer=request.user)
        if count:
            panels.append(ReviewPanel(count))


@hooks.register("register_permissions")
def register_review_permission():
    return Permission.objects.filter(
        content_type__app_label="assignments", codename="review_submission"
    )


@hooks.register("register_log_actions")
def register_assignment_actions(actions):
    actions.register_action(
        "lms.submission.submit", gettext_lazy("Hand in"), gettext_lazy("Handed in work")
    )
    actions.register_action(
        "lms.submission.pass", gettext_lazy("Pass"), gettext_lazy("Passed handed-in work")
    )
    actions.register_action(
        "lms.submission.redo",
        pgettext_lazy("assignment decision", "Redo"),
        gettext_lazy("Asked for a redo"),
    )


@hooks.register("before_delete_page")
def keep_lessons_with_handed_in_work(request, page):
    """Pages holding an assignment with handed-in work are unpublished, never deleted."""
    found = Submission.objects.filter(
        Q(assignment__lesson__path__startswith=page.path)
        | Q(assignment__course__path__startswith=page.path)
    ).exists()
    if found:
        messages.error(
            request,
            _("“%(title)s” has work handed in by learners and cannot be deleted. Unpublish it.")
            % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register(audit.HOOK)
def assignment_log_entry_scopes():
    return {
        Assignment: audit.SHARED,
        Submission: lambda user: Submission.objects.filter(user__in=learners_visible_to(user)),
    }


@hooks.register(PARTS_HOOK)
def assignments_in_course_review(*, course, lessons):
    """The assignments of a course under review and of the lessons sent with it."""
    published_at = {course.pk: course.last_published_at}
    published_at.update({lesson.pk: lesson.last_published_at for lesson in lessons})
    assignments = Assignment.objects.filter(Q(course=course) | Q(lesson__in=lessons))
    return [
        ReviewPart(
            page_id=assignment.lesson_id or assignment.course_id,
            kind=_("Assignment"),
            title=assignment.title,
            change=change_since(
                published_at=published_at[assignment.lesson_id or assignment.course_id],
                created_at=assignment.created_at,
                updated_at=assignment.updated_at,
            ),
            url=reverse("assignment_admin:edit", args=[assignment.pk]),
        )
        for assignment in assignments.order_by("title")
    ]


hooks.register(LESSON_PAGE_PANELS, page_panels.lesson_assignment, order=20)
hooks.register(DASHBOARD_NOTICES, page_panels.dashboard_notices, order=10)
