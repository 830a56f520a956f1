"""The staff area at /centre/ (phone-first, part of the site) and the learner's QR check-in.

One URL namespace, "centres", served by the apps that own the pages: classes
(classes, sessions, attendance, imports, learners), early childhood, reports, and
certificates (a class's certificates). Every view here is in the permission matrix
of tests/centres/test_permissions.py: a new URL without a row there fails the test.
"""

from django.urls import path

from lms.certificates import cohorts as certificate_cohorts
from lms.classes import urls as classes_urls
from lms.early_childhood import urls as early_childhood_urls
from lms.reports import urls as reports_urls

app_name = "centres"

urlpatterns = [
    *classes_urls.urlpatterns,
    path(
        "classes/<id:pk>/certificates/",
        certificate_cohorts.cohort_certificates,
        name="cohort_certificates",
    ),
    *early_childhood_urls.urlpatterns,
    *reports_urls.urlpatterns,
]
