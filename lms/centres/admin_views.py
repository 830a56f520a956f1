"""Admin view: import the national list of centres (national admins)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages

from . import scoping
from .centre_import import HEADER_ALIASES, centre_import
from .services import CentreError
from .spreadsheets import MAX_UPLOAD_BYTES


class CentreImportForm(forms.Form):
    file = forms.FileField(
        label=_("The national list (.xlsx or .csv)"),
        help_text=_(
            "One centre per row; centres are matched by their code, so importing the list "
            "again only updates what changed."
        ),
    )


def centre_import_view(request):
    if not scoping.is_national_admin(request.user):
        raise PermissionDenied
    form = CentreImportForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            form.add_error("file", _("The file is too large."))
            status = 400
        else:
            try:
                result = centre_import(
                    actor=request.user, file_name=upload.name, content=upload.read()
                )
            except CentreError as error:
                form.add_error("file", error.message)
                status = 400
            else:
                if result.ok:
                    messages.success(
                        request,
                        _(
                            "Centres imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged."
                        )
                        % {
                            "created": result.created,
                            "updated": result.updated,
                            "unchanged": result.unchanged,
                        },
                    )
                else:
                    status = 400
    elif request.method == "POST":
        status = 400
    return TemplateResponse(
        request,
        "centres/admin/centre_import.html",
        {
            "form": form,
            "result": result,
            "headings": [names[0] for names in HEADER_ALIASES.values()],
            "header_title": _("Import the list of centres"),
            "page_title": _("Import the list of centres"),
            "header_icon": "upload",
        },
        status=status,
    )
