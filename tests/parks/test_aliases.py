import pytest

from yuanqu.parks.aliases import aliases_for


@pytest.mark.parametrize(
    ("name", "national", "expected"),
    [
        ("常州高新技术产业开发区", True, ["常州高新区", "常州国家高新区", "常州国家级高新区"]),
        ("北京经济技术开发区", True, ["北京经开区", "北京开发区", "北京国家级经开区"]),
        ("苏州工业园区", True, ["苏州工业园"]),
        ("常州钟楼经济开发区", False, ["常州钟楼经开区"]),
    ],
)
def test_short_names_parks_go_by(name, national, expected):
    aliases = aliases_for(name, national=national)
    assert set(expected) <= set(aliases)
    assert name not in aliases


def test_provincial_zones_are_not_called_national_and_bare_suffixes_are_not_names():
    assert not any(
        "国家" in alias for alias in aliases_for("武进高新技术产业开发区", national=False)
    )
    assert aliases_for("高新技术产业开发区", national=True) == []
