"""The search page as readers reach it: from a channel's search box, with whatever the address
holds. Odd filter values are ignored or answered 404, never 500 (on both backends)."""

import re

import pytest

pytestmark = pytest.mark.django_db

PARAMS = ("region", "city", "park", "industry", "source", "from", "to", "sort", "kind", "page")
ODD = [
    "",
    "nope",
    "²",
    "²³",
    "٣",
    "３２０４００",
    "0",
    "-1",
    "0001-01-01",
    "9999-12-31",
    "1" * 5000,
    "高新" * 500,
    "\x00",
    "<x>",
    "%",
    "' OR 1=1 --",
]


@pytest.fixture
def corpus(demo_corpus):
    """The demo articles, published and indexed (loaded once for the module)."""


def submitted(page: str, q: str) -> dict:
    """What the page's search box sends: its hidden fields and the words typed in it."""
    form = re.search(r'<form class="search-form[^"]*"[^>]*>(.*?)</form>', page, re.S)[1]
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    return {**hidden, "q": q}


def test_a_city_channels_search_box_finds_the_citys_news(client, corpus):
    channel = client.get("/js/320400/").content.decode()
    assert 'placeholder="在常州搜索"' in channel
    response = client.get("/search/", submitted(channel, "高新"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "仅在常州范围内。" in page and "扩大到全国" in page
    assert "<mark>高新</mark>" in page and "常州" in page


def test_a_provinces_search_box_keeps_to_the_province(client, corpus):
    channel = client.get("/js/").content.decode()
    page = client.get("/search/", submitted(channel, "高新")).content.decode()
    assert "仅在江苏范围内。" in page and "<mark>高新</mark>" in page


@pytest.mark.parametrize("name", PARAMS)
def test_odd_filter_values_never_fail(client, corpus, name):
    for value in ODD:
        for extra in ({}, {"city": "320400"}):
            response = client.get("/search/", {"q": "高新", **extra, name: value})
            assert response.status_code in (200, 404), (name, value[:20], extra)
