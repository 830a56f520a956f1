from django.urls import path

from . import views

app_name = "api_tokens"

urlpatterns = [
    path("", views.tokens, name="list"),
    path("<str:pk>/revoke/", views.token_revoke_view, name="revoke"),
]
