"""Throughput of `extract` against jieba's segmentation of the same text, in the same run.

Finding the facts should cost less than segmenting the text: the target is 3x `jieba.lcut`.
Rounds alternate between the two so that a noisy machine slows both alike; the best round of
each is reported.
"""

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable

from .extract import extract


def _seconds(run: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def run_benchmark(documents: list[tuple[str, str]], *, rounds: int = 5, write=print) -> dict:
    """documents: (text, published date) pairs. Returns and prints the figures.

    Each round times extract and then jieba back to back; the ratio reported is the median of
    the rounds' ratios, so that a burst of load on a shared machine slows one round, not the
    result. Throughputs are the best round of each.
    """
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    text = "\n".join(doc for doc, _ in documents)
    chars, size = len(text), len(text.encode("utf-8"))
    write(f"corpus: {len(documents)} articles, {chars:,} characters, {size / 1e6:.1f} MB UTF-8")

    def extract_all():
        return sum(len(extract(doc, published=published)) for doc, published in documents)

    facts = extract_all()  # warm-up: caches, compiled patterns
    timings = [(_seconds(extract_all), _seconds(lambda: jieba.lcut(text))) for _ in range(rounds)]
    ratios = sorted(jieba_s / extract_s for extract_s, jieba_s in timings)

    tracemalloc.start()
    for doc, published in documents[: min(len(documents), 2000)]:
        extract(doc, published=published)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    result = {
        "characters": chars,
        "facts": facts,
        "extract_chars_per_second": chars / min(t for t, _ in timings),
        "jieba_chars_per_second": chars / min(t for _, t in timings),
        "ratio": statistics.median(ratios),
        "ratios": ratios,
        "peak_memory_bytes": peak,
    }
    write(f"extract:    {result['extract_chars_per_second'] / 1e6:.2f} M chars/s ({facts:,} facts)")
    write(f"jieba.lcut: {result['jieba_chars_per_second'] / 1e6:.2f} M chars/s")
    write(
        f"ratio:      {result['ratio']:.2f}x jieba, median of {rounds} rounds "
        f"({', '.join(f'{r:.2f}' for r in ratios)}); target: 3x"
    )
    write(f"peak memory while extracting, one article at a time: {peak / 1024:.0f} KiB")
    return result
