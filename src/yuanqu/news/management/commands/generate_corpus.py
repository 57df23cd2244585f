import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from yuanqu.news.corpus import generate_records
from yuanqu.news.services import articles_bulk_insert


class Command(BaseCommand):
    """Synthetic articles for benchmarks, written as JSON Lines or straight into the database.

    The same --articles/--seed always give the same corpus. Into the database, articles whose
    key already exists are skipped, so an interrupted run can simply be repeated.
    """

    help = "Generate deterministic synthetic park news (JSON Lines, or --into-db)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="How many articles.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--output", default="-", help="JSON Lines file; '-' for stdout.")
        parser.add_argument("--into-db", action="store_true", help="Insert into the database.")
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, articles, seed, output, into_db, batch_size, no_progress, **options):
        if not 0 < articles <= 10_000_000:
            raise CommandError(_("--articles must be between 1 and 10,000,000."))
        records = generate_records(articles, seed)
        bar = tqdm(total=articles, unit="art", disable=no_progress, file=sys.stderr)
        try:
            if into_db:
                pairs = ((record["key"], record) for record in records)
                report = articles_bulk_insert(pairs, batch_size=batch_size, progress=bar)
                bar.close()
                self.stdout.write(
                    _("%(created)d created, %(unchanged)d already present.")
                    % {"created": report.created, "unchanged": report.unchanged}
                )
            else:
                self.write_jsonl(records, output, bar)
        finally:
            bar.close()

    def write_jsonl(self, records, output: str, bar) -> None:
        handle = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
        try:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                bar.update(1)
        finally:
            if handle is not sys.stdout:
                handle.close()
