from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KoreaPortalConfig(AppConfig):
    name = "korea_portal"
    verbose_name = _("Korea Portal")

    def ready(self):
        from django.contrib import admin

        from . import cache

        cache.connect_invalidation()
        # The admin names the portal, in the language of whoever reads it (lazy translations).
        admin.site.site_header = _("Korea Portal administration")
        admin.site.site_title = _("Korea Portal administration")
        admin.site.index_title = _("Newsroom")
