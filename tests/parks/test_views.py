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
    assert "共 2564 个园区" in page.content.decode()  # the 2018 catalogue and 21 supplemented
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


def _publish(title, paragraph, when):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return PublishedArticleFactory(
        title=title,
        body=[{"type": "paragraph", "text": paragraph}],
        published_at=datetime.fromisoformat(when).replace(tzinfo=ZoneInfo("Asia/Shanghai")),
    )


@pytest.fixture
def suzhou_two_years(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _publish(
            "苏州工业园区上半年经济运行",
            "今年上半年，苏州工业园区规上工业总产值2800亿元。",
            "2023-07-20 10:00",
        )
        _publish(
            "苏州工业园区上半年经济运行",
            "今年上半年，苏州工业园区规上工业总产值3050亿元。",
            "2024-07-18 10:00",
        )
        _publish(
            "苏州工业园区全年经济运行",
            "去年，苏州工业园区规上工业总产值6100亿元。",
            "2024-01-15 10:00",
        )
    return Park.objects.get(name="苏州工业园区")


def test_an_indicator_with_several_periods_gets_a_chart_and_its_data_table(
    client, suzhou_two_years
):
    page = client.get(suzhou_two_years.get_absolute_url()).content.decode()
    chart = page[
        page.index('<figure class="chart"') : page.index(
            "</figure>", page.index('<figure class="chart"')
        )
    ]
    assert 'class="pygal-chart' in chart and "<script" not in chart and "<style" not in chart
    assert "上半年" in chart and "全年" in chart and "亿元" in chart
    rows = re.findall(
        r'<tr><th scope="row">([^<]+)</th><td>([^<]+)</td><td><a href="([^"]+)"', chart
    )
    assert [(period, value) for period, value, _ in rows] == [
        ("2023年上半年", "2800亿元"),
        ("2023年", "6100亿元"),
        ("2024年上半年", "3050亿元"),
    ]  # in time order: the whole year ends after its first half
    assert all(re.fullmatch(r"/news/\d+/\?hl=\d+-\d+#hl", link) for _, _, link in rows)
    linked = client.get(rows[2][2].replace("#hl", "")).content.decode()
    assert "<strong>3050亿元</strong>" in linked


@pytest.fixture
def three_parks(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _publish(
            "园区",
            "今年上半年，苏州工业园区规上工业总产值3050亿元，高新技术企业2600家。",
            "2024-07-18 10:00",
        )
        _publish("园区", "今年上半年，无锡高新区规上工业总产值2400亿元。", "2024-07-19 10:00")
        _publish(
            "园区",
            "去年，无锡高新区规上工业总产值4700亿元，高新技术企业2500家。",
            "2024-01-19 10:00",
        )
        _publish("园区", "去年，常州高新区高新技术企业1300家。", "2024-01-20 10:00")
    return [
        Park.objects.get(name=name).slug
        for name in ("苏州工业园区", "无锡高新技术产业开发区", "常州高新技术产业开发区")
    ]


def test_compare_lines_parks_up_on_the_indicators_they_share(client, three_parks):
    suzhou, wuxi, changzhou = three_parks
    page = client.get("/parks/compare/", {"p": [suzhou, wuxi, changzhou]}).content.decode()
    table = page[page.index("<table") : page.index("</table>")]
    output = table[table.index("规上工业总产值") :].split("</tr>")[0]
    assert "2024年上半年" in output  # the latest period both report
    assert re.findall(r'hl=\d+-\d+#hl" title="[^"]*">([^<]+)</a>', output) == [
        "3050亿元",
        "2400亿元",
    ]
    assert output.rstrip().endswith("<td>—</td>")  # 常州 reports no output
    firms = table[table.index("高新技术企业数") :].split("</tr>")[0]
    assert re.findall(r'#hl" title="[^"]*">([^<]+)</a>', firms) == ["2600家", "2500家", "1300家"]
    assert "2024年上半年" in firms and "2023年" in firms  # periods differ, each is labelled
    assert page.count('class="pygal-chart') == 2
    assert f'href="?p={wuxi}&amp;p={changzhou}"' in page  # removing 苏州 keeps the others


def test_compare_adds_a_park_by_name_and_explains_what_it_cannot_use(client, three_parks):
    suzhou, wuxi, _ = three_parks
    response = client.get("/parks/compare/", {"p": [suzhou], "add": "无锡高新区"})
    assert response.status_code == 302
    assert response["Location"] == f"/parks/compare/?p={suzhou}&p={wuxi}"
    page = client.get("/parks/compare/", {"p": [suzhou], "add": "不存在的园区"}).content.decode()
    assert "没有找到与“不存在的园区”匹配的园区" in page and 'value="不存在的园区"' in page
    page = client.get("/parks/compare/", {"p": [suzhou, "nope"]}).content.decode()
    assert "nope" in page and "至少选择两个园区" in page
    many = [p.slug for p in Park.objects.all()[:7]]
    page = client.get("/parks/compare/", {"p": many}).content.decode()
    assert page.count('class="remove"') == 5 and 'name="add"' not in page
    assert client.get("/parks/compare/", {"p": ["<script>"] * 3}).status_code == 200


def test_the_directory_sorts_by_an_indicator_and_shows_what_it_compares(client, three_parks):
    page = client.get("/parks/", {"sort": "indicator:hitech_enterprises"}).content.decode()
    assert names(client.get("/parks/", {"sort": "indicator:hitech_enterprises"})) == [
        "苏州工业园区",
        "无锡高新技术产业开发区",
        "常州高新技术产业开发区",
    ]
    assert "2600家" in page and "2024年上半年" in page
    assert '<option value="indicator:hitech_enterprises" selected>' in page
