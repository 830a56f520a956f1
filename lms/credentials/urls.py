"""Credential URLs. The documents other systems read are outside the language prefix, so
each has one stable address; the pages people use follow the interface language."""

from django.urls import path

from . import views

app_name = "credentials"

urlpatterns = [
    path(".well-known/did.json", views.did_document, name="did"),
    path(".well-known/jwks.json", views.jwks, name="jwks"),
    path("credentials/issuer/", views.issuer, name="issuer"),
    path("credentials/status/<int:list_id>/", views.status_list, name="status_list"),
    path("credentials/<str:code>.json", views.credential, name="credential"),
    path("credentials/<str:code>.jwt", views.credential_token, name="credential_jwt"),
]

# Under the language prefix (lms/urls.py), namespace "credential_pages".
page_urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("consent/", views.consent, name="consent"),
]
