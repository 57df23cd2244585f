"""What a search document is keyed and tagged by, in one place for indexing and querying and
for both backends: row keys (`sort_key`) that order articles by publication time and keep each
kind in a range of its own, and the filter tags (prov_js, city_320400, park_12 …)."""

import hashlib
from datetime import datetime

# Row keys by kind: articles by publication time from 2^34 up, parks and enterprises in ranges
# of their own; a kind is a range of keys, which an index walks at no cost.
KEY_RANGES = {
    "park": (1 << 32, 1 << 33),
    "enterprise": (1 << 33, 1 << 34),
    "article": (1 << 34, 1 << 62),
}
TIME_SHIFT = 20  # an article's key: its publication second, then 20 bits of its id


def article_key(published_at: datetime, pk: int) -> int:
    return (int(published_at.timestamp()) << TIME_SHIFT) | (pk & 0xFFFFF)


def time_key(moment: datetime) -> int:
    """The first key of the second that starts at `moment`: the keys of articles published
    before it are smaller."""
    return int(moment.timestamp()) << TIME_SHIFT


def park_key(pk: int) -> int:
    return KEY_RANGES["park"][0] + pk


def enterprise_key(pk: int) -> int:
    return KEY_RANGES["enterprise"][0] + pk


def kind_tag(kind: str) -> str:
    return f"kind_{kind}"


def region_tag(region) -> str:
    """A city by its code, a province by its slug."""
    return f"city_{region.code}" if region.parent_id else f"prov_{region.slug}"


def region_tags(region) -> list[str]:
    """What a document in the region is tagged with: a city's tag and its province's."""
    if region.parent_id:
        return [region_tag(region), f"prov_{region.parent.slug}"]
    return [region_tag(region)]


def park_tag(pk: int) -> str:
    return f"park_{pk}"


def industry_tag(code: str) -> str:
    return f"ind_{code}"


def level_tag(level: str) -> str:
    return f"level_{level}"


def source_tag(name: str) -> str:
    return "src_" + hashlib.blake2s(name.encode(), digest_size=5).hexdigest()
