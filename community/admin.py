from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.admin import CountMessageMixin, PortalTranslationAdmin

from .models import Board, Post, Topic


@admin.register(Board)
class BoardAdmin(PortalTranslationAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("title", "board", "author", "created", "last_post_at", "is_locked", "is_pinned")
    list_filter = ("board", "is_locked", "is_pinned")
    list_select_related = ("board", "author")
    search_fields = ("title", "author__username")
    raw_id_fields = ("author",)


@admin.register(Post)
class PostAdmin(CountMessageMixin, admin.ModelAdmin):
    list_display = ("__str__", "topic", "author", "created", "is_hidden")
    list_filter = ("is_hidden", "topic__board")
    list_select_related = ("topic", "author")
    search_fields = ("body", "author__username", "topic__title")
    raw_id_fields = ("author", "topic")
    actions = ("hide", "show")

    @admin.action(description=_("Hide the selected posts"), permissions=["change"])
    def hide(self, request, queryset):
        count = queryset.update(is_hidden=True)
        self.message_count(request, ngettext_lazy("%(count)d post hidden.", "%(count)d posts hidden.", "count"), count)

    @admin.action(description=_("Show the selected posts again"), permissions=["change"])
    def show(self, request, queryset):
        count = queryset.update(is_hidden=False, hidden_reason="")
        self.message_count(request, ngettext_lazy("%(count)d post shown.", "%(count)d posts shown.", "count"), count)
