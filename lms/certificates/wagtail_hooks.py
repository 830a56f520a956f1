from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.centres import audit
from lms.core.admin_columns import yes_no_column
from lms.learning.dashboard import COURSE_COMPLETED_PANELS, DASHBOARD_SECTIONS

from . import admin_views, page_panels
from .models import Certificate, CertificateBatch, CertificateTemplate
from .selectors import certificate_batches_visible_to, certificates_visible_to


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    add_to_admin_menu = False
    list_display = [
        "name",
        "language",
        "orientation",
        yes_no_column(CertificateTemplate, "is_default"),
        "updated_at",
    ]
    search_fields = ["name", "title"]


register_snippet(CertificateTemplateViewSet)


@hooks.register("register_log_actions")
def register_certificate_actions(actions):
    actions.register_action(
        "lms.certificate.issue", _("Issue certificate"), _("Certificate issued")
    )
    actions.register_action(
        "lms.certificate.render", _("Prepare certificate file"), _("Certificate file prepared")
    )
    actions.register_action(
        "lms.certificate.reissue", _("Re-issue certificate"), _("Certificate re-issued")
    )
    actions.register_action(
        "lms.certificate.revoke", _("Revoke certificate"), _("Certificate revoked")
    )
    actions.register_action(
        "lms.certificate_batch.create", _("Bulk issue"), _("Bulk issue of certificates started")
    )


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    urls = [
        path("", admin_views.CertificateIndexView.as_view(), name="index"),
        path("issue/", admin_views.CertificateIssueView.as_view(), name="issue"),
        path("<id:pk>/", admin_views.CertificateDetailView.as_view(), name="detail"),
        path("<id:pk>/reissue/", admin_views.CertificateReissueView.as_view(), name="reissue"),
        path("<id:pk>/revoke/", admin_views.CertificateRevokeView.as_view(), name="revoke"),
        path("bulk/", admin_views.BatchIndexView.as_view(), name="batches"),
        path("bulk/new/", admin_views.BatchCreateView.as_view(), name="batch_create"),
        path("bulk/<id:pk>/", admin_views.BatchDetailView.as_view(), name="batch"),
        path("bulk/<id:pk>/progress/", admin_views.batch_progress, name="batch_progress"),
    ]
    return [path("certificates/", include((urls, "certificates_admin")))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, url_name: str, **kwargs):
        self.permission = permission
        self.url_name = url_name
        super().__init__(*args, url="", **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)

    def render_component(self, request):
        self.url = reverse(self.url_name)
        return super().render_component(request)


@hooks.register("register_admin_menu_item")
def register_certificates_menu():
    items = [
        PermissionMenuItem(
            _("All certificates"),
            name="certificates-list",
            icon_name="list-ul",
            permission="certificates.view_certificate",
            url_name="certificates_admin:index",
            order=100,
        ),
        PermissionMenuItem(
            _("Issue a certificate"),
            name="certificates-issue",
            icon_name="plus",
            permission="certificates.add_certificate",
            url_name="certificates_admin:issue",
            order=200,
        ),
        PermissionMenuItem(
            _("Bulk issue"),
            name="certificates-bulk",
            icon_name="group",
            permission="certificates.add_certificate",
            url_name="certificates_admin:batches",
            order=300,
        ),
        PermissionMenuItem(
            _("Templates"),
            name="certificates-templates",
            icon_name="doc-full",
            permission="certificates.change_certificatetemplate",
            url_name="wagtailsnippets_certificates_certificatetemplate:list",
            order=400,
        ),
    ]
    return SubmenuMenuItem(
        _("Certificates"), Menu(items=items), name="certificates", icon_name="doc-full", order=350
    )


@hooks.register(audit.HOOK)
def certificate_log_entry_scopes():
    return {
        CertificateTemplate: audit.SHARED,
        Certificate: lambda user: certificates_visible_to(user=user),
        CertificateBatch: lambda user: certificate_batches_visible_to(user=user),
    }


hooks.register(DASHBOARD_SECTIONS, page_panels.dashboard_certificates, order=10)
hooks.register(COURSE_COMPLETED_PANELS, page_panels.completion_certificate, order=10)
