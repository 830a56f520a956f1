from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("<id:quiz_id>/", views.quiz_detail, name="quiz"),
    path("<id:quiz_id>/start/", views.quiz_start, name="start"),
    path("attempts/<id:attempt_id>/", views.attempt_take, name="attempt"),
    path("attempts/<id:attempt_id>/autosave/", views.attempt_autosave, name="autosave"),
    path("attempts/<id:attempt_id>/submit/", views.attempt_submit_view, name="submit"),
    path("attempts/<id:attempt_id>/review/", views.attempt_review_view, name="review"),
]
