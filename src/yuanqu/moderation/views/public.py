"""What anyone can do: report content, follow a ticket, send a rights holder's notice, read the
public notices; what an uploader or author can do: counter-notice, appeal."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from yuanqu.access import rate
from yuanqu.audit.models import AuditEntry
from yuanqu.news.models import Article
from yuanqu.params import ID_MAX, ascii_int

from .. import services
from ..forms import CounterNoticeForm, NoticeForm, ReasonForm, ReportForm
from ..models import Notice, Report

ARTICLE_URL = re.compile(r"/news/(\d+)/")


def _ip(request):
    return request.META.get("REMOTE_ADDR")


def _article(value) -> Article | None:
    pk = ascii_int(value, maximum=ID_MAX)
    return Article.objects.filter(pk=pk).first() if pk else None


@ratelimit(key="ip", rate=rate("report"), method="POST", block=False, group="report")
def report(request):
    """The report form, for everyone; signed-in users skip the question."""
    article = _article(request.GET.get("article") or request.POST.get("article"))
    anonymous = not request.user.is_authenticated
    initial = {"url": request.build_absolute_uri(article.get_absolute_url())} if article else {}
    form = ReportForm(
        request.POST or None, request.FILES or None, initial=initial, with_challenge=anonymous
    )
    if request.method == "POST" and getattr(request, "limited", False):
        form.is_valid()
        form.add_error(
            None, _("Too many reports from your network in a short time; please try again later.")
        )
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target = article or _article((ARTICLE_URL.search(data["url"]) or [None, None])[1])
        try:
            filed = services.report_create(
                category=data["category"],
                details=data["details"],
                now=timezone.now(),
                article=target,
                url=data["url"],
                evidence=data["evidence"],
                contact=data["contact"],
                reporter=request.user,
                ip=_ip(request),
            )
        except services.ReportError as error:
            form.add_error("url", str(error))
        else:
            return redirect(filed.get_absolute_url())
    return render(request, "moderation/report_form.html", {"form": form, "article": article})


def report_status(request, ticket: str):
    """A reporter's ticket: its state and, once closed, the outcome. The key in the link keeps
    others out."""
    filed = get_object_or_404(Report.objects.select_related("case", "article"), ticket=ticket)
    if not constant_time_compare(request.GET.get("key", ""), filed.key):
        raise Http404
    return render(request, "moderation/report_status.html", {"report": filed, "case": filed.case})


@ratelimit(key="ip", rate=rate("notice"), method="POST", block=False, group="notice")
@ratelimit(
    key="post:contact_email",
    rate=rate("notice_sender"),
    method="POST",
    block=False,
    group="notice_sender",
)
def notice(request):
    """A rights holder's notice: the work, the addresses of the items, the proof. Nothing
    happens until the sender confirms the e-mail address by the link mailed to it."""
    form = NoticeForm(
        request.POST or None,
        request.FILES or None,
        with_challenge=not request.user.is_authenticated,
    )
    if request.method == "POST" and getattr(request, "limited", False):
        form.is_valid()
        form.add_error(
            None, _("Too many notices from your network or your address; please try again later.")
        )
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ids = list(dict.fromkeys(int(match) for match in ARTICLE_URL.findall(data["urls"])))
        found = Article.objects.filter(pk__in=ids).exclude(status=Article.Status.DRAFT)
        by_id = {article.pk: article for article in found}
        try:
            notices = services.notice_create(
                articles=[by_id[pk] for pk in ids if pk in by_id],
                fields={key: data[key] for key in services.notices.FIELDS},
                proof=data["proof"],
                now=timezone.now(),
                ip=_ip(request),
                base_url=request.build_absolute_uri("/").rstrip("/"),
            )
        except services.NoticeError as error:
            form.add_error("urls", str(error))
        else:
            return redirect(notices[0].get_absolute_url())
    return render(request, "moderation/notice_form.html", {"form": form})


def notice_confirm(request, ticket: str, token: str):
    """The link mailed to the sender. Opening it shows a button (mail scanners open links too);
    pressing it makes the notice count."""
    if request.method == "POST":
        try:
            notices = services.notice_confirm(batch=ticket, token=token, now=timezone.now())
        except services.NoticeError as error:
            return render(request, "moderation/notice_confirm.html", {"error": str(error)})
        return redirect(notices[0].get_absolute_url())
    return render(request, "moderation/notice_confirm.html", {"ticket": ticket})


def notice_status(request, ticket: str):
    """The sender's page: every item of the sending, with its state."""
    items = list(Notice.objects.filter(batch=ticket).select_related("article").order_by("id"))
    if not items or not constant_time_compare(request.GET.get("key", ""), items[0].key):
        raise Http404
    return render(request, "moderation/notice_status.html", {"notice": items[0], "items": items})


def public_notices(request):
    """Notices that could not be forwarded to an uploader, published instead."""
    notices = Notice.objects.filter(public=True).select_related("article")[:100]
    return render(request, "moderation/public_notices.html", {"notices": notices})


@login_required
def counter_notice(request, ticket: str):
    filed = get_object_or_404(Notice.objects.select_related("article"), ticket=ticket)
    if filed.article.submitted_by_id != request.user.pk:
        raise Http404
    form = CounterNoticeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {key: data[key] for key in ("name", "contact", "address", "reasons", "signature")}
        try:
            services.counter_notice_create(
                notice=filed,
                user=request.user,
                fields=fields,
                proof=data["proof"],
                now=timezone.now(),
            )
        except services.NoticeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Counter-notice filed: the article is restored and your counter-notice was sent to the rights holder."
                ),
            )
            return redirect("publishing:dashboard")
    return render(request, "moderation/counter_notice_form.html", {"form": form, "notice": filed})


@login_required
def appeal(request, pk: int):
    action = get_object_or_404(AuditEntry.objects.select_related("article"), pk=pk)
    if action.article is None or action.article.submitted_by_id != request.user.pk:
        raise Http404
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_create(
                action=action,
                user=request.user,
                reason=form.cleaned_data["reason"],
                now=timezone.now(),
            )
        except services.NoticeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Appeal filed. A moderator who did not take the decision will review it."),
            )
            return redirect("publishing:dashboard")
    return render(request, "moderation/appeal_form.html", {"form": form, "action": action})
