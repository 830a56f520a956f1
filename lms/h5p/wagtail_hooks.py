from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView, SnippetViewSet

from curricula.extensions import LESSON_PAGE_PANELS
from lms.core.errors import ServiceError

from . import page_panels
from .forms import H5PContentForm
from .models import H5PContent
from .services import h5p_content_create, h5p_content_delete, h5p_content_replace


class _RefusalShownOnForm:
    """A refused package is an error on the form, with nothing saved."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ServiceError as error:
            form.add_error("package", error.message)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class H5PContentCreateView(_RefusalShownOnForm, CreateView):
    def save_instance(self):
        instance = h5p_content_create(
            file=self.form.cleaned_data["package"],
            title=self.form.cleaned_data.get("title") or "",
            uploaded_by=self.request.user,
        )
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance


class H5PContentEditView(_RefusalShownOnForm, EditView):
    def save_instance(self):
        instance = self.form.save()
        package = self.form.cleaned_data.get("package")
        if package:
            instance = h5p_content_replace(
                content=instance, file=package, uploaded_by=self.request.user
            )
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance


class H5PContentDeleteView(DeleteView):
    def delete_action(self):
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        h5p_content_delete(content=self.object)


class H5PContentViewSet(SnippetViewSet):
    model = H5PContent
    icon = "pick"
    menu_label = gettext_lazy("Interactive activities (H5P)")
    menu_name = "h5p"
    menu_order = 260
    add_to_admin_menu = True
    url_namespace = "h5p_admin"
    add_view_class = H5PContentCreateView
    edit_view_class = H5PContentEditView
    delete_view_class = H5PContentDeleteView
    copy_view_enabled = False
    list_display = ["title", "main_library", "created"]
    search_fields = ["title"]
    search_backend_name = None
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("package")], base_form_class=H5PContentForm
    )


register_snippet(H5PContentViewSet)
hooks.register(LESSON_PAGE_PANELS, page_panels.lesson_activity_results, order=15)
