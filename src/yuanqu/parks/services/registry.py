"""The curated registry, loaded by `yuanqu init`: the parks of the official catalogue and the
supplement (with the names the news uses for them), the industry taxonomy, and the enterprises
the news names without a company suffix. Each sync is idempotent and returns how many rows
changed."""

import csv
import hashlib
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from yuanqu.regions.models import Region

from ..aliases import aliases_for
from ..models import Enterprise, Industry, Park, alias_text
from .matchers import reset_park_matcher

DATA = Path(__file__).resolve().parent.parent / "data"
CATALOGUE = DATA / "zones-2018-catalogue.csv"
CATALOGUE_SOURCE = "中国开发区审核公告目录（2018年版）"
# Zones the 2018 catalogue does not list (the state-level new areas …) and the names the news
# uses for catalogue zones (光谷, 张江, 中关村): curated, each row with its source or note.
SUPPLEMENT = DATA / "supplement.csv"
NICKNAMES = DATA / "nicknames.csv"
KINDS = {
    "经济技术开发区": "etdz",
    "高新技术产业开发区": "hitech",
    "海关特殊监管区域": "customs",
    "边境/跨境经济合作区": "border",
    "经济开发区": "economic",
    "工业园区": "industrial",
    "其他类型开发区": "other",
}
LEVELS = {"国家级": "national", "省级": "provincial"}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_catalogue() -> list[dict[str, str]]:
    return _read(CATALOGUE)


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split("、") if name.strip()]


def _nicknames() -> dict[tuple[str, str], list[str]]:
    return {(row["code"], row["name"]): _names(row["aliases"]) for row in _read(NICKNAMES)}


def _wanted_rows(provinces: dict, cities: dict) -> list[tuple[tuple[str, str], str, dict, str]]:
    """((code, name), preferred slug, fields, what tells two slugs apart) for every park the
    registry should hold."""
    nicknames = _nicknames()
    rows = []
    for row in read_catalogue():
        province = provinces[row["province"]]
        level = LEVELS[row["level"]]
        key = (row["code"], row["name"])
        aliases = aliases_for(row["name"], national=level == "national")
        aliases += [name for name in nicknames.get(key, []) if name not in aliases]
        fields = {
            "aliases": aliases,
            "alias_text": alias_text(aliases),
            "level": level,
            "kind": KINDS[row["type"]],
            "province": province,
            "city": _city(row["name"], cities.get(province.pk, [])),
            "approved": row["approved"],
            "area_ha": _area(row["area_ha"]),
            "industries": row["industries"],
            "source": f"{CATALOGUE_SOURCE} {row['level']}第{row['seq']}号",
        }
        slug = row["code"].lower() if row["code"] else ""
        rows.append((key, slug if slug else f"zone-{row['seq']}", fields, row["seq"]))
    for row in _read(SUPPLEMENT):
        province = provinces[row["province"]]
        aliases = _names(row["aliases"])
        fields = {
            "aliases": aliases,
            "alias_text": alias_text(aliases),
            "level": row["level"],
            "kind": row["kind"],
            "province": province,
            "city": _city(row["name"], cities.get(province.pk, [])),
            "approved": row["approved"],
            "area_ha": None,
            "industries": "",
            "source": row["source"],
        }
        rows.append((("", row["name"]), row["slug"], fields, row["slug"]))
    return rows


def _area(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _city(name: str, cities: list[Region]) -> Region | None:
    """The prefecture whose name the zone's name contains, when exactly one does."""
    found = [city for city in cities if city.short_name in name]
    return found[0] if len(found) == 1 else None


@transaction.atomic
def parks_sync() -> int:
    """Create or update a park for every row of the catalogue and the supplement, with the
    curated nicknames among its aliases; return how many changed.

    Keyed on (catalogue code, name): the catalogue gives one code to two Shandong zones, and the
    supplement's zones have no code.
    """
    provinces = {r.name: r for r in Region.objects.filter(level=Region.Level.PROVINCE)}
    cities: dict[int, list] = {}
    for city in Region.objects.filter(level=Region.Level.PREFECTURE):
        cities.setdefault(city.parent_id, []).append(city)
    existing = {(park.code, park.name): park for park in Park.objects.all()}
    used_slugs = {park.slug for park in existing.values()}
    changed = 0
    for key, slug, wanted, seq in _wanted_rows(provinces, cities):
        park = existing.get(key)
        if park is None:
            if slug in used_slugs:
                slug = f"{slug}-{seq}"
            used_slugs.add(slug)
            Park.objects.create(code=key[0], name=key[1], slug=slug, **wanted)
            changed += 1
        elif any(getattr(park, name) != value for name, value in wanted.items()):
            Park.objects.filter(pk=park.pk).update(**wanted)
            changed += 1
    transaction.on_commit(reset_park_matcher)
    return changed


INDUSTRIES = DATA / "industries.csv"
ENTERPRISES = DATA / "enterprises.csv"
ENTERPRISES_SOURCE = "常见企业名录（园区网整理）"


@transaction.atomic
def industries_sync() -> int:
    """Create or update the taxonomy from industries.csv; return how many rows changed."""
    rows = _read(INDUSTRIES)
    by_code = {industry.code: industry for industry in Industry.objects.all()}
    changed = 0
    for order, row in enumerate(rows):
        wanted = {
            "name": row["name"],
            "parent": by_code.get(row["parent"]) if row["parent"] else None,
            "aliases": _names(row["aliases"]),
            "order": order,
        }
        industry = by_code.get(row["code"])
        if industry is None:
            by_code[row["code"]] = Industry.objects.create(code=row["code"], **wanted)
            changed += 1
        elif any(getattr(industry, key) != value for key, value in wanted.items()):
            Industry.objects.filter(pk=industry.pk).update(**wanted)
            changed += 1
    return changed


def enterprise_slug(name: str) -> str:
    return "e" + hashlib.blake2s(name.encode("utf-8"), digest_size=5).hexdigest()


@transaction.atomic
def enterprises_sync() -> int:
    """Create or update the curated enterprises (names the news uses without a company
    suffix: 比亚迪, 梅特勒·托利多); return how many changed."""
    changed = 0
    for row in _read(ENTERPRISES):
        aliases = _names(row["aliases"])
        enterprise = Enterprise.objects.filter(name=row["name"]).first()
        if enterprise is None:
            Enterprise.objects.create(
                name=row["name"],
                slug=enterprise_slug(row["name"]),
                aliases=aliases,
                source=ENTERPRISES_SOURCE,
            )
            changed += 1
        elif enterprise.aliases != aliases:
            Enterprise.objects.filter(pk=enterprise.pk).update(
                aliases=aliases, alias_text=alias_text(aliases)
            )
            changed += 1
    return changed


def registry_sync() -> dict[str, int]:
    """Everything above, in order; {what: rows changed}."""
    return {
        "parks": parks_sync(),
        "industries": industries_sync(),
        "enterprises": enterprises_sync(),
    }
