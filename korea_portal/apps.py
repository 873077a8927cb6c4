from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KoreaPortalConfig(AppConfig):
    name = "korea_portal"
    verbose_name = _("Korea Portal")

    def ready(self):
        from . import cache

        cache.connect_invalidation()
