from django.urls import path

from . import grading_views, views

app_name = "assessments"

urlpatterns = [
    path("<id:quiz_id>/", views.quiz_detail, name="quiz"),
    path("<id:quiz_id>/start/", views.quiz_start, name="start"),
    path("attempts/<id:attempt_id>/", views.attempt_take, name="attempt"),
    path("attempts/<id:attempt_id>/autosave/", views.attempt_autosave, name="autosave"),
    path("attempts/<id:attempt_id>/submit/", views.attempt_submit_view, name="submit"),
    path("attempts/<id:attempt_id>/review/", views.attempt_review_view, name="review"),
    # Trainers: essays waiting for a grade.
    path("grading/", grading_views.essay_queue_view, name="grading_queue"),
    path("grading/<id:attempt_id>/", grading_views.essay_grade_view, name="grading_detail"),
]
