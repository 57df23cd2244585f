"""Writes of the park registry: seeding it from the official catalogue, linking articles to parks."""

import csv
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from yuanqu.facts.tries import trie_pattern

from .aliases import aliases_for
from .models import alias_text

DATA = Path(__file__).resolve().parent / "data"
CATALOGUE = DATA / "zones-2018-catalogue.csv"
CATALOGUE_SOURCE = "中国开发区审核公告目录（2018年版）"
# Zones the 2018 catalogue does not list (the state-level new areas …) and the names the news
# uses for catalogue zones (光谷, 张江, 中关村): curated, each row with its source or note.
SUPPLEMENT = DATA / "supplement.csv"
NICKNAMES = DATA / "nicknames.csv"
KINDS = {
    "经济技术开发区": "etdz", "高新技术产业开发区": "hitech", "海关特殊监管区域": "customs",
    "边境/跨境经济合作区": "border", "经济开发区": "economic", "工业园区": "industrial",
    "其他类型开发区": "other",
}  # fmt: skip
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


def _city(name: str, cities: list) -> object | None:
    """The prefecture whose name the zone's name contains, when exactly one does."""
    found = [city for city in cities if city.short_name in name]
    return found[0] if len(found) == 1 else None


def parks_sync(*, park_model=None, region_model=None) -> int:
    """Create or update a park for every row of the catalogue and the supplement, with the
    curated nicknames among its aliases; return how many changed.

    Keyed on (catalogue code, name): the catalogue gives one code to two Shandong zones, and the
    supplement's zones have no code. Takes the models as arguments so that data migrations can
    pass their historical ones.
    """
    if park_model is None:
        from yuanqu.regions.models import Region as region_model

        from .models import Park as park_model
    provinces = {r.name: r for r in region_model.objects.filter(level="province")}
    cities: dict[int, list] = {}
    for city in region_model.objects.filter(level="prefecture"):
        cities.setdefault(city.parent_id, []).append(city)
    existing = {(park.code, park.name): park for park in park_model.objects.all()}
    used_slugs = {park.slug for park in existing.values()}
    changed = 0
    with transaction.atomic():
        for key, slug, wanted, seq in _wanted_rows(provinces, cities):
            park = existing.get(key)
            if park is None:
                if slug in used_slugs:
                    slug = f"{slug}-{seq}"
                used_slugs.add(slug)
                park_model.objects.create(code=key[0], name=key[1], slug=slug, **wanted)
                changed += 1
            elif any(getattr(park, name) != value for name, value in wanted.items()):
                park_model.objects.filter(pk=park.pk).update(**wanted)
                changed += 1
    reset_park_matcher()
    return changed


class ParkMatcher:
    """Finds the parks an article names, by any name or alias, longest name first."""

    def __init__(self, parks):
        self.by_name: dict[str, list[int]] = {}
        national: set[int] = set()
        for park in parks:
            for name in (park.name, *park.aliases):
                self.by_name.setdefault(name, []).append(park.pk)
            if park.level == "national":
                national.add(park.pk)
        self.national = national
        self.pattern = re.compile(trie_pattern(self.by_name)) if self.by_name else None

    def find(self, text: str) -> dict[int, int]:
        """park id -> number of mentions. A name shared by several parks counts for the national
        one when exactly one is national, and for none otherwise."""
        counts: dict[int, int] = {}
        if self.pattern is None:
            return counts
        for match in self.pattern.finditer(text):
            ids = self.by_name[match[0]]
            if len(ids) > 1:
                ids = [pk for pk in ids if pk in self.national]
            if len(ids) == 1:
                counts[ids[0]] = counts.get(ids[0], 0) + 1
        return counts


_matcher: ParkMatcher | None = None


def park_matcher() -> ParkMatcher:
    """The matcher over the whole registry, built once per process (the registry changes by sync)."""
    global _matcher
    if _matcher is None:
        from .models import Park

        _matcher = ParkMatcher(Park.objects.only("id", "name", "aliases", "level"))
    return _matcher


def reset_park_matcher() -> None:
    global _matcher
    _matcher = None


def links_sync(model, *, article, target: str, found: dict[int, int]) -> dict:
    """Make the article's automatic links of `model` (to a park, an enterprise, an industry:
    `target`) what was found now, with their mention counts. An editor's link stays; a link an
    editor removed stays removed. Returns the links as they were, by target id."""
    links = {getattr(link, f"{target}_id"): link for link in model.objects.filter(article=article)}
    for target_id, link in links.items():
        if link.origin == "auto" and not link.removed and target_id not in found:
            link.delete()
    for target_id, mentions in found.items():
        link = links.get(target_id)
        if link is None:
            model.objects.create(article=article, mentions=mentions, **{f"{target}_id": target_id})
        elif link.mentions != mentions:
            model.objects.filter(pk=link.pk).update(mentions=mentions)
    return links


@transaction.atomic
def article_link_parks(*, article, matcher: ParkMatcher | None = None) -> list[int]:
    """Link the article to the parks its title and text name; returns the linked park ids.

    Automatic links are replaced by what the text says now; an editor's link stays; a link an
    editor removed stays removed.
    """
    from .models import ArticlePark

    found = (matcher or park_matcher()).find(article.title + "\n" + article.text)
    links = links_sync(ArticlePark, article=article, target="park", found=found)
    return sorted(pk for pk in found if not (links.get(pk) and links[pk].removed))


@transaction.atomic
def article_add_park_regions(*, article) -> list[int]:
    """Tag the article with the region (city, else province) of each park it is linked to, so
    that it shows in those channels too. Tags are only added, never taken away: an editor's
    tagging stays as it is. Returns the region ids added."""
    from .models import ArticlePark

    wanted = {
        city or province
        for city, province in ArticlePark.objects.filter(
            article=article, removed=False
        ).values_list("park__city_id", "park__province_id")
    }
    present = set(article.regions.values_list("pk", flat=True))
    added = sorted(wanted - present)
    if added:
        article.regions.add(*added)
    return added
