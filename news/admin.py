from django.conf import settings
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from .languages import field_suffix
from .models import Article, Image, Section, Tag


def translated_search_fields(*fields):
    """Search every language's column of each translated field."""
    return [f"{field}_{field_suffix(code)}" for field in fields for code, _name in settings.LANGUAGES]


class ArticleAdminBase(TabbedTranslationAdmin):
    """What every kind of article's admin shares: filters, languages, publishing."""

    list_display = ("title", "status", "publish_date", "languages", "updated")
    list_filter = ("status", "publish_date", "tags")
    search_fields = translated_search_fields("title", "summary")
    date_hierarchy = "publish_date"
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("lead_image",)
    filter_horizontal = ("tags",)
    actions = ("publish", "unpublish")
    readonly_fields = ("created", "updated")

    @admin.display(description=_("languages"))
    def languages(self, article):
        """The codes of the languages the article is written in."""
        return format_html_join(
            " ",
            '<span class="language-code" title="{}">{}</span>',
            ((name, code) for code, name in article.available_languages),
        )

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(status=Article.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d article published.", "%(count)d articles published.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected articles"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(status=Article.Status.DRAFT)
        self.message_user(
            request,
            ngettext("%(count)d article unpublished.", "%(count)d articles unpublished.", count) % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Article)
class ArticleAdmin(ArticleAdminBase):
    list_display = ("title", "section", "status", "publish_date", "languages", "updated")
    list_filter = ("section", "status", "publish_date", "tags")
    list_select_related = ("section",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "section", "summary", "body")}),
        (_("Picture and tags"), {"fields": ("lead_image", "tags")}),
        (_("Publication"), {"fields": ("status", "publish_date", "author", "created", "updated")}),
    )


@admin.register(Section)
class SectionAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = translated_search_fields("name")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Tag)
class TagAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = translated_search_fields("name")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Image)
class ImageAdmin(TabbedTranslationAdmin):
    list_display = ("thumbnail", "alt_text", "credit", "width", "height", "uploaded")
    search_fields = translated_search_fields("alt_text", "caption") + ["credit"]
    readonly_fields = ("preview", "width", "height")
    fields = ("file", "preview", "alt_text", "caption", "credit", "width", "height")

    @admin.display(description=_("preview"))
    def thumbnail(self, image):
        if not image.file:
            return ""
        return format_html('<img src="{}" alt="" style="max-height:60px;max-width:100px">', image.rendition_url(320))

    @admin.display(description=_("preview"))
    def preview(self, image):
        if not image.pk or not image.file:
            return _("The preview appears once the image is saved.")
        return format_html(
            '<img src="{}" alt="{}" style="max-width:480px;height:auto">', image.rendition_url(640), image.alt_text
        )
