"""Articles in the admin. The status is read-only here: operators change it with the actions,
which call the state machine (`services.lifecycle`) and so write the audit log like every other
transition. A transition that needs a reason asks for it first."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models import Article

# action: (service, label, needs a reason)
TRANSITIONS = {
    "publish": (services.article_publish, gettext_lazy("Publish the selected drafts"), False),
    "hide": (services.article_hide, gettext_lazy("Hide the selected articles for review"), True),
    "take_down": (
        services.article_take_down,
        gettext_lazy("Take down the selected articles"),
        True,
    ),
    "restore": (services.article_restore, gettext_lazy("Restore the selected articles"), True),
}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (the author is told it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
    )


def _transition(action: str):
    service, label, needs_reason = TRANSITIONS[action]

    def run(modeladmin, request, queryset):
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if needs_reason and not form.is_valid():
            return TemplateResponse(
                request,
                "admin/news/article/transition.html",
                {
                    **modeladmin.admin_site.each_context(request),
                    "title": label,
                    "form": form,
                    "articles": queryset,
                    "action": action,
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                    "opts": modeladmin.opts,
                },
            )
        done, refused = 0, []
        for article in queryset:
            kwargs = {"reason": form.cleaned_data["reason"]} if needs_reason else {}
            try:
                service(article=article, actor=request.user, now=timezone.now(), **kwargs)
                done += 1
            except services.TransitionError as error:
                refused.append(f"《{article.title}》：{error}")
        if done:
            modeladmin.message_user(request, _("%(n)d articles changed.") % {"n": done})
        for line in refused:
            modeladmin.message_user(request, line, messages.WARNING)
        return None

    run.__name__ = action
    return admin.action(description=label)(run)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published_at", "source_name", "origin", "status"]
    list_filter = ["status", "origin"]
    search_fields = ["title", "source_name"]
    autocomplete_fields = ["regions"]
    date_hierarchy = "published_at"
    readonly_fields = ["status", "reviewed_at", "submitted_by", "import_key", "origin"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [_transition(action) for action in TRANSITIONS]

    def save_model(self, request, obj, form, change):
        """Content edits of a published article are read again; the status never changes here."""
        super().save_model(request, obj, form, change)
        services.article_content_changed(article=obj)
