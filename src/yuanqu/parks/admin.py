"""The registry in the admin. What is read from the news is changed only through the editors'
services (actions here, or the editor pages), so that every decision is in the audit log."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ArticlePark, Park, ParkFact, ParkStatusChange


class StatusInline(admin.TabularInline):
    model = ParkStatusChange
    extra = 0


@admin.register(Park)
class ParkAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "kind", "province", "city", "approved"]
    list_filter = ["level", "kind", "province"]
    search_fields = ["name", "alias_text", "code"]
    inlines = [StatusInline]


class DecidedByActions(admin.ModelAdmin):
    """Rows read from the news: read-only, changed by the actions, which record the editor."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


@admin.register(ArticlePark)
class ArticleParkAdmin(DecidedByActions):
    list_display = ["article", "park", "origin", "removed", "mentions"]
    list_filter = ["origin", "removed"]
    raw_id_fields = ["article", "park"]
    actions = ["remove", "restore"]

    @admin.action(description=_("Unlink the selected parks"))
    def remove(self, request, queryset):
        for link in queryset.select_related("park"):
            services.article_park_remove(link=link, actor=request.user, now=timezone.now())

    @admin.action(description=_("Link the selected parks again"))
    def restore(self, request, queryset):
        for link in queryset.select_related("park"):
            services.article_park_restore(link=link, actor=request.user, now=timezone.now())


@admin.register(ParkFact)
class ParkFactAdmin(DecidedByActions):
    list_display = ["text", "park", "indicator", "period", "kind", "status", "stale", "article"]
    list_filter = ["status", "stale", "kind", "indicator"]
    search_fields = ["text", "metric", "sentence", "park__name"]
    actions = ["confirm", "reject"]

    @admin.action(description=_("Confirm the selected facts"))
    def confirm(self, request, queryset):
        for fact in queryset.select_related("article", "park"):
            services.fact_confirm(fact=fact, actor=request.user, now=timezone.now())

    @admin.action(description=_("Reject the selected facts"))
    def reject(self, request, queryset):
        for fact in queryset.select_related("article", "park"):
            services.fact_reject(fact=fact, actor=request.user, now=timezone.now())
