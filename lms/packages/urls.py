from django.urls import path

from . import views

app_name = "packages"

urlpatterns = [
    path("<int:package_id>/content/<path:path>", views.content, name="content"),
    path("sco/<int:sco_id>/commit/", views.commit, name="commit"),
]
