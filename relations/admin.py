from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from core.admin import InlineConstraintsForm, LanguageWidgetsMixin, PortalTranslationAdmin, translated_search_fields
from core.history import RevisionAdminMixin
from news.admin import WORKFLOW_FILTERS, ArticleAdminBase

from .models import Article, Partner, Summit, Topic, TradeFigure


class SummitInline(LanguageWidgetsMixin, TranslationStackedInline):
    model = Summit
    extra = 0
    autocomplete_fields = ("photo",)
    fields = ("date", "place", "leaders", "occasion", "photo", "caption", "article")


class TradeFigureInline(LanguageWidgetsMixin, TranslationTabularInline):
    model = TradeFigure
    form = InlineConstraintsForm
    extra = 0
    fields = ("year", "total", "exports", "imports", "balance", "share", "bound", "source", "note")


@admin.register(Partner)
class PartnerAdmin(RevisionAdminMixin, PortalTranslationAdmin):
    list_display = ("name", "kind", "iso_code", "established_year", "position")
    list_filter = ("kind",)
    list_editable = ("position",)
    search_fields = translated_search_fields("name") + ["iso_code"]
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = (SummitInline, TradeFigureInline)


@admin.register(Topic)
class TopicAdmin(PortalTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = translated_search_fields("name")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Article)
class RelationArticleAdmin(ArticleAdminBase):
    list_display = ("title", "partner", "status", "publish_date", "languages", "updated")
    list_filter = ("partner", "status", *WORKFLOW_FILTERS, "topics", "publish_date")
    list_select_related = ("partner",)
    filter_horizontal = ("tags", "topics")
    fieldsets = (
        (None, {"fields": ("title", "slug", "partner", "topics", "summary", "body")}),
        (_("Picture and tags"), {"fields": ("lead_image", "tags")}),
        (_("Publication"), {"fields": ("status", "publish_date", "author", "created", "updated")}),
    )


@admin.register(Summit)
class SummitAdmin(RevisionAdminMixin, PortalTranslationAdmin):
    list_display = ("date", "place", "partner", "leaders", "occasion")
    list_filter = ("partner", "date")
    list_select_related = ("partner",)
    search_fields = translated_search_fields("place", "leaders", "occasion", "caption")
    autocomplete_fields = ("photo",)
    date_hierarchy = "date"


@admin.register(TradeFigure)
class TradeFigureAdmin(RevisionAdminMixin, PortalTranslationAdmin):
    list_display = ("partner", "year", "total", "exports", "imports", "balance", "share", "bound")
    list_filter = ("partner", "year", "bound")
    list_select_related = ("partner",)
    search_fields = translated_search_fields("source", "note")
