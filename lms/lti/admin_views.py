"""The tool's signing keys in the Wagtail admin, for national admins: the list (public
key ids only, never a private key) and two actions, a new key and retiring one."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.centres.scoping import is_national_admin

from .models import ToolKey
from .services import tool_key_generate, tool_key_retire


class ToolKeyIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "lti/admin/keys.html"
    page_title = gettext_lazy("LTI signing keys")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not is_national_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["keys"] = list(ToolKey.objects.order_by("-created_at", "-pk"))
        context["config_url"] = reverse("lti:config")
        context["jwks_url"] = reverse("lti:jwks")
        return context

    def post(self, request, *args, **kwargs):
        retire = request.POST.get("retire")
        if retire:
            key = get_object_or_404(ToolKey, pk=retire)
            tool_key_retire(key=key, actor=request.user)
            messages.success(request, _("Key %(kid)s is retired.") % {"kid": key.kid})
        else:
            key = tool_key_generate(actor=request.user)
            messages.success(
                request,
                _("New key %(kid)s now signs. Its private key is stored and never shown.")
                % {"kid": key.kid},
            )
        return redirect(reverse("lti_admin:keys"))
