from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("courses/<id:course_id>/enrol/", views.enrol, name="enrol"),
    path("courses/<id:course_id>/leave/", views.leave, name="leave"),
    path("courses/<id:course_id>/continue/", views.continue_course, name="continue"),
    path("courses/<id:course_id>/completed/", views.course_completed, name="completed"),
    path("lessons/<id:lesson_id>/done/", views.complete_lesson, name="complete_lesson"),
]
