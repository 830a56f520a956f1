"""Staff pages in the Wagtail admin: list, issue, re-issue, revoke, bulk issue.

Every page reads through lms.certificates.selectors (scoped to the staff member's
centres) and writes through the services, so the rules are the same as anywhere
else. A certificate or batch outside the staff member's scope answers 404.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import ModelLogEntry

from curricula.models import CoursePage
from lms.core.clean import query_text
from lms.core.numbers import id_param

from .admin_forms import BatchForm, IssueForm, ReasonForm
from .batches import (
    certificate_batch_create,
    certificate_batch_skipped,
)
from .codes import code_normalise
from .models import Certificate, RenderStatus
from .selectors import certificate_batches_visible_to, certificates_visible_to
from .services import (
    CertificateError,
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
)

PAGE_SIZE = 50


class StaffView(WagtailAdminTemplateMixin, TemplateView):
    permission = "certificates.view_certificate"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("certificates_admin:index"), "label": _("Certificates")},
            {"url": "", "label": self.get_page_title()},
        ]


def _certificate(request, pk: int) -> Certificate:
    return get_object_or_404(
        certificates_visible_to(user=request.user).select_related(
            "learner", "issued_by", "revoked_by"
        ),
        pk=pk,
    )


class CertificateIndexView(StaffView):
    template_name = "certificates/admin/index.html"
    page_title = gettext_lazy("Certificates")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queryset = certificates_visible_to(user=self.request.user).select_related("learner")
        query = query_text(self.request.GET)
        status = self.request.GET.get("status", "")
        if query:
            queryset = queryset.filter(
                Q(learner_name__icontains=query)
                | Q(learner_name_en__icontains=query)
                | Q(learner__username__iexact=query)
                | Q(number__icontains=query)
                | Q(course_title__icontains=query)
                | Q(code=code_normalise(query) or "")
            )
        if status == "valid":
            queryset = queryset.valid()
        elif status == "revoked":
            queryset = queryset.revoked()
        elif status in (RenderStatus.PENDING, RenderStatus.FAILED):
            queryset = queryset.valid().filter(status=status)
        paginator = Paginator(queryset.order_by("-issued_at", "-pk"), PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("p"))
        context.update(
            {
                "page_obj": page,
                "certificates": page.object_list,
                "query": query,
                "status": status,
                "statuses": [
                    ("", _("All")),
                    ("valid", _("Valid")),
                    ("revoked", _("Revoked")),
                    (RenderStatus.PENDING, _("File being prepared")),
                    (RenderStatus.FAILED, _("File failed")),
                ],
                "can_issue": self.request.user.has_perm("certificates.add_certificate"),
            }
        )
        return context


class CertificateDetailView(StaffView):
    template_name = "certificates/admin/detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.certificate = None

    def get(self, request, *args, pk: int, **kwargs):
        self.certificate = _certificate(request, pk)
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Certificate %(number)s") % {"number": self.certificate.number}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.certificate
        history = (
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Certificate),
                object_id=str(certificate.pk),
            )
            .select_related("user")
            .order_by("-timestamp")[:50]
        )
        user = self.request.user
        context.update(
            {
                "certificate": certificate,
                "history": history,
                "can_reissue": certificate.is_valid
                and user.has_perm("certificates.change_certificate"),
                "can_revoke": certificate.is_valid
                and user.has_perm("certificates.revoke_certificate"),
                "reissue_form": ReasonForm(
                    required=False, help_text=_("Optional: why a new file is made.")
                ),
                "revoke_form": ReasonForm(
                    help_text=_("Shown to anyone who checks this certificate.")
                ),
            }
        )
        return context


class CertificateIssueView(StaffView):
    permission = "certificates.add_certificate"
    template_name = "certificates/admin/issue.html"
    page_title = gettext_lazy("Issue a certificate")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", IssueForm(actor=self.request.user))
        return context

    def post(self, request, *args, **kwargs):
        form = IssueForm(request.POST, actor=request.user)
        if form.is_valid():
            try:
                certificate = certificate_issue(
                    actor=request.user,
                    learner=form.cleaned_data["learner"],
                    course=form.cleaned_data["course"],
                    reason=form.cleaned_data["reason"],
                )
            except CertificateError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Certificate %(number)s issued to %(name)s.")
                    % {"number": certificate.number, "name": certificate.learner_name},
                )
                return redirect("certificates_admin:detail", certificate.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class _CertificateActionView(StaffView):
    """POST-only actions on one certificate; a refused action returns to the detail page."""

    http_method_names = ["post"]

    def post(self, request, *args, pk: int, **kwargs):
        certificate = _certificate(request, pk)
        form = ReasonForm(request.POST, required=self.reason_required)
        if not form.is_valid():
            messages.error(request, _("Please give a reason (at most 1000 characters)."))
            return redirect("certificates_admin:detail", certificate.pk)
        try:
            self.act(certificate, form.cleaned_data["reason"])
        except CertificateError as error:
            messages.error(request, error.message)
        return redirect("certificates_admin:detail", certificate.pk)


class CertificateReissueView(_CertificateActionView):
    permission = "certificates.change_certificate"
    reason_required = False

    def act(self, certificate, reason):
        certificate_reissue(actor=self.request.user, certificate=certificate, reason=reason)
        messages.success(
            self.request,
            _("A new file for certificate %(number)s is being prepared.")
            % {"number": certificate.number},
        )


class CertificateRevokeView(_CertificateActionView):
    permission = "certificates.revoke_certificate"
    reason_required = True

    def act(self, certificate, reason):
        certificate_revoke(actor=self.request.user, certificate=certificate, reason=reason)
        messages.success(
            self.request,
            _("Certificate %(number)s is revoked.") % {"number": certificate.number},
        )


# --- Bulk issue -----------------------------------------------------------------------


def _batches_visible_to(user):
    return certificate_batches_visible_to(user=user).select_related(
        "course", "centre", "created_by"
    )


class BatchIndexView(StaffView):
    permission = "certificates.add_certificate"
    template_name = "certificates/admin/batch_index.html"
    page_title = gettext_lazy("Bulk issue")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["batches"] = _batches_visible_to(self.request.user)[:50]
        return context


class BatchCreateView(StaffView):
    permission = "certificates.add_certificate"
    template_name = "certificates/admin/batch_create.html"
    page_title = gettext_lazy("Issue certificates to many learners")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initial = {}
        course_id = id_param(self.request.GET, "course")
        if course_id is not None:
            initial["course"] = CoursePage.objects.filter(pk=course_id).first()
        context.setdefault("form", BatchForm(actor=self.request.user, initial=initial))
        return context

    def post(self, request, *args, **kwargs):
        form = BatchForm(request.POST, actor=request.user)
        if form.is_valid():
            try:
                batch = certificate_batch_create(
                    actor=request.user,
                    course=form.cleaned_data["course"],
                    learners=form.cleaned_data["usernames"],
                    centre=form.cleaned_data["centre"],
                    reason=form.cleaned_data["reason"],
                )
            except CertificateError as error:
                form.add_error(None, error.message)
            else:
                return redirect("certificates_admin:batch", batch.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class BatchDetailView(StaffView):
    permission = "certificates.add_certificate"
    template_name = "certificates/admin/batch_detail.html"

    def get(self, request, *args, pk: int, **kwargs):
        self.batch = get_object_or_404(_batches_visible_to(request.user), pk=pk)
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Bulk issue: %(course)s") % {"course": self.batch.course.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "batch": self.batch,
                "progress": _batch_progress(self.batch),
                "skipped_groups": certificate_batch_skipped(batch=self.batch),
                "progress_url": reverse("certificates_admin:batch_progress", args=[self.batch.pk]),
            }
        )
        return context


def _batch_progress(batch) -> dict:
    """The shared progress contract (lms.core.batches), with the sentence the page shows."""
    progress = batch.progress()
    progress["text"] = _("%(finished)s of %(total)s learners done") % {
        "finished": progress["processed"],
        "total": progress["total"],
    }
    return progress


@never_cache
def batch_progress(request, pk: int):
    """The numbers behind the progress bar, polled by static/js/batch-progress.js."""
    if not request.user.has_perm("certificates.add_certificate"):
        raise Http404
    batch = get_object_or_404(_batches_visible_to(request.user), pk=pk)
    return JsonResponse(_batch_progress(batch))
