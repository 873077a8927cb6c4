from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from .articles import article_models
from .languages import field_suffix, native_name
from .models import Article, Image, Section, Tag, TranslationState
from .signals import forget_content

# Rows of the translation-status page shown at once.
TRANSLATION_STATUS_PAGE_SIZE = 50


def translated_search_fields(*fields):
    """Search every language's column of each translated field."""
    return [f"{field}_{field_suffix(code)}" for field in fields for code, _name in settings.LANGUAGES]


class LanguageWidgetsMixin:
    """
    Give every translation field's input its language and direction.

    Arabic (any language of ``LANGUAGES_BIDI``) is typed right to left; every
    other language left to right, even when the admin itself is shown in
    Arabic. ``lang`` lets the browser's spelling check pick the right language.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if formfield is not None and language and isinstance(formfield.widget, forms.TextInput | forms.Textarea):
            direction = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
            formfield.widget.attrs.update(lang=language, dir=direction)
        return formfield


class PortalTranslationAdmin(LanguageWidgetsMixin, TabbedTranslationAdmin):
    """The tabbed translation admin, with each tab marked filled or empty (``static/admin-portal/``)."""

    class Media:
        # Named after the script that builds the tabs, so that the merged media keep that order.
        js = ("modeltranslation/js/tabbed_translation_fields.js", "admin-portal/translation-tabs.js")
        css = {"all": ("admin-portal/translations.css",)}


class TranslationStatusForm(forms.Form):
    """The filters of the translation-status page; an invalid choice is reported and ignored."""

    language = forms.ChoiceField(label=_("Language"), required=False)
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("Any state")), *TranslationState.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Any language")), *translation_languages()]


def translation_languages():
    """Return (code, name) of every language an article is translated into."""
    return [(code, native_name(code)) for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class ArticleAdminBase(PortalTranslationAdmin):
    """What every kind of article's admin shares: filters, languages, translation state, publishing."""

    change_list_template = "admin/article_change_list.html"
    list_display = ("title", "status", "publish_date", "languages", "updated")
    list_filter = ("status", "publish_date", "tags")
    search_fields = translated_search_fields("title", "summary")
    date_hierarchy = "publish_date"
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("lead_image",)
    filter_horizontal = ("tags",)
    actions = ("publish", "unpublish", "mark_translations_current")
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

    def set_status(self, queryset, status):
        """Set the status of many articles at once; update() sends no signal, so forget cached pages here."""
        count = queryset.update(status=status, updated=timezone.now())
        forget_content()
        return count

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        count = self.set_status(queryset, Article.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d article published.", "%(count)d articles published.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark the translations of the selected articles as up to date"), permissions=["change"])
    def mark_translations_current(self, request, queryset):
        """Declare the translations still right after an English change that needs none of them changed."""
        count = 0
        for article in queryset:
            article.mark_translations_current()
            article.save(update_fields=["translation_sources"])
            count += 1
        self.message_user(
            request,
            ngettext(
                "The translations of %(count)d article are marked up to date.",
                "The translations of %(count)d articles are marked up to date.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected articles"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = self.set_status(queryset, Article.Status.DRAFT)
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

    def get_urls(self):
        status = self.admin_site.admin_view(self.translation_status_view)
        return [path("translations/", status, name="translation_status"), *super().get_urls()]

    def translation_status_view(self, request):
        """
        List every article of every kind with the state of each translation.

        A language is "outdated" when the English text changed after the
        translation was last written. Staff see the kinds of article they may
        view; staff who may view none are refused. Every article is read (a
        few small columns, one query per kind) so that the totals and the
        filters cover them all; the rows are then shown 50 at a time.
        """
        kinds = [
            (model, model_admin)
            for model in article_models()
            if (model_admin := self.admin_site._registry.get(model)) and model_admin.has_view_permission(request)
        ]
        if not kinds:
            raise PermissionDenied
        languages = translation_languages()
        form = TranslationStatusForm(request.GET or None)
        wanted_language = wanted_state = ""
        if form.is_valid():
            wanted_language, wanted_state = form.cleaned_data["language"], form.cleaned_data["state"]
        rows = []
        totals = {code: dict.fromkeys(TranslationState.values, 0) for code, _name in languages}
        for model, _model_admin in kinds:
            opts = model._meta
            fields = ("pk", f"title_{field_suffix(settings.LANGUAGE_CODE)}", "status", "updated", "translation_sources")
            for article in model.objects.only(*fields).order_by("-updated", "-pk"):
                states = [(code, article.translation_state(code)) for code, _name in languages]
                for code, state in states:
                    totals[code][state] += 1
                rows.append(
                    {
                        "title": article.title_en,
                        "kind": opts.verbose_name,
                        "status": article.get_status_display(),
                        "updated": article.updated,
                        "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[article.pk]),
                        "states": states,
                    }
                )
        rows.sort(key=lambda row: row["updated"], reverse=True)
        if wanted_language or wanted_state:
            rows = [row for row in rows if row_matches(row, wanted_language, wanted_state)]
        page = Paginator(rows, TRANSLATION_STATUS_PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation status"),
            "opts": self.opts,
            "form": form,
            "languages": languages,
            "totals": [
                {"code": code, "name": name, "counts": [(state, totals[code][state]) for state in TranslationState]}
                for code, name in languages
            ],
            "page_obj": page,
            "filter_query": query.urlencode(),
            "states": TranslationState,
        }
        return TemplateResponse(request, "admin/translation_status.html", context)


def row_matches(row, language, state):
    """Whether a row of the status page has ``state`` in ``language`` (either may be empty: any)."""
    return any((not language or code == language) and (not state or found == state) for code, found in row["states"])


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
