"""The search page as readers reach it: from a channel's search box."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(django_capture_on_commit_callbacks):
    """The demo articles, published and indexed."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())


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
