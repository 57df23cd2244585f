from django.contrib import admin

from .models import ArticlePark, Park, ParkStatusChange


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
