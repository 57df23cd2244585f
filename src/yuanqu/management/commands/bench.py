import os
from importlib.util import find_spec

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    """Benchmarks, never part of the test run: each prints a ratio against a baseline measured in
    the same run, because these machines are shared and absolute times mean little."""

    help = (
        "Run a benchmark: `bench extract` (fact extraction against jieba segmentation), "
        "`bench search` (search latency against a LIKE scan)."
    )

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="benchmark", required=True)
        extract = subcommands.add_parser("extract", help="extract() throughput against jieba.lcut")
        extract.add_argument("--megabytes", type=float, default=10.0, help="Corpus size (UTF-8).")
        extract.add_argument("--seed", type=int, default=1)
        extract.add_argument("--rounds", type=int, default=5)
        search = subcommands.add_parser("search", help="search latency against a LIKE scan")
        search.add_argument("--articles", type=int, default=100_000)
        search.add_argument("--million", action="store_true", help="1,000,000 articles")
        search.add_argument("--seed", type=int, default=1)
        search.add_argument("--rounds", type=int, default=5, help="Runs of each query.")
        search.add_argument(
            "--postgres",
            default=os.environ.get(
                "TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/yuanqu"
            ),
            help="A PostgreSQL server to measure too (a database yuanqu_bench is made there).",
        )
        search.add_argument("--no-postgres", action="store_true")

    def handle(self, *args, benchmark, **options):
        if benchmark == "extract":
            self.bench_extract(options["megabytes"], options["seed"], options["rounds"])
        elif benchmark == "search":
            self.bench_search(options)
        else:  # pragma: no cover - argparse refuses unknown subcommands
            raise CommandError(benchmark)

    def bench_extract(self, megabytes: float, seed: int, rounds: int) -> None:
        if find_spec("jieba") is None:  # the bench extra, not a runtime dependency
            raise CommandError(_("bench extract needs jieba: pip install 'yuanqu[bench]'."))
        from yuanqu.facts.bench import run_benchmark
        from yuanqu.news.corpus import generate_records

        documents, size, index = [], 0, 0
        records = generate_records(10_000_000, seed)
        while size < megabytes * 1e6:
            record = next(records)
            text = record["title"] + "\n" + record["body"]
            documents.append((text, record["published_at"][:10]))
            size += len(text.encode("utf-8")) + 1
            index += 1
        run_benchmark(documents, rounds=rounds, write=self.stdout.write)

    def bench_search(self, options) -> None:
        from yuanqu.devtools import pg_database
        from yuanqu.search.bench import run

        articles = 1_000_000 if options["million"] else options["articles"]
        postgres = (
            None if options["no_postgres"] else pg_database(options["postgres"], "yuanqu_bench")
        )
        if postgres is None and not options["no_postgres"]:
            self.stdout.write("PostgreSQL unreachable: measuring SQLite only.")
        run(articles, options["seed"], options["rounds"], postgres, self.stdout.write)
