"""The class pages of the staff area (/centre/): classes, sessions, attendance, check-in,
people imports and learners. Included in the "centres" namespace by lms.staff_urls.
"""

from django.urls import path

from .views import attendance, cohorts, imports, learners

urlpatterns = [
    path("", cohorts.home, name="home"),
    path("classes/", cohorts.cohort_list, name="cohort_list"),
    path("classes/new/", cohorts.cohort_create_view, name="cohort_create"),
    path("classes/<id:pk>/", cohorts.cohort_detail, name="cohort_detail"),
    path("classes/<id:pk>/edit/", cohorts.cohort_edit, name="cohort_edit"),
    path(
        "classes/<id:pk>/attendance.<sheet:kind>",
        cohorts.cohort_attendance_export,
        name="cohort_attendance_export",
    ),
    path("classes/<id:pk>/members/", cohorts.cohort_members_add, name="cohort_members_add"),
    path(
        "classes/<id:pk>/members/<id:user_id>/remove/",
        cohorts.cohort_member_remove_view,
        name="cohort_member_remove",
    ),
    path("classes/<id:pk>/sessions/new/", cohorts.session_create, name="session_create"),
    path("sessions/<id:pk>/", attendance.session_attendance, name="session_attendance"),
    path("sessions/<id:pk>/edit/", cohorts.session_edit, name="session_edit"),
    path("sessions/<id:pk>/qr/", attendance.session_qr, name="session_qr"),
    path("check-in/<str:token>/", attendance.checkin, name="checkin"),
    path("import/", imports.import_upload, name="import_upload"),
    path("import/template.<sheet:kind>", imports.import_template, name="import_template"),
    path("import/<id:pk>/", imports.import_detail, name="import_detail"),
    path("import/<id:pk>/status/", imports.import_status, name="import_status"),
    path("import/<id:pk>/report.<sheet:kind>", imports.import_report, name="import_report"),
    path(
        "import/<id:pk>/erase-passwords/",
        imports.import_erase_passwords,
        name="import_erase_passwords",
    ),
    path("learners/", learners.learner_list, name="learner_list"),
    path("learners/<id:pk>/", learners.learner_detail, name="learner_detail"),
    path(
        "learners/<id:pk>/attendance.<sheet:kind>",
        learners.learner_attendance_export,
        name="learner_attendance_export",
    ),
    path(
        "learners/<id:pk>/password/",
        learners.learner_password_reset_view,
        name="learner_password_reset",
    ),
]
