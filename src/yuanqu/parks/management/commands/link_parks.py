from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from yuanqu.news.models import Article
from yuanqu.parks.services import article_link_parks, park_matcher


class Command(BaseCommand):
    """Link every published article to the parks it names. Publishing links an article by
    itself; this catches up after bulk inserts (generate-corpus --into-db) or a registry change.
    Re-running changes nothing; editors' links and removals are kept."""

    help = "Link published articles to the parks they name."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the links, write nothing."
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, dry_run, no_progress, **options):
        articles = Article.objects.published().order_by("id")
        matcher = park_matcher()
        linked = 0
        with transaction.atomic():
            for article in tqdm(articles.iterator(), total=articles.count(), disable=no_progress):
                linked += bool(article_link_parks(article=article, matcher=matcher))
            if dry_run:
                transaction.set_rollback(True)
        message = _("%(linked)d of %(total)d articles name a park.") % {
            "linked": linked,
            "total": articles.count(),
        }
        self.stdout.write(
            message
            if not dry_run
            else _("Dry run, nothing written: %(summary)s") % {"summary": message}
        )
