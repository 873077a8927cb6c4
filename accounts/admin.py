"""
Users, and what readers keep, for the site's administrators.

Scraps and the e-mail log are records: they can be read and deleted, never
written by hand (the newsletter's records are in ``newsletter.admin``). None
of this is in the "Editors" group, which covers the news and relations
content only.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from core.admin import RecordAdmin

from .models import ArticleEmail, Scrap, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "display_name", "email_verified", "is_staff", "date_joined")
    list_filter = ("email_verified", "is_staff", "is_superuser", "is_active", "groups")
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Portal"), {"fields": ("display_name", "preferred_language", "email_verified")}),
    )
    # Every account has its own address (unique whatever the case of its letters), so it is asked for at once.
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "usable_password", "password1", "password2")}),
    )


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
