"""The issuer keys in the Wagtail admin, for national admins: the list (every key stays
published) and the one action, creating a new key, which retires the active one."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.centres.scoping import is_national_admin

from . import documents
from .selectors import issuer_keys_published
from .services import CredentialError, issuer_key_create


class IssuerKeyIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "credentials/admin/keys.html"
    page_title = gettext_lazy("Credential signing keys")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not is_national_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["keys"] = list(reversed(issuer_keys_published()))
        context["did"] = documents.issuer_did()
        return context

    def post(self, request, *args, **kwargs):
        try:
            key = issuer_key_create(actor=request.user)
        except CredentialError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("New key %(kid)s is now signing credentials. The old key stays published.")
                % {"kid": key.kid},
            )
        return redirect(reverse("credentials_admin:keys"))
