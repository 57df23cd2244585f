"""Registration and sign-in. The account's own page is the publisher's dashboard
(`yuanqu.publishing`)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ratelimit.decorators import ratelimit

from yuanqu.access import rate

from . import services
from .forms import LoginForm, RegisterForm


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR")


@ratelimit(key="ip", rate=rate("code"), method="POST", block=False, group="code")
@ratelimit(key="ip", rate=rate("register"), method="POST", block=False, group="register")
def register(request):
    """One form; its first button sends the code, its second registers."""
    form = RegisterForm(request.POST or None)
    action = request.POST.get("action")
    if request.method == "POST" and getattr(request, "limited", False):
        form.is_valid()
        form.add_error(None, _("Too many attempts from your network; please try again later."))
    elif action == "send_code":
        # Only the number matters now: the rest is kept as typed, checked when registering.
        form = RegisterForm(initial=request.POST.dict())
        try:
            mobile = services.clean_mobile(request.POST.get("mobile", ""))
            services.phone_code_send(mobile=mobile, now=timezone.now())
            messages.success(request, _("A code was sent to %(m)s.") % {"m": mobile})
        except services.AccountError as error:
            messages.error(request, str(error))
    elif action == "register" and form.is_valid():
        data = form.cleaned_data
        try:
            account = services.account_register(
                kind=data["kind"],
                mobile=data["mobile"],
                code=data["code"],
                password=data["password"],
                now=timezone.now(),
                display_name=data["display_name"],
                organisation_name=data["organisation_name"],
                credit_code=data["credit_code"],
                contact_person=data["contact_person"],
                email=data["email"],
            )
        except services.AccountError as error:
            form.add_error(None, str(error))
        else:
            login(request, account.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome. You can now write and submit articles."))
            return redirect(settings.LOGIN_REDIRECT_URL)
    buttons = [("action", "send_code", _("Send code")), ("action", "register", _("Register"))]
    return render(request, "accounts/register.html", {"form": form, "buttons": buttons})


class SiteNameMixin:
    """Django's auth views put the request's host in the context as `site_name` (there is no
    sites framework here), over the context processor's: the layout shows the configured name."""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "site_name": settings.YUANQU_SITE_NAME}


@method_decorator(
    ratelimit(key="ip", rate=rate("login"), method="POST", block=False, group="login"),
    name="post",
)
class LoginView(SiteNameMixin, auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if getattr(request, "limited", False):
            form = self.get_form()
            form.is_valid()
            form.errors.clear()
            form.add_error(
                None, gettext_lazy("Too many sign-in attempts; please wait a few minutes.")
            )
            return self.form_invalid(form)
        return super().post(request, *args, **kwargs)


class LogoutView(SiteNameMixin, auth_views.LogoutView):
    """Signing out is a POST; a GET (an old link, a typed address) gets a page with the button
    instead of Django's empty 405."""

    http_method_names = ["get", "post", "options"]
    template_name = "accounts/logout.html"
