from pathlib import Path

from django.core.management.base import BaseCommand

from yuanqu.news.importers import count_records, read_records

from ._importing import run_import

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo" / "articles"


class Command(BaseCommand):
    """Load the demo corpus shipped with the package. Idempotent: unchanged articles are not written."""

    help = "Load (or bring up to date) the demo articles."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would change.")

    def handle(self, *args, dry_run, **options):
        paths = [DEMO_DIR]
        run_import(
            self, read_records(paths), total=count_records(paths), dry_run=dry_run, progress=False
        )
