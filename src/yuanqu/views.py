"""The site's own pages: about, and the error pages. Error pages are in the layout and in Chinese,
offer a way back, and show nothing internal (no exception text, no debugging notes)."""

import logging

from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .context_processors import site

logger = logging.getLogger(__name__)


def about(request):
    return render(request, "about.html")


def came_from(request) -> str:
    """The page of this site the reader came from (its Referer), to offer a way back; "" for
    another site's page, for the page itself (a form posted to its own address is a way back),
    or when the request's host is not ours."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host, here = request.get_host(), request.build_absolute_uri()
    except DisallowedHost:
        return ""
    same_site = url_has_allowed_host_and_scheme(referer, {host}, require_https=request.is_secure())
    itself = referer == here and request.method == "GET"
    return referer if referer and same_site and not itself else ""


def page_not_found(request, exception):
    return render(request, "404.html", {"came_from": came_from(request)}, status=404)


def permission_denied(request, exception):
    return render(request, "403.html", {"came_from": came_from(request)}, status=403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its token (an old tab, cookies off). Django logs
    the reason; the reader is asked to send the form again from its page."""
    return render(request, "403_csrf.html", {"came_from": came_from(request)}, status=403)


def _bare_render(template: str, request, *, title: str, **context) -> str:
    """The page in the layout without the context processors and the database (either may be
    why we are here); should even that fail, a few lines of plain HTML in Chinese."""
    try:
        return render_to_string(template, {**site(request), **context})
    except Exception:
        logger.exception("%s could not be rendered", template)
        return format_html(
            '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>{}</title>'
            '<h1>{}</h1><p><a href="/">{}</a></p></html>',
            title,
            title,
            _("Back to the home page"),
        )


def server_error(request):
    retry = request.get_full_path() if request.method == "GET" else ""
    html = _bare_render("500.html", request, title=_("Server error"), retry=retry)
    return HttpResponseServerError(html)


def bad_request(request, exception):
    """A request Django refuses (a host not ours, a malformed form): the host cannot be trusted,
    so the page is rendered as the 500 page is."""
    return HttpResponseBadRequest(_bare_render("400.html", request, title=_("Bad request")))
