from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer every app of the portal may use; it imports none of them."""

    name = "core"
    verbose_name = _("Core")
