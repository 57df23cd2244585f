from django.core.management.base import BaseCommand
from tqdm import tqdm

from yuanqu.news.models import Article
from yuanqu.parks.models import Enterprise, Park
from yuanqu.search.services import reindex


class Command(BaseCommand):
    """Rebuild the search index: every published article, park and enterprise, a small
    transaction at a time, while the site keeps serving; then drop what is no longer public.
    Run it after changing the analysis (dictionary, bigrams) or restoring a backup."""

    help = "Rebuild the search index (articles, parks, enterprises) while the site serves."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, no_progress, **options):
        total = (
            Article.objects.published().count() + Park.objects.count() + Enterprise.objects.count()
        )
        with tqdm(total=total, disable=no_progress, unit="doc") as progress:
            counts = reindex(progress=progress)
        self.stdout.write(
            "已重建索引：文章 {article} 篇，园区 {park} 个，企业 {enterprise} 家。".format(**counts)
        )
