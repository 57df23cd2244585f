"""Writes of the region tree: it is loaded from the packaged division list."""

import csv
from pathlib import Path

from django.db import transaction

from .models import Region

DATA_FILE = Path(__file__).resolve().parent / "data" / "divisions.csv"


def read_division_rows() -> list[dict[str, str]]:
    """The packaged GB/T 2260 division list, each province before its prefectures."""
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        return sorted(
            csv.DictReader(handle), key=lambda row: (row["level"] != "province", row["code"])
        )


def regions_sync() -> int:
    """Create or update every division from the data file; return how many rows changed."""
    changed = 0
    with transaction.atomic():
        by_code = {region.code: region for region in Region.objects.all()}
        for row in read_division_rows():
            parent = by_code.get(row["parent_code"]) if row["parent_code"] else None
            wanted = {
                "name": row["name"],
                "short_name": row["short_name"],
                "slug": row["slug"],
                "level": row["level"],
                "parent": parent,
            }
            region = by_code.get(row["code"])
            if region is None:
                by_code[row["code"]] = Region.objects.create(code=row["code"], **wanted)
                changed += 1
            elif any(getattr(region, key) != value for key, value in wanted.items()):
                for key, value in wanted.items():
                    setattr(region, key, value)
                region.save()
                changed += 1
    return changed
