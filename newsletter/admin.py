"""
Newsletter subscriptions and issues, for the site's administrators.

Both are records: they can be read and deleted, never written by hand (a
subscription is made and changed only by its address's owner). None of this
is in the "Editors" group.
"""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from core.admin import RecordAdmin

from .models import NewsletterIssue, Subscription


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
