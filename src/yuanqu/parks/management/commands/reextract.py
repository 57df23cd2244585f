from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from yuanqu.news.models import Article
from yuanqu.parks.services import article_read, park_matcher


class Command(BaseCommand):
    """Read every published article again: links to parks, facts, enterprises, platforms and
    projects. Run it after the fact engine or the registry improves; editors' links, removals,
    rows and decisions on facts are kept."""

    help = "Re-read published articles: park links, facts, enterprises, platforms and projects."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, write nothing.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, dry_run, no_progress, **options):
        articles = Article.objects.published().order_by("id")
        matcher, facts, total = park_matcher(), 0, articles.count()
        with transaction.atomic():
            for article in tqdm(articles.iterator(), total=total, disable=no_progress):
                facts += article_read(article=article, matcher=matcher)
            if dry_run:
                transaction.set_rollback(True)
        summary = _("%(facts)d facts in %(total)d articles.") % {"facts": facts, "total": total}
        self.stdout.write(
            _("Dry run, nothing written: %(summary)s") % {"summary": summary}
            if dry_run
            else summary
        )
