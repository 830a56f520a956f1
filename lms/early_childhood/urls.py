"""The early-childhood pages of the staff area (/centre/early-childhood/).

Included in the "centres" namespace by lms.staff_urls.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("early-childhood/", views.early_childhood_list, name="early_childhood_list"),
    path(
        "early-childhood/new/",
        views.early_childhood_create,
        name="early_childhood_create",
    ),
    path(
        "early-childhood/<id:pk>/",
        views.early_childhood_edit,
        name="early_childhood_edit",
    ),
]
