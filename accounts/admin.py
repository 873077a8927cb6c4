from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "display_name", "email_verified", "is_staff", "date_joined")
    list_filter = ("email_verified", "is_staff", "is_superuser", "is_active", "groups")
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Portal"), {"fields": ("display_name", "preferred_language", "email_verified")}),
    )
