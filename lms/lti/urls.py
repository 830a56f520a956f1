from django.urls import path

from . import views

app_name = "lti"

urlpatterns = [
    path("login/", views.oidc_login, name="login"),
    path("launch/", views.launch, name="launch"),
    path("deep-link/", views.deep_link_choose, name="deep_link"),
    path("enter/<str:token>/", views.enter, name="enter"),
    path("jwks.json", views.jwks, name="jwks"),
    path("config/", views.tool_config, name="config"),
    path("config.json", views.tool_config_json, name="config_json"),
]
