"""Publishers write, save, preview, submit and withdraw their own articles. A user only ever
reaches their own articles (any other is a 404); every change is a POST."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from yuanqu.access import rate
from yuanqu.moderation import services as moderation

from . import publishing
from .forms import MAX_IMAGES, SubmitForm
from .images import ImageRejected
from .models import Article, Image


def _own(request, pk: int) -> Article:
    return get_object_or_404(Article, pk=pk, submitted_by=request.user)


def _initial(article: Article) -> dict:
    revision = article.revisions.last()
    pictures = [b for b in article.body if b.get("type") == "image" and "upload" in b]
    initial = {
        "title": article.title, "summary": article.summary,
        "body": revision.raw_body if revision else "", "source_name": article.source_name,
        "original_url": article.original_url, "original_author": article.original_author,
        "original_title": article.original_title, "parks": "、".join(article.declared_parks),
        "region": article.regions.first(),
    }  # fmt: skip
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
            image = publishing.image_upload(data=upload.read(), user=request.user)
            found.append((image, caption))
        elif number <= len(kept):
            image = Image.objects.filter(pk=kept[number - 1]["upload"]).first()
            if image is not None:
                found.append((image, caption or kept[number - 1].get("caption", "")))
    return found


@login_required
@permission_required("news.submit_article", raise_exception=True)
@ratelimit(key="user", rate=rate("submit"), method="POST", block=False,
           group="submit")  # fmt: skip
def submit(request, pk: int | None = None):
    """Write or edit; the buttons save a draft, preview it, or submit it for publication."""
    article = _own(request, pk) if pk else None
    if article is not None and article.status not in publishing.EDITABLE:
        raise Http404
    form = SubmitForm(request.POST or None, request.FILES or None,
                      initial=_initial(article) if article else None)  # fmt: skip
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
            except (publishing.DraftError, ImageRejected, moderation.TransitionError) as error:
                form.add_error(None, str(error))
            else:
                return _after_save(request, saved, action)
    buttons = [("action", "save", _("Save draft")), ("action", "preview", _("Preview")),
               ("action", "submit", _("Submit for publication"))]  # fmt: skip
    return render(
        request, "news/submit.html", {"form": form, "article": article, "buttons": buttons}
    )


def _save(request, form, article):
    data, now = form.cleaned_data, timezone.now()
    draft = publishing.Draft(
        title=data["title"], raw_body=data["body"], summary=data["summary"],
        source_name=data["source_name"], original_url=data["original_url"],
        original_author=data["original_author"], original_title=data["original_title"],
        region=data["region"], declared_parks=data["parks"].replace("，", "、").split("、"),
        images=_images(request, form, article),
    )  # fmt: skip
    saved = publishing.article_save_draft(
        author=request.user, draft=draft, now=now, article=article,
        ip=request.META.get("REMOTE_ADDR"), user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )  # fmt: skip
    if request.POST.get("action") == "submit" or (
        article
        and article.status != Article.Status.DRAFT
        and article.status != Article.Status.REJECTED
    ):
        moderation.article_submit(article=saved, actor=request.user, now=now,
                                  ip=request.META.get("REMOTE_ADDR"))  # fmt: skip
    return saved


def _after_save(request, article, action):
    if action == "preview":
        return redirect("news:submit_preview", pk=article.pk)
    if article.status == Article.Status.PUBLISHED:
        messages.success(request, _("Published."))
        return redirect(article.get_absolute_url())
    if article.status == Article.Status.PENDING:
        messages.success(
            request, _("Submitted. A moderator will review it; you will be told the outcome.")
        )
        return redirect("accounts:home")
    messages.success(request, _("Draft saved."))
    return redirect("news:submit_edit", pk=article.pk)


@login_required
def preview(request, pk: int):
    article = _own(request, pk)
    uploads = {i.pk: i for i in Image.objects.filter(
        pk__in=[b["upload"] for b in article.body if b.get("upload")])}  # fmt: skip
    blocks = [{**b, "url": uploads[b["upload"]].get_absolute_url()} if b.get("upload") in uploads
              else b for b in article.body]  # fmt: skip
    return render(request, "news/article_detail.html", {
        "article": article, "blocks": blocks, "regions": list(article.regions.all()),
        "preview": True,
    })  # fmt: skip


@login_required
@require_POST
def withdraw(request, pk: int):
    article = _own(request, pk)
    try:
        moderation.article_withdraw(article=article, actor=request.user, now=timezone.now())
        messages.success(
            request, _("Withdrawn. The article and its revisions are kept, not shown.")
        )
    except moderation.TransitionError as error:
        messages.error(request, str(error))
    return redirect("accounts:home")
