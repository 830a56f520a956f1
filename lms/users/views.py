import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .forms import DeleteAccountForm, LoginForm, ProfileForm, SignupForm, centre_choices
from .middleware import password_change_flag_clear
from .services import personal_data_export, user_anonymise, user_signup


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return fallback


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


# Signing out on a shared phone must leave nothing of the account behind: the browser drops
# its HTTP cache and the app's storage (the pages the service worker kept for this user).
SIGN_OUT_CLEARS = '"cache", "storage"'


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = SIGN_OUT_CLEARS
        return response


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("learning:dashboard")
    province = request.GET.get("province") or None
    if request.method == "POST" and "choose_province" not in request.POST:
        form = SignupForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            profile = {k: data[k] for k in SignupForm.Meta.fields if k != "username"}
            user = user_signup(username=data["username"], password=data["password1"], **profile)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect(_safe_next(request, reverse("learning:dashboard")))
    elif request.method == "POST":
        # Without JavaScript the province is chosen by submitting the form once:
        # keep what was typed and show that province's centres.
        form = SignupForm(
            initial=request.POST.dict(), province_code=request.POST.get("province") or None
        )
    else:
        form = SignupForm(province_code=province)
    return render(
        request, "registration/signup.html", {"form": form, "next": _safe_next(request, "")}
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and "choose_province" not in request.POST:
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your profile is saved."))
            return redirect("profile")
    elif request.method == "POST":
        form = ProfileForm(
            initial=request.POST.dict(),
            instance=request.user,
            province_code=request.POST.get("province") or None,
        )
    else:
        form = ProfileForm(instance=request.user)
    return render(request, "users/profile.html", {"form": form})


def centres_in_province(request: HttpRequest) -> JsonResponse:
    """Centres of one province for the centre picker (progressive enhancement of the form)."""
    code = request.GET.get("province", "")[:2]
    centres = centre_choices(code) if code.isdigit() else []
    return JsonResponse({"centres": [{"id": c.pk, "name": str(c)} for c in centres]})


@login_required
@never_cache
def my_data(request: HttpRequest) -> HttpResponse:
    if request.GET.get("download"):
        data = personal_data_export(user=request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="my-data-{request.user.pk}.json"'
        return response
    return render(request, "users/my_data.html")


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user_anonymise(user=request.user, requested_by=request.user)
        logout(request)
        messages.success(
            request, _("Your account has been deleted. Thank you for learning with us.")
        )
        response = redirect("/")
        response["Clear-Site-Data"] = SIGN_OUT_CLEARS
        return response
    return render(request, "users/delete_account.html", {"form": form})


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        if self.request.user.must_change_password:
            self.request.user.must_change_password = False
            self.request.user.save(update_fields=["must_change_password"])
        password_change_flag_clear(self.request)
        return response
