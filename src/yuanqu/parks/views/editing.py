"""Pages and actions for editors: reviewing a fact, correcting an article's park links, removing
what was read wrongly. Every change is a POST and one service call."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yuanqu.access import back_to, editor_required
from yuanqu.audit.selectors import history
from yuanqu.news.models import Article
from yuanqu.params import ID_MAX, ascii_int

from .. import selectors, services
from ..forms import AddParkForm, FactReviewForm
from ..indicators import INDICATORS
from ..models import ArticlePark, Membership, ParkFact, Platform, Project, Recognition

ROWS = {
    "membership": Membership,
    "recognition": Recognition,
    "platform": Platform,
    "project": Project,
}


@editor_required("parks.change_parkfact")
def fact_review(request, pk: int):
    fact = get_object_or_404(ParkFact.objects.select_related("article", "park"), pk=pk)
    form = FactReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data, now = form.cleaned_data, timezone.now()
        common = {"fact": fact, "actor": request.user, "now": now, "reason": data["reason"]}
        if data["decision"] == "confirm":
            services.fact_confirm(**common)
        elif data["decision"] == "reject":
            services.fact_reject(**common)
        else:
            services.fact_correct(**common, value=data["value"], period=data["period"])
        messages.success(request, _("Saved. The decision is kept when the article is read again."))
        return back_to(
            request, fact.park.get_absolute_url() if fact.park else fact.get_absolute_url()
        )
    indicator = next((i for i in INDICATORS if i.code == fact.indicator), None)
    return render(
        request,
        "parks/fact_review.html",
        {
            "fact": fact,
            "form": form,
            "changes": history(target_type="parkfact", target_id=fact.pk),
            "indicator": indicator,
        },
    )


@editor_required("parks.change_articlepark")
def article_parks(request, pk: int):
    """The parks an article is linked to, to add, remove or restore links."""
    article = get_object_or_404(Article, pk=pk)
    form = AddParkForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add" and form.is_valid():
            park = selectors.directory(query=form.cleaned_data["name"]).first()
            if park is None:
                form.add_error("name", _("No park matches this name."))
            else:
                services.article_park_add(
                    article=article, park=park, actor=request.user, now=timezone.now()
                )
                messages.success(request, _("Linked to %(park)s.") % {"park": park.name})
                return redirect(request.path)
        elif action in ("remove", "restore"):
            pk = ascii_int(request.POST.get("link"), maximum=ID_MAX)
            link = get_object_or_404(ArticlePark, pk=pk or 0, article=article)
            service = getattr(services, f"article_park_{action}")
            service(
                link=link,
                actor=request.user,
                now=timezone.now(),
                reason=request.POST.get("reason", ""),
            )
            messages.success(request, _("Saved."))
            return redirect(request.path)
    links = (
        ArticlePark.objects.filter(article=article)
        .select_related("park")
        .order_by("removed", "-mentions", "id")
    )
    return render(
        request, "parks/article_parks.html", {"article": article, "links": links, "form": form}
    )


@require_POST
def row_decide(request, kind: str, pk: int):
    """Remove (or restore) a membership, recognition, platform or project read wrongly."""
    model = ROWS.get(kind)
    if model is None:
        raise Http404
    if not request.user.has_perm(f"parks.change_{kind}"):
        raise PermissionDenied
    row = get_object_or_404(model, pk=pk)
    action = request.POST.get("action")
    if action not in ("remove", "restore"):
        raise Http404
    service = services.row_remove if action == "remove" else services.row_restore
    service(row=row, actor=request.user, now=timezone.now(), reason=request.POST.get("reason", ""))
    messages.success(request, _("Saved. Reading the article again keeps this."))
    return back_to(request, row.get_absolute_url() or "/")
