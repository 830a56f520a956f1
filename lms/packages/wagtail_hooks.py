"""SCORM packages in the Wagtail admin, and the player and results on the pages."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from curricula.extensions import COURSE_PAGE_PANELS, LESSON_PAGE_PANELS
from lms.core.errors import ServiceError

from . import page_panels
from .forms import PackageUploadForm
from .models import ScormPackage
from .services import package_delete, package_upload


class PackageCreateView(generic.CreateView):
    """The upload: the service checks and stores the zip, or the form says why not."""

    def get_panel(self):
        return None

    def get_form_class(self):
        return PackageUploadForm

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            self.object = package_upload(
                lesson=data["lesson"],
                file=data["package_file"],
                uploaded_by=self.request.user,
                title=data.get("title") or "",
                completes_lesson=data.get("completes_lesson", True),
                counts_as_quiz=data.get("counts_as_quiz", False),
                pass_mark=data.get("pass_mark"),
            )
        except ServiceError as error:
            form.add_error("package_file", error.message)
            self.produced_error_code = error.code
            self.produced_error_message = error.message
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Package “%(title)s” uploaded: %(count)s files.")
            % {"title": self.object.title, "count": self.object.file_count},
        )
        return redirect(self.get_success_url())


class PackageDeleteView(generic.DeleteView):
    def delete_action(self):
        package_delete(package=self.object)


class ScormPackageViewSet(ModelViewSet):
    model = ScormPackage
    icon = "folder-inverse"
    menu_label = gettext_lazy("SCORM packages")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "lesson", "version", "file_count", "created_at"]
    list_filter = ["version"]
    search_fields = ["title"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    add_view_class = PackageCreateView
    delete_view_class = PackageDeleteView
    url_namespace = "scorm_package_admin"
    panels = [
        FieldPanel("title"),
        FieldPanel("completes_lesson"),
        FieldRowPanel([FieldPanel("counts_as_quiz"), FieldPanel("pass_mark")]),
    ]

    def get_queryset(self, request):
        return ScormPackage.objects.select_related("lesson")


@hooks.register("register_admin_viewset")
def register_package_viewset():
    return ScormPackageViewSet("scorm_packages")


@hooks.register(LESSON_PAGE_PANELS, order=25)
def lesson_player(request, page, context):
    return page_panels.lesson_player(request=request, page=page, context=context)


@hooks.register(COURSE_PAGE_PANELS, order=40)
def course_results(request, page, context):
    return page_panels.course_results(request=request, page=page, context=context)
