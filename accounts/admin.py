"""
Users, and what readers keep, for the site's administrators.

Scraps, the e-mail log, newsletter subscriptions and issues are records:
they can be read and deleted, never written by hand. None of this is in the "Editors"
group, which covers the news and relations content only.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from core.admin import OutOfRangeDatesMixin

from .models import ArticleEmail, NewsletterIssue, Scrap, Subscription, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "display_name", "email_verified", "is_staff", "date_joined")
    list_filter = ("email_verified", "is_staff", "is_superuser", "is_active", "groups")
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Portal"), {"fields": ("display_name", "preferred_language", "email_verified")}),
    )


class RecordAdmin(OutOfRangeDatesMixin, admin.ModelAdmin):
    """A record kept by the site: viewable and deletable, never added or changed here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Scrap)
class ScrapAdmin(RecordAdmin):
    list_display = ("user", "content_type", "object_id", "created")
    list_filter = ("content_type", "created")
    list_select_related = ("user", "content_type")
    search_fields = ("user__username", "user__email")
    date_hierarchy = "created"


@admin.register(ArticleEmail)
class ArticleEmailAdmin(RecordAdmin):
    list_display = ("sent", "sender", "article_title", "content_type", "recipient_count")
    list_filter = ("content_type", "sent")
    list_select_related = ("sender", "content_type")
    search_fields = ("sender__username", "sender__email", "article_title")
    date_hierarchy = "sent"


@admin.register(Subscription)
class SubscriptionAdmin(RecordAdmin):
    """Made and changed only by its address's owner (double opt-in, the confirmation link); here read or deleted."""

    list_display = ("email", "language", "confirmed", "created")
    list_filter = ("language", ("confirmed", admin.EmptyFieldListFilter))
    search_fields = ("email",)
    date_hierarchy = "created"


@admin.register(NewsletterIssue)
class NewsletterIssueAdmin(RecordAdmin):
    list_display = ("__str__", "number", "period_start", "period_end", "sent_count", "completed")

    def get_queryset(self, request):
        sent = Count("deliveries", filter=Q(deliveries__sent__isnull=False))
        return super().get_queryset(request).annotate(sent_count=sent)

    @admin.display(description=_("mails sent"), ordering="sent_count")
    def sent_count(self, issue):
        return issue.sent_count
