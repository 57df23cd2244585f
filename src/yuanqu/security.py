"""What every response and request goes through for safety: the Content-Security-Policy, and
the client's real address behind trusted proxies (rate limits and the audit log key on it)."""

import ipaddress

from django.conf import settings

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
