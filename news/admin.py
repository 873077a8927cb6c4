from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.admin import PortalTranslationAdmin, translated_search_fields
from core.history import RevisionAdminMixin
from core.signals import content_updated

from .models import Article, Image, Section, Tag, TranslationState
from .search import mark_published
from .translation_files import TranslationFilesAdminMixin
from .translation_status import TranslationStatusView


class ArticleAdminBase(TranslationFilesAdminMixin, RevisionAdminMixin, PortalTranslationAdmin):
    """What every kind of article's admin shares: filters, languages, translation state, publishing, revisions."""

    change_list_template = "admin/article_change_list.html"
    list_display = ("title", "status", "publish_date", "languages", "updated")
    list_filter = ("status", "publish_date", "tags")
    search_fields = translated_search_fields("title", "summary")
    date_hierarchy = "publish_date"
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("lead_image",)
    filter_horizontal = ("tags",)
    actions = ("publish", "unpublish", "mark_translations_current", "export_for_translation")
    readonly_fields = ("created", "updated")

    @admin.display(description=_("languages"))
    def languages(self, article):
        """The codes of the languages the article is written in; an outdated translation says so."""
        outdated = set(article.outdated_languages)
        current = format_html_join(
            " ",
            '<span class="language-code" title="{}">{}</span>',
            ((name, code) for code, name in article.available_languages if code not in outdated),
        )
        stale = format_html_join(
            " ",
            '<span class="language-code language-code--outdated" title="{}">{} <small>{}</small></span>',
            (
                (name, code, TranslationState.OUTDATED.label)
                for code, name in article.available_languages
                if code in outdated
            ),
        )
        return format_html("{} {}", current, stale) if stale else current

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author":
            # Authors are staff; readers' accounts are none of an editor's business.
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    def prepare_restored(self, article):
        """A restored or recovered article is a draft: the restore alone never publishes it."""
        article.status = Article.Status.DRAFT

    def set_status(self, queryset, status):
        """Set the status of many articles at once; update() sends no model signal, so say what changed."""
        pks = list(queryset.values_list("pk", flat=True))
        count = queryset.update(status=status, updated=timezone.now())
        mark_published(queryset.model, pks, status == Article.Status.PUBLISHED)
        content_updated.send(sender=queryset.model)
        return count

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        count = self.set_status(queryset, Article.Status.PUBLISHED)
        self.message_count(
            request, ngettext_lazy("%(count)d article published.", "%(count)d articles published.", "count"), count
        )

    @admin.action(description=_("Mark the translations of the selected articles as up to date"), permissions=["change"])
    def mark_translations_current(self, request, queryset):
        """Declare the translations still right after an English change that needs none of them changed."""
        count = 0
        for article in queryset:
            article.mark_translations_current()
            article.save(update_fields=["translation_sources"])
            count += 1
        self.message_count(
            request,
            ngettext_lazy(
                "The translations of %(count)d article are marked up to date.",
                "The translations of %(count)d articles are marked up to date.",
                "count",
            ),
            count,
        )

    @admin.action(description=_("Unpublish the selected articles"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = self.set_status(queryset, Article.Status.DRAFT)
        self.message_count(
            request, ngettext_lazy("%(count)d article unpublished.", "%(count)d articles unpublished.", "count"), count
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

    def get_urls(self):
        status = self.admin_site.admin_view(TranslationStatusView.as_view(model_admin=self))
        return [path("translations/", status, name="translation_status"), *super().get_urls()]


@admin.register(Section)
class SectionAdmin(PortalTranslationAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = translated_search_fields("name")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Tag)
class TagAdmin(PortalTranslationAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = translated_search_fields("name")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Image)
class ImageAdmin(PortalTranslationAdmin):
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
