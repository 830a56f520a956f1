"""The API tokens page: make, see and revoke one's personal access tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from lms.core.numbers import id_parse

from .forms import TokenForm
from .selectors import tokens_for
from .services import TokenError, token_create, token_revoke


def _page(request: HttpRequest, form: TokenForm, *, secret: str = "", status: int = 200):
    context = {
        "form": form,
        "tokens": tokens_for(user=request.user)[:50],
        "secret": secret,
    }
    return render(request, "api/tokens.html", context, status=status)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, TokenForm())
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        made = token_create(
            user=request.user,
            name=form.cleaned_data["name"],
            scope=form.cleaned_data["scope"],
            expires_in_days=form.cleaned_data["expires_in_days"],
        )
    except TokenError as error:
        form.add_error(None, error.message)
        return _page(request, form, status=400)
    # The secret is shown on this answer only: it is stored nowhere but as a digest.
    return _page(request, TokenForm(), secret=made.secret, status=201)


@login_required
@never_cache
@require_POST
def token_revoke_view(request: HttpRequest, pk: str) -> HttpResponse:
    token = tokens_for(user=request.user).filter(pk=id_parse(pk) or 0).first()
    if token is None:
        raise Http404
    if token_revoke(user=request.user, token=token):
        messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    else:
        messages.info(request, _("This token was already revoked."))
    return redirect("api_tokens:list")
