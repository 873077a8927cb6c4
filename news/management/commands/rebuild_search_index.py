from django.core.management.base import BaseCommand
from django.db import transaction

from news.articles import article_models
from news.search import rebuild_all


class Command(BaseCommand):
    help = "Rebuild the search documents of every article, in every language (after an import or a restore)."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rebuild_all(article_models())
        self.stdout.write(f"Search documents rebuilt for {count} articles.")
