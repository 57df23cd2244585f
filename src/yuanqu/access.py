"""Who may do what on pages readers also see: editors and moderators by permission."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def editor_required(permission: str):
    """Sign in first; signed in without the permission is a 403, not another sign-in page."""

    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked

    return decorate


def back_to(request, fallback: str):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def rate(name: str):
    """The rate of a limit, read when a request comes (so that settings can change it)."""

    def current(group, request):
        return settings.YUANQU_RATES[name]

    return current
