"""Moderators' pages: the queue, one article's record and actions, cases, notices, appeals,
the audit log, the sensitive words and the operator's switch. Everything that changes state is
a POST with a reason and one service call."""

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yuanqu.access import back_to, editor_required
from yuanqu.audit import labels
from yuanqu.audit import selectors as audit_selectors
from yuanqu.news import services as articles
from yuanqu.news.models import Article
from yuanqu.params import ID_MAX, ascii_int

from .. import selectors, services
from ..models import Appeal, Case, Category, Notice, Policy, Report, SensitiveWord

moderator_required = editor_required("moderation.moderate")
ARTICLE_ACTIONS = {
    "approve": articles.article_approve,
    "review": articles.article_review,
    "reject": articles.article_reject,
    "hide": articles.article_hide,
    "take_down": articles.article_take_down,
    "restore": articles.article_restore,
}


@moderator_required
def queue(request):
    now, category = timezone.now(), request.GET.get("category", "")
    overdue_only = request.GET.get("overdue") == "1"
    sections = {
        "submissions": selectors.submissions(now),
        "cases": selectors.open_cases(now, category if category in Category.values else ""),
        "notices": selectors.open_notices(now),
        "appeals": selectors.open_appeals(now),
    }
    if overdue_only:
        for key in ("submissions", "cases", "notices", "appeals"):
            sections[key] = [row for row in sections[key] if row.overdue]
    return render(
        request,
        "moderation/queue.html",
        {
            **sections,
            "unreviewed": selectors.unreviewed(now),
            "categories": Category.choices,
            "category": category,
            "overdue_only": overdue_only,
            "now": now,
        },
    )


@moderator_required
def article_moderation(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("submitted_by__account"), pk=pk)
    if request.method == "POST":
        action, reason = request.POST.get("action", ""), request.POST.get("reason", "")
        if action not in ARTICLE_ACTIONS:
            raise Http404
        try:
            ARTICLE_ACTIONS[action](
                article=article, actor=request.user, now=timezone.now(), reason=reason
            )
        except articles.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Done: %(state)s.") % {"state": article.get_status_display()}
            )
        return redirect("moderation:article", pk=article.pk)
    return render(
        request,
        "moderation/article.html",
        {
            "article": article,
            "record": selectors.article_record(article),
            "revisions": article.revisions.select_related("author"),
            "reports": article.reports.select_related("case"),
            "notices": article.notices.all(),
            "hits": services.sensitive_hits(f"{article.title}\n{article.summary}\n{article.text}"),
        },
    )


@moderator_required
def case_detail(request, pk: int):
    case = get_object_or_404(Case.objects.select_related("article"), pk=pk)
    if request.method == "POST":
        try:
            services.case_close(
                case=case,
                actor=request.user,
                now=timezone.now(),
                outcome=request.POST.get("outcome", ""),
                note=request.POST.get("note", ""),
                action=request.POST.get("article_action", ""),
            )
        except (services.ReportError, articles.TransitionError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The case is closed; the reporters can read the outcome."))
            return redirect("moderation:queue")
    return render(
        request,
        "moderation/case.html",
        {
            "case": case,
            "reports": case.reports.all(),
            "now": timezone.now(),
            "outcomes": Case.Outcome.choices,
        },
    )


@moderator_required
def notice_detail(request, pk: int):
    """A notice with what a moderator weighs: the other notices on the item, the sender's
    history; a notice waiting for a decision is decided here."""
    notice = get_object_or_404(Notice.objects.select_related("article"), pk=pk)
    if request.method == "POST":
        try:
            services.notice_decide(
                notice=notice,
                actor=request.user,
                now=timezone.now(),
                accept=request.POST.get("decision") == "accept",
                note=request.POST.get("note", ""),
            )
        except (services.NoticeError, articles.TransitionError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The notice is decided; the sender is told."))
            return redirect("moderation:queue")
    return render(
        request,
        "moderation/notice.html",
        {
            "notice": notice,
            "on_item": selectors.notices_on_item(notice),
            "history": selectors.sender_history(notice),
        },
    )


@moderator_required
def appeal_detail(request, pk: int):
    appeal = get_object_or_404(Appeal.objects.select_related("article", "action__actor"), pk=pk)
    if request.method == "POST":
        try:
            services.appeal_decide(
                appeal=appeal,
                actor=request.user,
                now=timezone.now(),
                overturn=request.POST.get("decision") == "overturn",
                note=request.POST.get("note", ""),
            )
        except (services.NoticeError, articles.TransitionError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The appeal is decided; the author is told."))
            return redirect("moderation:queue")
    return render(request, "moderation/appeal.html", {"appeal": appeal})


@moderator_required
def audit(request):
    groups = labels.groups()
    event = request.GET.get("event", "")
    entries = audit_selectors.entries(event=labels.group_prefix(event))
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request, "moderation/audit.html", {"page": page, "event": event, "groups": groups}
    )


@moderator_required
def evidence(request, kind: str, pk: int):
    """Evidence and proof files, to moderators only, as downloads (never rendered)."""
    row = get_object_or_404({"report": Report, "notice": Notice}.get(kind) or Report, pk=pk)
    field = row.evidence if kind == "report" else row.proof
    if not field:
        raise Http404
    return FileResponse(
        field.open("rb"),
        as_attachment=True,
        filename=f"{kind}-{pk}{field.name[field.name.rfind('.') :]}",
    )


@moderator_required
def words(request):
    if request.method == "POST":
        try:
            if request.POST.get("action") == "add":
                services.word_add(
                    word=request.POST.get("word", ""),
                    note=request.POST.get("note", ""),
                    actor=request.user,
                    now=timezone.now(),
                )
            elif request.POST.get("action") == "remove":
                pk = ascii_int(request.POST.get("pk"), maximum=ID_MAX)
                row = get_object_or_404(SensitiveWord, pk=pk or 0)
                services.word_remove(row=row, actor=request.user, now=timezone.now())
        except services.SanctionError as error:
            messages.error(request, str(error))
        return redirect("moderation:words")
    return render(
        request, "moderation/words.html", {"words": SensitiveWord.objects.filter(active=True)}
    )


@editor_required("moderation.manage_policy")
def policy(request):
    if request.method == "POST":
        services.policy_set(
            premoderate_all=request.POST.get("premoderate_all") == "on",
            actor=request.user,
            now=timezone.now(),
        )
        messages.success(request, _("Saved."))
        return redirect("moderation:policy")
    return render(request, "moderation/policy.html", {"policy": Policy.current()})


@moderator_required
@require_POST
def sanction(request, user_id: int):
    """Warn a user, or suspend them for some days; the reason is sent to them."""
    user = get_object_or_404(User, pk=user_id)
    if user.has_perm("moderation.moderate") and not request.user.is_superuser:
        raise PermissionDenied
    reason, now = request.POST.get("reason", ""), timezone.now()
    days = request.POST.get("days", "")
    try:
        if request.POST.get("kind") == "suspend":
            services.user_suspend(
                user=user,
                actor=request.user,
                reason=reason,
                days=ascii_int(days, maximum=365, minimum=1, default=7),
                now=now,
            )
            messages.success(request, _("Suspended."))
        else:
            services.user_warn(user=user, actor=request.user, reason=reason, now=now)
            messages.success(request, _("Warned."))
    except services.SanctionError as error:
        messages.error(request, str(error))
    return back_to(request, "moderation:queue")
