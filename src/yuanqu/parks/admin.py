from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .fact_services import fact_confirm, fact_reject
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


@admin.register(ArticlePark)
class ArticleParkAdmin(admin.ModelAdmin):
    """Editors correct links here: set origin to editor, or tick removed; linking keeps both."""

    list_display = ["article", "park", "origin", "removed", "mentions"]
    list_filter = ["origin", "removed"]
    raw_id_fields = ["article", "park"]


@admin.register(ParkFact)
class ParkFactAdmin(admin.ModelAdmin):
    """Editors confirm or reject facts with the actions, which record who and when; fields are
    read-only here so that no change bypasses that history."""

    list_display = ["text", "park", "indicator", "period", "kind", "status", "stale", "article"]
    list_filter = ["status", "stale", "kind", "indicator"]
    search_fields = ["text", "metric", "sentence", "park__name"]
    readonly_fields = [field.name for field in ParkFact._meta.fields]
    actions = ["confirm", "reject"]

    @admin.action(description=_("Confirm the selected facts"))
    def confirm(self, request, queryset):
        for fact in queryset:
            fact_confirm(fact=fact, actor=request.user, now=timezone.now())

    @admin.action(description=_("Reject the selected facts"))
    def reject(self, request, queryset):
        for fact in queryset:
            fact_reject(fact=fact, actor=request.user, now=timezone.now())
