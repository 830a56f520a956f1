from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("verify/", views.verify, name="verify_form"),
    path("verify/<str:code>/", views.verify_code, name="verify"),
    path("<str:reference>/download/", views.download, name="download"),
]
