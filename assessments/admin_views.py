"""Wagtail admin views: the GIFT import (quiz results are in lms.reports)."""

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import GiftConfirmForm, GiftUploadForm
from .gift import MAX_FILE_BYTES, GiftFileError, gift_check_size, gift_decode
from .models import QuestionBank
from .services import gift_import

RESULTS_PERMISSION = "assessments.view_quiz_results"
IMPORT_PERMISSION = "assessments.add_question"
SESSION_KEY = "assessments-gift-import"


class PermissionRequiredMixin:
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GiftImportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Upload → report. Nothing is saved from a file with errors unless the trainer says so."""

    permission = IMPORT_PERMISSION
    template_name = "assessments/admin/gift_import.html"
    page_title = gettext_lazy("Import questions (GIFT)")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", GiftUploadForm())
        context["max_kb"] = MAX_FILE_BYTES // 1024
        return context

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self._import_valid_part(request)
        form = GiftUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["file"]
        try:
            # Checked before reading, so a huge upload is never loaded into memory.
            gift_check_size(upload.size)
            text = gift_decode(upload.read())
            result = gift_import(
                user=request.user,
                text=text,
                bank=form.cleaned_data["bank"],
                new_bank_name=form.cleaned_data["new_bank"],
                import_valid=form.cleaned_data["import_valid"],
            )
        except GiftFileError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        context = self.get_context_data(form=form, result=result, report=result.report)
        if result.refused and result.report.valid:
            token = secrets.token_urlsafe(16)
            bank = form.cleaned_data["bank"]
            request.session[SESSION_KEY] = {
                "token": token,
                "text": text,
                "bank": bank.pk if bank else None,
                "new_bank": form.cleaned_data["new_bank"],
            }
            context["token"] = token
        if result.imported:
            messages.success(
                request,
                _("%(count)d questions imported into the bank “%(bank)s”.")
                % {"count": len(result.imported), "bank": result.bank.name},
            )
        return self.render_to_response(context, status=200 if result.imported else 400)

    def _import_valid_part(self, request):
        form = GiftConfirmForm(request.POST)
        pending = request.session.get(SESSION_KEY) or {}
        if not form.is_valid() or form.cleaned_data["token"] != pending.get("token"):
            messages.error(request, _("That import has expired. Upload the file again."))
            return redirect("gift-import:index")
        bank = QuestionBank.objects.filter(pk=pending.get("bank")).first()
        result = gift_import(
            user=request.user,
            text=pending["text"],
            bank=bank,
            new_bank_name=pending.get("new_bank") or "",
            import_valid=True,
        )
        del request.session[SESSION_KEY]
        if result.imported:
            messages.success(
                request,
                _("%(count)d questions imported into the bank “%(bank)s”.")
                % {"count": len(result.imported), "bank": result.bank.name},
            )
        context = self.get_context_data(result=result, report=result.report)
        return self.render_to_response(context)
