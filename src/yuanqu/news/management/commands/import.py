from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from yuanqu.news.importers import count_records, read_records

from ._importing import run_import


class Command(BaseCommand):
    """Bulk import of articles from text files (header + body) and JSON Lines.

    Every rejected item is reported with its reason; the others are imported. Records with a `key`
    already imported are updated in place, so re-running an import is safe.
    """

    help = "Import articles from files or folders (.txt/.md articles, .jsonl records)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Report what would change.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, paths, dry_run, no_progress, **options):
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(_("No such file: %(paths)s") % {"paths": ", ".join(missing)})
        report = run_import(
            self,
            read_records(paths),
            total=count_records(paths),
            dry_run=dry_run,
            progress=not no_progress,
        )
        if report.rejected and not (report.created or report.updated or report.unchanged):
            raise CommandError(_("Nothing was imported."))
