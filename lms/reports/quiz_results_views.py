"""Quiz results in the admin (Quizzes → Results): learners' results and item analysis.

Only learners of the viewer's centres are shown (lms.reports.quiz_results). Both pages and
their CSV files read from the read replica when there is one (lms.core.db_routing).
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from assessments.admin_views import RESULTS_PERMISSION, PermissionRequiredMixin
from assessments.models import Quiz
from lms.core.db_routing import ReadsFromReplicaMixin

from .quiz_results import (
    item_analysis_csv,
    learner_results_csv,
    quiz_item_analysis,
    quiz_learner_results,
    quizzes_with_counts,
)


class ResultsIndexView(
    ReadsFromReplicaMixin, PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    permission = RESULTS_PERMISSION
    template_name = "assessments/admin/results_index.html"
    page_title = gettext_lazy("Quiz results")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quizzes"] = quizzes_with_counts(viewer=self.request.user)
        return context


class ResultsDetailView(
    ReadsFromReplicaMixin, PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    permission = RESULTS_PERMISSION
    template_name = "assessments/admin/results_detail.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.quiz = get_object_or_404(
            Quiz.objects.select_related("lesson", "course"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Results: %(quiz)s") % {"quiz": self.quiz.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("quiz-results:index"), "label": _("Quiz results")},
            {"url": "", "label": self.quiz.title},
        ]

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export == "learners":
            results = quiz_learner_results(viewer=request.user, quiz=self.quiz)
            return self._csv(learner_results_csv(results), "learners")
        if export == "items":
            stats = quiz_item_analysis(viewer=request.user, quiz=self.quiz)
            return self._csv(item_analysis_csv(stats), "questions")
        return super().get(request, *args, **kwargs)

    def _csv(self, text: str, part: str) -> HttpResponse:
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
        name = f"quiz-{self.quiz.pk}-{slugify(self.quiz.title) or 'results'}-{part}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quiz"] = self.quiz
        context["results"] = quiz_learner_results(viewer=self.request.user, quiz=self.quiz)
        context["items"] = quiz_item_analysis(viewer=self.request.user, quiz=self.quiz)
        return context
