"""Throughput of `extract` against jieba's segmentation of the same text, in the same run.

Finding the facts should cost less than segmenting the text: the target is 3x `jieba.lcut`.
Both run article by article, as the portal runs them (one call per article for its facts, one
for its search index). These machines are shared and their speed drifts by tens of percent within
a minute, so the two are interleaved finely: each round walks the corpus in slices of about
100 KB and times extract and then jieba on each slice, in CPU time. A burst of load then slows
both sides of the same slice, and the ratio of a round compares like with like.
"""

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable

from .extract import extract

SLICE_CHARACTERS = 40_000  # about 100 KB of UTF-8 Chinese


def _slices(documents: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    slices, current, size = [], [], 0
    for document in documents:
        current.append(document)
        size += len(document[0])
        if size >= SLICE_CHARACTERS:
            slices.append(current)
            current, size = [], 0
    if current:
        slices.append(current)
    return slices


def _cpu_seconds(run: Callable[[], object]) -> float:
    started = time.process_time()
    run()
    return time.process_time() - started


def _round(slices, segment) -> tuple[float, float]:
    """(extract seconds, jieba seconds) over the whole corpus, slice by slice."""
    extract_s = jieba_s = 0.0
    gc.collect()
    for part in slices:
        extract_s += _cpu_seconds(lambda p=part: [extract(t, published=d) for t, d in p])
        jieba_s += _cpu_seconds(lambda p=part: [segment(t) for t, _ in p])
    return extract_s, jieba_s


def run_benchmark(documents: list[tuple[str, str]], *, rounds: int = 5, write=print) -> dict:
    """documents: (text, published date) pairs. Returns and prints the figures.

    The ratio reported is the median of the rounds' ratios; throughputs are the best round of
    each side.
    """
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    chars = sum(len(text) for text, _ in documents)
    size = sum(len(text.encode("utf-8")) for text, _ in documents)
    write(f"corpus: {len(documents)} articles, {chars:,} characters, {size / 1e6:.1f} MB UTF-8")

    facts = sum(len(extract(text, published=day)) for text, day in documents)  # warm-up
    slices = _slices(documents)
    timings = [_round(slices, jieba.lcut) for _ in range(rounds)]
    ratios = sorted(jieba_s / extract_s for extract_s, jieba_s in timings)

    tracemalloc.start()
    for text, day in documents[: min(len(documents), 2000)]:
        extract(text, published=day)
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
