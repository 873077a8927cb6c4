from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from . import checks  # noqa: F401 - registers the article interface check
        from .signals import connect_body_cleaning, connect_search_index

        connect_search_index()
        connect_body_cleaning()
