"""The centre report of the staff area (/centre/reports/).

Included in the "centres" namespace by lms.staff_urls.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("reports/", views.report, name="report"),
    path("reports/export.<sheet:kind>", views.report_export, name="report_export"),
]
