"""`yuanqu bench search`: index build time, index size and query latency of the configured
backend over a synthetic corpus, beside a naive LIKE '%…%' scan measured in the same run.

It runs in a database of its own (a temporary SQLite file, or a PostgreSQL database named
``yuanqu_bench``): the parent command starts one child process per backend with the environment
that selects it, and each child prints its figures as one JSON line.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
# A fixed mix: one character, very common words, names, phrases, rare terms, several words, with
# and without filters, by relevance and by date, and a word found nowhere.
QUERIES = [
    ("光", {}),
    ("园区", {}),
    ("产值", {}),
    ("增长", {"newest_first": True}),
    ("常州", {}),
    ("高新区", {}),
    ("合成生物", {}),
    ("新能源汽车", {}),
    ("规上工业总产值", {}),
    ("钙钛矿光伏", {}),
    ("梧州远景电子有限公司", {}),
    ("清华大学 固态电池", {}),
    ("航空发动机叶片 联合实验室", {}),
    ("产业", {"region": "js"}),
    ("项目", {"from": "2024-01-01", "to": "2024-12-31"}),
    ("招商推介会", {"region": "gd", "newest_first": True}),
    ("不存在的词语组合", {}),
]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def build(articles: int, seed: int, write) -> dict:
    """Index `articles` synthetic articles as search documents; returns the build figures."""
    from django.db import transaction

    from yuanqu.news.corpus import generate_records
    from yuanqu.regions.models import Region

    from .backends import get_backend
    from .documents import article_key, kind_tag, region_tags, source_tag
    from .models import SearchDocument
    from .services import _analysed, dictionary_load

    dictionary_load()
    cities = {r.code: r for r in Region.objects.filter(level="prefecture").select_related("parent")}
    backend, batch, characters = get_backend(), [], 0
    started = time.perf_counter()

    def flush():
        with transaction.atomic():
            backend.add_many(SearchDocument.objects.bulk_create(batch))
        batch.clear()

    for index, record in enumerate(generate_records(articles, seed)):
        published = datetime.fromisoformat(record["published_at"]).replace(tzinfo=SHANGHAI)
        city = cities[record["regions"][0]]
        characters += len(record["title"]) + len(record["body"])
        tags = [kind_tag("article"), *region_tags(city), source_tag(record["source"])]
        batch.append(
            SearchDocument(
                kind="article",
                object_id=index + 1,
                title=record["title"][:200],
                url=f"/news/{index + 1}/",
                sort_key=article_key(published, index),
                published_at=published,
                source_name=record["source"][:100],
                tags=" ".join(tags),
                **_analysed(record["title"], record["body"]),
            )
        )
        if len(batch) >= 2000:
            flush()
            if (index + 1) % 20000 == 0:
                write(f"  {index + 1:,} indexed")
    if batch:
        flush()
    backend.optimize()
    return {
        "articles": articles,
        "characters": characters,
        "build_seconds": time.perf_counter() - started,
        "index_bytes": backend.size_bytes(),
    }


def _like(query: str, options: dict) -> float:
    """The naive way: scan every title and body for the text."""
    from django.db import connection

    from . import analysis

    parts = analysis.query_parts(query) or [query]
    where = " AND ".join(["(title LIKE %s OR body LIKE %s)"] * len(parts))
    params = [value for part in parts for value in (f"%{part}%", f"%{part}%")]
    if options.get("region"):
        where += " AND tags LIKE %s"
        params.append(f"%prov_{options['region']}%")
    order = "sort_key DESC"
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT sort_key FROM search_searchdocument WHERE kind = 'article' AND {where}"
            f" ORDER BY {order} LIMIT 20",
            params,
        )
        cursor.fetchall()
        cursor.execute(
            f"SELECT count(*) FROM search_searchdocument WHERE kind = 'article' AND {where}", params
        )
        cursor.fetchone()
    return time.perf_counter() - started


def measure(rounds: int) -> dict:
    from yuanqu.regions.models import Region

    from . import selectors

    def filters(options):
        region = Region.objects.filter(slug=options.get("region", ""), level="province").first()
        day = lambda value, end=False: (  # noqa: E731
            datetime.fromisoformat(value).replace(tzinfo=SHANGHAI) if value else None
        )
        return selectors.Filters(
            region=region, date_from=day(options.get("from")), date_to=day(options.get("to"))
        )

    search_times, like_times, per_query = [], [], []
    for query, options in QUERIES:
        selectors.search(query, filters=filters(options))  # warm caches the same for both
        found, took = 0, []
        for _ in range(rounds):
            started = time.perf_counter()
            results = selectors.search(
                query, filters=filters(options), newest_first=options.get("newest_first", False)
            )
            took.append(time.perf_counter() - started)
            found = results.total
        like = [_like(query, options) for _ in range(max(1, rounds // 2))]
        search_times += took
        like_times += like
        per_query.append(
            {
                "query": query,
                "options": options,
                "results": found,
                "search_ms": statistics.median(took) * 1000,
                "like_ms": statistics.median(like) * 1000,
            }
        )
    return {
        "p50_ms": _percentile(search_times, 0.50) * 1000,
        "p95_ms": _percentile(search_times, 0.95) * 1000,
        "p99_ms": _percentile(search_times, 0.99) * 1000,
        "like_p50_ms": _percentile(like_times, 0.50) * 1000,
        "like_p95_ms": _percentile(like_times, 0.95) * 1000,
        "speedup_median": statistics.median(
            q["like_ms"] / max(q["search_ms"], 1e-3) for q in per_query
        ),
        "queries": per_query,
    }


def child(articles: int, seed: int, rounds: int) -> None:
    """Runs inside the child process, whose environment chose the database."""
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yuanqu.settings")
    django.setup()
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    write = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    figures = {"backend": connection.vendor, **build(articles, seed, write), **measure(rounds)}
    print(json.dumps(figures, ensure_ascii=False), flush=True)


def run(articles: int, seed: int, rounds: int, postgres_url: str | None, write) -> list[dict]:
    """Start a child per backend; returns and prints their figures."""
    results = []
    with tempfile.TemporaryDirectory(prefix="yuanqu-bench-") as data_dir:
        environments = [("SQLite FTS5", {"YUANQU_DATA_DIR": data_dir, "DATABASE_URL": ""})]
        if postgres_url:
            environments.append(
                ("PostgreSQL", {"YUANQU_DATA_DIR": data_dir, "DATABASE_URL": postgres_url})
            )
        for label, extra in environments:
            write(f"{label}: indexing {articles:,} synthetic articles …")
            env = {**os.environ, **extra, "REDIS_URL": ""}
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "yuanqu.search.bench",
                    str(articles),
                    str(seed),
                    str(rounds),
                ],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                write(f"{label}: failed\n{done.stderr[-2000:]}")
                continue
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            results.append(figures)
            report(label, figures, write)
    return results


def report(label: str, f: dict, write) -> None:
    write(f"{label}: {f['articles']:,} articles, {f['characters'] / 1e6:.0f} M characters")
    write(
        f"  index built in {f['build_seconds']:.0f} s; full-text index {f['index_bytes'] / 2**20:.0f} MiB "
        f"({f['index_bytes'] / max(1, f['characters'] * 3):.2f}x the UTF-8 text)"
    )
    write(
        f"  search p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms, p99 {f['p99_ms']:.1f} ms "
        f"(the whole results page: three tab counts, the stages, the hits)"
    )
    write(
        f"  LIKE scan p50 {f['like_p50_ms']:.0f} ms, p95 {f['like_p95_ms']:.0f} ms; "
        f"median speed-up per query {f['speedup_median']:.0f}x"
    )
    for query in f["queries"]:
        write(
            f"    {query['query']:<16} {query['results']:>8} results  {query['search_ms']:8.1f} ms"
            f"  LIKE {query['like_ms']:8.0f} ms"
        )


if __name__ == "__main__":
    child(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
