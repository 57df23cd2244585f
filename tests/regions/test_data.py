import pytest

from yuanqu.regions.models import Region
from yuanqu.regions.services import read_division_rows, regions_sync

pytestmark = pytest.mark.django_db


def test_all_34_province_level_divisions_are_loaded_by_the_migration():
    provinces = Region.objects.provinces()
    assert provinces.count() == 34
    names = set(provinces.values_list("short_name", flat=True))
    assert {"北京", "江苏", "内蒙古", "广西", "新疆", "台湾", "香港", "澳门"} <= names
    assert Region.objects.get(code="810000").name == "香港特别行政区"


def test_every_prefecture_has_its_province_as_parent():
    prefectures = Region.objects.filter(level=Region.Level.PREFECTURE).select_related("parent")
    assert prefectures.count() == 333
    for city in prefectures:
        assert city.parent.level == Region.Level.PROVINCE
        assert city.code[:2] == city.parent.code[:2]
    jiangsu = Region.objects.get(slug="js")
    assert jiangsu.children.count() == 13
    assert jiangsu.children.filter(name="常州市", code="320400").exists()


def test_codes_follow_gb_t_2260_and_slugs_are_unique():
    rows = read_division_rows()
    assert len({row["code"] for row in rows}) == len(rows)
    assert len({row["slug"] for row in rows}) == len(rows)
    for row in rows:
        assert len(row["code"]) == 6 and row["code"].isdigit()
        suffix = "0000" if row["level"] == "province" else "00"
        assert row["code"].endswith(suffix), row


def test_sync_is_idempotent_and_repairs_edits():
    assert regions_sync() == 0
    Region.objects.filter(code="320400").update(short_name="错")
    assert regions_sync() == 1
    assert Region.objects.get(code="320400").short_name == "常州"


def test_urls_are_bookmarkable_channels():
    assert Region.objects.get(code="320000").get_absolute_url() == "/js/"
    assert Region.objects.get(code="320400").get_absolute_url() == "/js/320400/"
