import re

import pytest

from tests.factories import PublishedArticleFactory
from yuanqu.parks.models import Park
from yuanqu.parks.services import article_link_parks

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return re.findall(r'<h2><a href="/parks/[^/]+/">([^<]+)</a></h2>', response.content.decode())


def test_directory_lists_the_registry_with_its_filters(client):
    page = client.get("/parks/")
    assert page.status_code == 200
    assert "共 2543 个园区" in page.content.decode()
    jiangsu = client.get("/parks/?region=js&level=national&kind=hitech")
    assert "共 17 个园区" in jiangsu.content.decode()  # Jiangsu's national high-tech zones in 2018
    assert all(Park.objects.get(name=n).province.slug == "js" for n in names(jiangsu))


def test_searching_a_city_finds_its_national_high_tech_zone_first(client):
    found = names(client.get("/parks/?q=常州"))
    assert found[0] == "常州高新技术产业开发区"
    assert all("常州" in name for name in found)
    assert names(client.get("/parks/?q=常州国家高新区")) == ["常州高新技术产业开发区"]


def test_filters_keep_what_was_chosen_and_pagination_keeps_the_filters(client):
    page = client.get("/parks/?region=js&industry=生物医药&page=1").content.decode()
    assert 'value="生物医药"' in page and '<option value="js" selected>' in page
    second = client.get("/parks/?level=provincial&page=2").content.decode()
    assert 'href="?level=provincial&amp;page=3"' in second


@pytest.mark.parametrize("url", ["/parks/?page=9999", "/parks/?page=x", "/parks/nope/"])
def test_unknown_pages_and_parks_are_404(client, url):
    assert client.get(url).status_code == 404


def test_hostile_filter_values_are_harmless(client):
    response = client.get(
        "/parks/", {"q": "'\"<script>%_" * 20, "level": "x", "kind": "y", "sort": "z"}
    )
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_park_page_shows_profile_and_its_news(client):
    article = PublishedArticleFactory(
        title="常州国家高新区新闻", body=[{"type": "paragraph", "text": "产值增长。"}]
    )
    article_link_parks(article=article)
    park = Park.objects.get(name="常州高新技术产业开发区")
    page = client.get(park.get_absolute_url()).content.decode()
    for text in (
        "常州高新技术产业开发区",
        "国家级",
        "高新技术产业开发区",
        "1992.11",
        "563.00 公顷",
        "常州国家高新区新闻",
    ):
        assert text in page, text
    assert (
        f'href="{park.get_absolute_url()}"'
        in client.get(article.get_absolute_url()).content.decode()
    )
