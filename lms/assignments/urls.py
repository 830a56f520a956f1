from django.urls import path

from . import views

app_name = "assignments"

urlpatterns = [
    path("", views.my_work, name="mine"),
    path("<id:pk>/", views.assignment_detail, name="detail"),
    path("<id:pk>/autosave/", views.autosave, name="autosave"),
    path("<id:pk>/gallery/", views.gallery, name="gallery"),
    path("submissions/<id:pk>/", views.submission_detail, name="submission"),
    path("submissions/<id:pk>/gallery/", views.gallery_consent, name="gallery_consent"),
    path("files/<id:pk>/", views.file_view, name="file"),
    path("review/", views.review_queue_view, name="review_queue"),
    path("review/<id:pk>/", views.review_detail, name="review_detail"),
]
