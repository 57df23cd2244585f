from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    """Benchmarks, never part of the test run: each prints a ratio against a baseline measured in
    the same run, because these machines are shared and absolute times mean little."""

    help = "Run a benchmark: `bench extract` (fact extraction against jieba segmentation)."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="benchmark", required=True)
        extract = subcommands.add_parser("extract", help="extract() throughput against jieba.lcut")
        extract.add_argument("--megabytes", type=float, default=10.0, help="Corpus size (UTF-8).")
        extract.add_argument("--seed", type=int, default=1)
        extract.add_argument("--rounds", type=int, default=5)

    def handle(self, *args, benchmark, **options):
        if benchmark == "extract":
            self.bench_extract(options["megabytes"], options["seed"], options["rounds"])
        else:  # pragma: no cover - argparse refuses unknown subcommands
            raise CommandError(benchmark)

    def bench_extract(self, megabytes: float, seed: int, rounds: int) -> None:
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
