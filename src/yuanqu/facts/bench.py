"""Throughput of `extract` against jieba's segmentation of the same text, in the same run.

Finding the facts should cost less than segmenting the text: the target is 3x `jieba.lcut`.
Rounds alternate between the two so that a noisy machine slows both alike; the best round of
each is reported.
"""

import gc
import time
import tracemalloc
from collections.abc import Callable

from .extract import extract


def _best(rounds: int, run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def run_benchmark(documents: list[tuple[str, str]], *, rounds: int = 3, write=print) -> dict:
    """documents: (text, published date) pairs. Returns and prints the figures."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    text = "\n".join(doc for doc, _ in documents)
    chars, size = len(text), len(text.encode("utf-8"))
    write(f"corpus: {len(documents)} articles, {chars:,} characters, {size / 1e6:.1f} MB UTF-8")

    def extract_all():
        return sum(len(extract(doc, published=published)) for doc, published in documents)

    facts = extract_all()
    extract_seconds = jieba_seconds = float("inf")
    for _ in range(rounds):  # interleaved
        extract_seconds = min(extract_seconds, _best(1, extract_all))
        jieba_seconds = min(jieba_seconds, _best(1, lambda: jieba.lcut(text)))

    tracemalloc.start()
    for doc, published in documents[: min(len(documents), 2000)]:
        extract(doc, published=published)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    result = {
        "characters": chars,
        "facts": facts,
        "extract_chars_per_second": chars / extract_seconds,
        "jieba_chars_per_second": chars / jieba_seconds,
        "ratio": jieba_seconds / extract_seconds,
        "peak_memory_bytes": peak,
    }
    write(f"extract:    {result['extract_chars_per_second'] / 1e6:.2f} M chars/s ({facts:,} facts)")
    write(f"jieba.lcut: {result['jieba_chars_per_second'] / 1e6:.2f} M chars/s")
    write(f"ratio:      {result['ratio']:.2f}x jieba (target: 3x)")
    write(f"peak memory of extract, per article: {peak / 1024:.0f} KiB")
    return result
