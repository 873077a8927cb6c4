from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.admin import PortalTranslationAdmin, translated_search_fields
from core.history import RevisionAdminMixin
from core.languages import native_name
from core.signals import content_updated

from . import workflow
from .admin_forms import ArticleFormMixin
from .models import Article, Image, Section, Tag, TranslationState
from .review_views import ApproveView, SendBackView, SharePreviewView
from .search import mark_published
from .translation_files import TranslationFilesAdminMixin
from .translation_status import TRANSLATION_PROBLEMS, TranslationStatusView, articles_with_translation_problem

# "Recently published" on the dashboard and in the list's filter.
RECENT_DAYS = 7
# The name of the change form's "Save and submit for review" button.
SUBMIT_BUTTON = "_submit_for_review"


class PublicationListFilter(admin.SimpleListFilter):
    """Published articles by where they stand: scheduled for later, live, or live since the last days."""

    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("scheduled", _("Scheduled")),
            ("live", _("Live")),
            ("recent", _("Published in the last %(days)d days") % {"days": RECENT_DAYS}),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = queryset.filter(status=Article.Status.PUBLISHED)
        if self.value() == "scheduled":
            return published.filter(publish_date__gt=now)
        if self.value() == "live":
            return published.filter(publish_date__lte=now)
        if self.value() == "recent":
            return published.filter(publish_date__lte=now, publish_date__gte=now - timedelta(days=RECENT_DAYS))
        return queryset


class TranslationListFilter(admin.SimpleListFilter):
    """Articles with at least one translation outdated, or partial (``news.translation_status``)."""

    title = _("translations")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [(state, label) for state, label in TRANSLATION_PROBLEMS.items()]

    def queryset(self, request, queryset):
        if self.value() in TRANSLATION_PROBLEMS:
            return queryset.filter(pk__in=articles_with_translation_problem(queryset, self.value()))
        return queryset


# The filters the newsroom dashboard links to, in every kind of article's list.
WORKFLOW_FILTERS = (PublicationListFilter, TranslationListFilter, ("author", admin.RelatedOnlyFieldListFilter))


