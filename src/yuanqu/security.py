"""What every response and request goes through for safety: characters no page can take are
refused at the door, the client's real address behind trusted proxies (rate limits and the
audit log key on it), and the Content-Security-Policy."""

import ipaddress
import re

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import render

# NUL (which PostgreSQL refuses in text) and the other C0 controls but tab and line breaks, and
# lone surrogates (not encodable): no address, parameter or form field of ours can hold them.
UNUSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")

# Django's admin sets a few inline styles: its pages alone allow them.
ADMIN_STYLES = "style-src 'self' 'unsafe-inline'"


class ContentSecurityPolicyMiddleware:
    """Adds `YUANQU_CSP` to every response that has no policy of its own (uploaded media set a
    stricter, sandboxing one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.YUANQU_CSP
        if request.path.startswith("/admin/"):
            policy = policy.replace("style-src 'self'", ADMIN_STYLES)
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response


def client_address(meta: dict, trusted: int) -> str | None:
    """The address of the client: with `trusted` proxies in front, the one the outermost
    trusted proxy saw — the `trusted`-th address from the right of X-Forwarded-For (each proxy
    appends the address it was reached from; addresses further left are the client's say)."""
    remote = meta.get("REMOTE_ADDR")
    if trusted <= 0:
        return remote
    hops = [
        part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    return hops[-trusted] if len(hops) >= trusted else remote


class ClientAddressMiddleware:
    """Puts the client's address in REMOTE_ADDR, where rate limits, the audit log and everything
    else read it (see `client_address`); without trusted proxies it is left as it is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        trusted = settings.YUANQU_TRUSTED_PROXIES
        if trusted:
            address = client_address(request.META, trusted)
            if address and _looks_like_ip(address):
                request.META["REMOTE_ADDR"] = address
        return self.get_response(request)


def _looks_like_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _cleaned(query: QueryDict) -> QueryDict | None:
    """The parameters without characters no text of ours can hold; None when there were none."""
    if not any(
        UNUSABLE.search(k) or any(UNUSABLE.search(v) for v in vs) for k, vs in query.lists()
    ):
        return None
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(UNUSABLE.sub("", key), [UNUSABLE.sub("", value) for value in values])
    cleaned._mutable = False
    return cleaned


class InputGuardMiddleware:
    """Characters no text of ours can hold (NUL, which PostgreSQL refuses, the other control
    characters, lone surrogates) never reach a view: they are dropped from parameters and form
    fields (a NUL pasted into a form is no content, and the rest of what was typed is kept), and
    an address holding one is answered 400 with the site's page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if UNUSABLE.search(request.path):
            return render(request, "400.html", status=400)
        if (cleaned := _cleaned(request.GET)) is not None:
            request.GET = cleaned
        posted = request.method == "POST" and request.content_type in FORMS
        if posted and (cleaned := _cleaned(request.POST)) is not None:
            request.POST = cleaned
        return self.get_response(request)
