from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("<id:pk>/player/", views.player, name="player"),
    path("<id:pk>/content/", views.content_file_view, {"path": ""}, name="content_root"),
    path("<id:pk>/content/<path:path>", views.content_file_view, name="content_file"),
    path("<id:pk>/results/", views.results, name="results"),
]
