"""Publishers write, save, preview, submit and withdraw their own articles, and follow them on
their dashboard. A user only ever reaches their own articles (any other is a 404); every change
is a POST."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from yuanqu.access import rate
from yuanqu.news.models import Article, Image
from yuanqu.news.services import TransitionError

from . import selectors
from . import services as publishing
from .forms import MAX_IMAGES, SubmitForm
from .images import ImageRejected


def _own(request, pk: int) -> Article:
    return get_object_or_404(Article, pk=pk, submitted_by=request.user)


def _initial(article: Article) -> dict:
    revision = article.revisions.last()
    pictures = [b for b in article.body if b.get("type") == "image" and "upload" in b]
    initial = {
        "title": article.title,
        "summary": article.summary,
        "body": revision.raw_body if revision else "",
        "source_name": article.source_name,
        "original_url": article.original_url,
        "original_author": article.original_author,
        "original_title": article.original_title,
        "parks": "、".join(article.declared_parks),
        "region": article.regions.first(),
    }
    for number, picture in enumerate(pictures[:MAX_IMAGES], start=1):
        initial[f"caption{number}"] = picture.get("caption", "")
    return initial


def _images(request, form, article) -> list:
    """The pictures: new uploads replace the one in their slot; kept ones stay."""
    kept = [
        b for b in (article.body if article else []) if b.get("type") == "image" and "upload" in b
    ]
    found = []
    for number in range(1, MAX_IMAGES + 1):
        caption = form.cleaned_data.get(f"caption{number}", "")
        upload = request.FILES.get(f"image{number}")
        if upload is not None:
            image = publishing.image_upload(upload=upload, size=upload.size, user=request.user)
            found.append((image, caption))
        elif number <= len(kept):
            image = Image.objects.filter(pk=kept[number - 1]["upload"]).first()
            if image is not None:
                found.append((image, caption or kept[number - 1].get("caption", "")))
    return found


@login_required
@permission_required("news.submit_article", raise_exception=True)
@ratelimit(key="user", rate=rate("submit"), method="POST", block=False, group="submit")
def submit(request, pk: int | None = None):
    """Write or edit; the buttons save a draft, preview it, or submit it for publication."""
    article = _own(request, pk) if pk else None
    if article is not None and not publishing.can_edit(article):
        raise Http404
    form = SubmitForm(
        request.POST or None, request.FILES or None, initial=_initial(article) if article else None
    )
    action = request.POST.get("action", "save")
    if request.method == "POST" and getattr(request, "limited", False):
        form.is_valid()
        form.add_error(None, _("You have saved too often in a short time; please wait a little."))
    elif request.method == "POST" and form.is_valid():
        account = getattr(request.user, "account", None)
        if account is not None and account.is_suspended(timezone.now()):
            form.add_error(None, _("Your account is suspended; you cannot submit now."))
        else:
            try:
                saved = _save(request, form, article)
            except (
                publishing.DraftError,
                publishing.SubmitError,
                ImageRejected,
                TransitionError,
            ) as error:
                form.add_error(None, str(error))
            else:
                return _after_save(request, saved, action)
    buttons = [
        ("action", "save", _("Save draft")),
        ("action", "preview", _("Preview")),
        ("action", "submit", _("Submit for publication")),
    ]
    return render(
        request, "publishing/submit.html", {"form": form, "article": article, "buttons": buttons}
    )


def _save(request, form, article):
    data, now = form.cleaned_data, timezone.now()
    draft = publishing.Draft(
        title=data["title"],
        raw_body=data["body"],
        summary=data["summary"],
        source_name=data["source_name"],
        original_url=data["original_url"],
        original_author=data["original_author"],
        original_title=data["original_title"],
        region=data["region"],
        declared_parks=data["parks"].replace("，", "、").split("、"),
        images=_images(request, form, article),
    )
    saved = publishing.article_save_draft(
        author=request.user,
        draft=draft,
        now=now,
        article=article,
        ip=request.META.get("REMOTE_ADDR"),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )
    if publishing.needs_submitting(saved, action=request.POST.get("action", "save")):
        publishing.article_submit(
            article=saved, actor=request.user, now=now, ip=request.META.get("REMOTE_ADDR")
        )
    return saved


def _after_save(request, article, action):
    if action == "preview":
        return redirect("publishing:preview", pk=article.pk)
    if article.status == Article.Status.PUBLISHED:
        messages.success(request, _("Published."))
        return redirect(article.get_absolute_url())
    if article.status == Article.Status.PENDING:
        messages.success(
            request, _("Submitted. A moderator will review it; you will be told the outcome.")
        )
        return redirect("publishing:dashboard")
    messages.success(request, _("Draft saved."))
    return redirect("publishing:edit", pk=article.pk)


@login_required
def preview(request, pk: int):
    article = _own(request, pk)
    uploads = {
        i.pk: i
        for i in Image.objects.filter(pk__in=[b["upload"] for b in article.body if b.get("upload")])
    }
    blocks = [
        {**b, "url": uploads[b["upload"]].get_absolute_url()} if b.get("upload") in uploads else b
        for b in article.body
    ]
    return render(
        request,
        "news/article_detail.html",
        {
            "article": article,
            "blocks": blocks,
            "regions": list(article.regions.all()),
            "preview": True,
        },
    )


@login_required
@require_POST
def withdraw(request, pk: int):
    article = _own(request, pk)
    try:
        publishing.article_withdraw(article=article, actor=request.user, now=timezone.now())
        messages.success(
            request, _("Withdrawn. The article and its revisions are kept, not shown.")
        )
    except TransitionError as error:
        messages.error(request, str(error))
    return redirect("publishing:dashboard")


@login_required
def dashboard(request):
    """The publisher's articles with their state, what moderators did (to appeal), messages."""
    notifications = list(request.user.notifications.all()[:30])
    request.user.notifications.filter(read_at=None).update(read_at=timezone.now())
    return render(
        request,
        "publishing/dashboard.html",
        {
            "articles": selectors.own_articles(request.user),
            "actions": selectors.decisions_on_own_articles(request.user),
            "notifications": notifications,
            "can_submit": request.user.has_perm("news.submit_article"),
        },
    )
