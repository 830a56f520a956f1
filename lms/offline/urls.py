from django.urls import path

from . import sync_views

app_name = "offline"

urlpatterns = [
    path(
        "courses/<id:course_id>/download.json",
        sync_views.course_download_view,
        name="course_download",
    ),
    path("quizzes/<id:quiz_id>/paper/", sync_views.quiz_paper, name="quiz_paper"),
    path("assignments/<id:pk>/draft/", sync_views.assignment_draft, name="assignment_draft"),
    path("sync/", sync_views.sync, name="sync"),
    path("sync/form/", sync_views.sync_form, name="sync_form"),
]
