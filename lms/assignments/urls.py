from django.urls import path

from . import views

app_name = "assignments"

urlpatterns = [
    path("", views.my_work, name="mine"),
    path("<int:pk>/", views.assignment_detail, name="detail"),
    path("<int:pk>/autosave/", views.autosave, name="autosave"),
    path("<int:pk>/gallery/", views.gallery, name="gallery"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission"),
    path("submissions/<int:pk>/gallery/", views.gallery_consent, name="gallery_consent"),
    path("files/<int:pk>/", views.file_view, name="file"),
    path("review/", views.review_queue_view, name="review_queue"),
    path("review/<int:pk>/", views.review_detail, name="review_detail"),
]
