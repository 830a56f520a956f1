from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from curricula import views as curricula_views
from lms.api.api import api_patterns
from lms.core import views as core_views
from lms.credentials import urls as credential_urls
from lms.offline import views as offline_views
from lms.reports import admin_reports
from lms.xapi import activities as xapi_activities

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v1/", include(api_patterns(), namespace="api-v1")),
    # The installable app: stable addresses at the root (the worker's scope is the whole site).
    path("manifest.webmanifest", offline_views.manifest, name="manifest"),
    path("sw.js", offline_views.service_worker, name="service_worker"),
    path("robots.txt", offline_views.robots_txt, name="robots_txt"),
    # Before Wagtail's admin: its site history report, limited to the viewer's centres.
    path("admin/reports/", include((admin_reports.urlpatterns, "scoped_reports"))),
    # Wagtail's script catalogue with our Thai added (same address and name as Wagtail's).
    path(
        "admin/jsi18n/",
        core_views.admin_js_catalog,
        name="wagtailadmin_javascript_catalog",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # SCORM packages' files (their own sandbox policy) and the player's commits.
    path("packages/", include("lms.packages.urls")),
    # H5P activities: the sandboxed player, the packages' files and learners' results.
    path("h5p/", include("lms.h5p.urls")),
    # did:web keys, issuer profile, status list and credentials: one address each.
    path("", include("lms.credentials.urls")),
    # xAPI activity ids (lms/xapi/statements.py): the page for a person, JSON for a program.
    path(
        "xapi/activities/<str:kind>/<int:pk>/",
        xapi_activities.activity,
        name="xapi_activity",
    ),
    # LTI 1.3: fixed addresses a school's system is configured with (no language prefix).
    path("lti/", include("lms.lti.urls")),
]

# Thai lives at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("accounts/", include("lms.users.urls")),
    path("api/tokens/", include("lms.api.urls")),
    path("learn/", include("lms.learning.urls")),
    path("quizzes/", include("assessments.urls")),
    path("certificates/", include("lms.certificates.urls")),
    path(
        "credentials/",
        include((credential_urls.page_urlpatterns, "credential_pages")),
    ),
    path("centre/", include("lms.staff_urls")),
    path("courses/", curricula_views.catalogue, name="catalogue"),
    path("search/", curricula_views.search, name="search"),
    path("assignments/", include("lms.assignments.urls")),
    path("tags/<str:slug>/", curricula_views.tag_detail, name="tag_detail"),
    path("offline/", offline_views.offline, name="offline"),
    path("offline/", include("lms.offline.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
