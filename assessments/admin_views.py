"""Wagtail admin views: importing and exporting questions (quiz results are in lms.reports)."""

import base64
import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import ImportConfirmForm, QuestionExportForm, QuestionUploadForm
from .import_services import (
    MAX_FILE_BYTES,
    ImportFileError,
    question_file_read,
    questions_import,
)
from .interchange.gift_write import gift_write
from .interchange.moodle_xml_write import moodle_xml_write
from .models import QuestionBank, Quiz
from .question_store import bank_questions_data, export_filename, quiz_questions_data

RESULTS_PERMISSION = "assessments.view_quiz_results"
IMPORT_PERMISSION = "assessments.add_question"
EXPORT_PERMISSION = "assessments.view_question"
SESSION_KEY = "assessments-question-import"
# A file with errors waits in the session for "import the valid ones": small files only.
SESSION_FILE_BYTES = 2 * 1024 * 1024


class PermissionRequiredMixin:
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # The page's own name after "Home", so the header says where the trainer is.
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


def _imported_message(request, result) -> None:
    if result.quiz is not None:
        text = _("%(count)d questions imported into the bank “%(bank)s” and added to “%(quiz)s”.")
    else:
        text = _("%(count)d questions imported into the bank “%(bank)s”.")
    messages.success(
        request,
        text % {"count": len(result.imported), "bank": result.bank.name, "quiz": result.quiz or ""},
    )


class QuestionImportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Upload → report. Nothing is saved from a file with errors unless the trainer says so."""

    permission = IMPORT_PERMISSION
    template_name = "assessments/admin/question_import.html"
    page_title = gettext_lazy("Import questions")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", QuestionUploadForm())
        context["max_mb"] = MAX_FILE_BYTES // (1024 * 1024)
        return context

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self._import_valid_part(request)
        form = QuestionUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["file"]
        quiz = form.cleaned_data["quiz"]
        if quiz is not None and not request.user.has_perm("assessments.change_quiz"):
            raise PermissionDenied
        try:
            # Checked before reading, so a huge upload is never loaded into memory.
            if upload.size > MAX_FILE_BYTES:
                raise ImportFileError(
                    _("The file is too large. The limit is %(limit)s MB; split it into parts.")
                    % {"limit": MAX_FILE_BYTES // (1024 * 1024)}
                )
            data = upload.read()
            report = question_file_read(data, filename=upload.name)
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        result = questions_import(
            user=request.user,
            report=report,
            bank=form.cleaned_data["bank"],
            new_bank_name=form.cleaned_data["new_bank"],
            quiz=quiz,
            import_valid=form.cleaned_data["import_valid"],
        )
        context = self.get_context_data(form=form, result=result, report=report)
        if result.refused and report.valid:
            if len(data) <= SESSION_FILE_BYTES:
                token = secrets.token_urlsafe(16)
                bank = form.cleaned_data["bank"]
                request.session[SESSION_KEY] = {
                    "token": token,
                    "data": base64.b64encode(data).decode("ascii"),
                    "filename": upload.name,
                    "bank": bank.pk if bank else None,
                    "new_bank": form.cleaned_data["new_bank"],
                    "quiz": quiz.pk if quiz else None,
                }
                context["token"] = token
            else:
                context["upload_again"] = True
        if result.imported:
            _imported_message(request, result)
        return self.render_to_response(context, status=200 if result.imported else 400)

    def _import_valid_part(self, request):
        form = ImportConfirmForm(request.POST)
        pending = request.session.get(SESSION_KEY) or {}
        if not form.is_valid() or form.cleaned_data["token"] != pending.get("token"):
            messages.error(request, _("That import has expired. Upload the file again."))
            return redirect("question-import:index")
        del request.session[SESSION_KEY]
        bank = QuestionBank.objects.filter(pk=pending.get("bank")).first()
        quiz = Quiz.objects.filter(pk=pending.get("quiz")).first()
        report = question_file_read(
            base64.b64decode(pending["data"]), filename=pending.get("filename") or ""
        )
        result = questions_import(
            user=request.user,
            report=report,
            bank=bank,
            new_bank_name=pending.get("new_bank") or "",
            quiz=quiz,
            import_valid=True,
        )
        if result.imported:
            _imported_message(request, result)
        context = self.get_context_data(result=result, report=report)
        return self.render_to_response(context)


class QuestionExportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """A bank (with the banks inside it) or a quiz, as GIFT or Moodle XML, to download."""

    permission = EXPORT_PERMISSION
    template_name = "assessments/admin/question_export.html"
    page_title = gettext_lazy("Export questions")
    header_icon = "download"

    def get(self, request, *args, **kwargs):
        if not request.GET:
            return self.render_to_response(self.get_context_data(form=QuestionExportForm()))
        form = QuestionExportForm(request.GET)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        source = form.cleaned_data["bank"] or form.cleaned_data["quiz"]
        if isinstance(source, QuestionBank):
            questions, name = bank_questions_data(source), source.name
        else:
            questions, name = quiz_questions_data(source), source.title
        if form.cleaned_data["format"] == "gift":
            body, content_type = gift_write(questions).encode("utf-8"), "text/plain"
            filename = export_filename(name, "gift.txt")
        else:
            body, content_type = moodle_xml_write(questions), "application/xml"
            filename = export_filename(name, "xml")
        response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response