class ArticleAdminBase(ArticleFormMixin, TranslationFilesAdminMixin, RevisionAdminMixin, PortalTranslationAdmin):
    """
    What every kind of article's admin shares: filters, languages, translation state, publishing, revisions.

    Who may publish is decided here, on every path the admin offers
    (``news.workflow``): without ``<app>.publish_article`` (editors) the
    status field offers Draft and In review alone and refuses any other
    value posted, the Publish and Unpublish actions are absent (and refused
    if posted), a published or scheduled article keeps the status and date a
    publisher gave it (an editor may still correct and translate its text)
    and cannot be deleted, and the approve and send-back pages answer 403.
    """

    change_list_template = "admin/article_change_list.html"
    change_form_template = "admin/article_change_form.html"
    list_display = ("title", "status", "publish_date", "languages", "updated")
    list_filter = ("status", *WORKFLOW_FILTERS, "publish_date", "tags")
    search_fields = translated_search_fields("title", "summary")
    date_hierarchy = "publish_date"
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("lead_image",)
    filter_horizontal = ("tags",)
    actions = ("submit_for_review", "publish", "unpublish", "mark_translations_current", "export_for_translation")
    readonly_fields = ("created", "updated")

    @admin.display(description=_("languages"))
    def languages(self, article):
        """The codes of the languages the article has text in; an outdated or partial translation says so."""
        states = [(code, name, article.translation_state(code)) for code, name in settings.LANGUAGES]
        return format_html_join(
            " ",
            '<span class="language-code language-code--{}" title="{}">{}{}</span>',
            (
                (
                    state,
                    native_name(code),
                    code,
                    "" if state == TranslationState.TRANSLATED else format_html(" <small>{}</small>", state.label),
                )
                for code, name, state in states
                if state != TranslationState.MISSING
            ),
        )

    # Permissions

    def has_publish_permission(self, request, obj=None):
        """Whether the user may publish, schedule, send back and unpublish (the "Publishers" group)."""
        return workflow.can_publish(request.user, self.model)

    def is_approved(self, request, obj):
        """Whether ``obj`` is published or scheduled and the user may not publish: its status and date are fixed."""
        return obj is not None and obj.status == Article.Status.PUBLISHED and not self.has_publish_permission(request)

    def has_delete_permission(self, request, obj=None):
        # Deleting a published article would unpublish it.
        return super().has_delete_permission(request, obj) and not self.is_approved(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        """
        Offer the statuses the user may choose; a status posted outside them is refused with the reason.

        An editor may still correct and translate a published or scheduled
        article, but its status and publish date are shown, not editable:
        whatever is posted for them is ignored, so the article stays as the
        publisher approved it (live, or scheduled for its date).
        """
        form = super().get_form(request, obj, change=change, **kwargs)
        if self.has_publish_permission(request):
            return form
        if self.is_approved(request, obj):
            for name in ("status", "publish_date"):
                if name in form.base_fields:
                    form.base_fields[name].disabled = True
                    form.base_fields[name].help_text = _(
                        "Only a publisher can change this once the article is approved."
                    )
            return form
        status = form.base_fields.get("status")
        if status is not None:
            allowed = {Article.Status.DRAFT, Article.Status.REVIEW}
            if obj is not None and obj.status == Article.Status.UNPUBLISHED:
                allowed.add(Article.Status.UNPUBLISHED)
            status.choices = [(value, label) for value, label in Article.Status.choices if value in allowed]
            status.error_messages["invalid_choice"] = _(
                "Only a publisher can publish or unpublish an article. Save it as a draft, or submit it for review."
            )
        return form

    def get_fieldsets(self, request, obj=None):
        """The publisher's comment, when the article was sent back with one, above everything else."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.review_comment:
            return [(_("Sent back for changes"), {"fields": ("review_comment",)}), *fieldsets]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return (*readonly, "review_comment") if obj is not None and obj.review_comment else readonly

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author":
            # Authors are staff; readers' accounts are none of an editor's business.
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Saving

    def save_model(self, request, obj, form, change):
        """
        Save; "Save and submit for review" (or choosing In review) submits the
        article and tells the publishers, and publishing clears the comment of
        a send-back.
        """
        if not change and obj.author_id is None:
            obj.author = request.user
        previous = form.initial.get("status") if change else None
        if SUBMIT_BUTTON in request.POST and obj.status in workflow.SUBMITTABLE:
            obj.status = Article.Status.REVIEW
        submitted = obj.status == Article.Status.REVIEW and previous != Article.Status.REVIEW
        if obj.status == Article.Status.PUBLISHED:
            obj.review_comment = ""
        super().save_model(request, obj, form, change)
        if submitted:
            workflow.notify_publishers([obj], submitter=request.user)
            self.message_user(request, _("The article is submitted for review: the publishers are told."))

    def get_urls(self):
        opts = self.opts
        prefix = f"{opts.app_label}_{opts.model_name}"
        views = {
            "approve": ApproveView,
            "send-back": SendBackView,
            "share": SharePreviewView,
        }
        urls = [
            path(
                f"<path:object_id>/{name}/",
                self.admin_site.admin_view(view.as_view(model_admin=self)),
                name=f"{prefix}_{name.replace('-', '_')}",
            )
            for name, view in views.items()
        ]
        return [*urls, *super().get_urls()]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        may_save = self.has_add_permission(request) if obj is None else self.has_change_permission(request, obj)
        context.update(
            can_publish=self.has_publish_permission(request),
            show_submit=may_save and (obj is None or obj.status in workflow.SUBMITTABLE),
            submit_button=SUBMIT_BUTTON,
            show_preview=obj is not None and not obj.is_live,
            show_share=obj is not None and self.has_change_permission(request),
        )
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    # Actions

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

    @admin.action(description=_("Submit the selected articles for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        """Put the selected drafts in review and tell the publishers once; others are left as they are."""
        submitted = []
        for article in queryset.filter(status__in=workflow.SUBMITTABLE):
            workflow.submit_for_review(article, user=request.user, notify=False)
            article.save(update_fields=["status", "updated"])
            submitted.append(article)
        workflow.notify_publishers(submitted, submitter=request.user)
        self.message_count(
            request,
            ngettext_lazy(
                "%(count)d article submitted for review.", "%(count)d articles submitted for review.", "count"
            ),
            len(submitted),
        )

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        count = self.set_status(queryset, Article.Status.PUBLISHED)
        queryset.model.objects.filter(pk__in=queryset.values("pk")).update(review_comment="")
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

    @admin.action(description=_("Unpublish the selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self.set_status(queryset.filter(status=Article.Status.PUBLISHED), Article.Status.UNPUBLISHED)
        self.message_count(
            request, ngettext_lazy("%(count)d article unpublished.", "%(count)d articles unpublished.", "count"), count
        )


@admin.register(Article)
class ArticleAdmin(ArticleAdminBase):
    list_display = ("title", "section", "status", "publish_date", "languages", "updated")
    list_filter = ("section", "status", *WORKFLOW_FILTERS, "publish_date", "tags")
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
