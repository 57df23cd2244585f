from django.contrib import admin

from .models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published_at", "source_name", "origin", "status"]
    list_filter = ["status", "origin"]
    search_fields = ["title", "source_name"]
    autocomplete_fields = ["regions"]
    date_hierarchy = "published_at"
