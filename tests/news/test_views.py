import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    DraftArticleFactory,
    PublishedArticleFactory,
    ScheduledArticleFactory,
    UserSubmittedArticleFactory,
    WithdrawnArticleFactory,
    region,
)
from yuanqu.news import services as articles_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    return {
        "changzhou": PublishedArticleFactory(title="常州新闻", regions=[region("320400")]),
        "suzhou": PublishedArticleFactory(title="苏州新闻", regions=[region("320500")]),
        "jiangsu": PublishedArticleFactory(title="江苏全省新闻", regions=[region("320000")]),
        "zhejiang": PublishedArticleFactory(title="杭州新闻", regions=[region("330100")]),
        "nowhere": PublishedArticleFactory(title="无地区新闻"),
    }


def titles(response) -> list[str]:
    return re.findall(r'<h2><a href="/news/\d+/">([^<]+)</a></h2>', response.content.decode())


def test_national_channel_lists_everything_published_newest_first(client, articles):
    DraftArticleFactory(title="草稿")
    WithdrawnArticleFactory(title="已撤回")
    ScheduledArticleFactory(title="定时发布")
    response = client.get("/")
    assert response.status_code == 200
    assert titles(response) == ["无地区新闻", "杭州新闻", "江苏全省新闻", "苏州新闻", "常州新闻"]


def test_province_channel_shows_its_own_and_its_cities_news_only(client, articles):
    response = client.get("/js/")
    assert sorted(titles(response)) == ["常州新闻", "江苏全省新闻", "苏州新闻"]
    assert "江苏省 园区资讯" in response.content.decode()


def test_city_filter_within_a_province(client, articles):
    assert titles(client.get("/js/320400/")) == ["常州新闻"]
    page = client.get("/js/").content.decode()
    assert 'href="/js/320400/"' in page and ">常州<" in page
    assert client.get("/zj/320400/").status_code == 404


def test_switcher_names_all_34_provinces_on_every_page(client, articles):
    for url in ("/", "/js/", articles["zhejiang"].get_absolute_url(), "/report/", "/about/"):
        page = client.get(url).content.decode()
        assert "切换地区" in page
        switcher = page.split('class="switcher-panel"')[1].split("</nav>")[0]
        assert len(re.findall(r'href="/[a-z]{2}/"', switcher)) == 34, url
        for name in ("江苏", "新疆", "香港", "澳门", "台湾", "全国"):
            assert f">{name}</a>" in switcher


def test_article_page_shows_time_source_structure_and_report_link(client):
    article = PublishedArticleFactory(
        published_at=datetime(2024, 8, 29, 15, 53, tzinfo=ZoneInfo("Asia/Shanghai")),
        source_name="常州发布",
        regions=[region("320400")],
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "2024/08/29 15:53" in page
    assert "来源：常州发布" in page
    assert "<h2>一、总体情况</h2>" in page
    assert f'href="/report/?article={article.pk}"' in page and ">举报</a>" in page
    assert "仅提供信息存储空间服务" not in page
    assert 'href="/js/">江苏</a>' in page


def test_user_submitted_article_carries_the_storage_notice(client):
    article = UserSubmittedArticleFactory()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "本文为用户自行上传并发布" in page
    assert "仅提供信息存储空间服务" in page


def test_text_is_escaped_not_rendered_as_html(client):
    article = PublishedArticleFactory(
        title="<script>alert(1)</script>",
        body=[{"type": "paragraph", "text": '<img src=x onerror="alert(1)">'}],
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize(
    "url",
    ["/xx/", "/js/999999/", "/news/999999/", "/?page=99", "/?page=abc", "/js/?page=0", "/nope"],
)
def test_unknown_region_article_or_page_is_a_chinese_404_with_a_way_back(client, articles, url):
    response = client.get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert "页面不存在" in page and 'href="/"' in page and 'lang="zh-CN"' in page


def test_unpublished_articles_are_404(client):
    for article in (DraftArticleFactory(), WithdrawnArticleFactory(), ScheduledArticleFactory()):
        assert client.get(f"/news/{article.pk}/").status_code == 404


@override_settings(YUANQU_NEWS_PER_PAGE=2)
def test_pagination_keeps_to_the_channel(client, articles):
    first, second = client.get("/"), client.get("/?page=2")
    assert len(titles(first)) == 2 and len(titles(second)) == 2
    assert not set(titles(first)) & set(titles(second))
    assert "第 1 / 3 页" in first.content.decode()
    assert 'rel="next" href="?page=2"' in first.content.decode()


def test_region_feeds_carry_only_the_regions_news(client, articles):
    jiangsu = client.get("/js/feed/").content.decode()
    assert "<title>江苏园区资讯</title>" in jiangsu
    assert "常州新闻" in jiangsu and "杭州新闻" not in jiangsu
    national = client.get("/feed/").content.decode()
    assert "杭州新闻" in national and "常州新闻" in national
    assert client.get("/xx/feed/").status_code == 404


def test_the_sitemap_is_an_index_of_sections_and_never_lists_a_taken_down_article(
    client, articles, django_capture_on_commit_callbacks
):
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-articles.xml</loc>" in index and "/sitemap-channels.xml</loc>" in index
    assert "/js/</loc>" in client.get("/sitemap-channels.xml").content.decode()
    article = articles["changzhou"]
    assert article.get_absolute_url() in client.get("/sitemap-articles.xml").content.decode()
    with CaptureQueriesContext(connection) as asked:
        client.get("/sitemap-articles.xml")  # cached
    assert len(asked) == 0
    with django_capture_on_commit_callbacks(execute=True):
        articles_services.article_take_down(
            article=article, actor=None, now=timezone.now(), reason="侵权", label="测试"
        )
    assert article.get_absolute_url() not in client.get("/sitemap-articles.xml").content.decode()
    assert client.get("/sitemap-articles.xml?p=2").status_code == 404


@override_settings(YUANQU_REPORT_EMAIL="jubao@example.cn", YUANQU_REPORT_PHONE="12377")
def test_report_page_names_the_article_and_gives_the_operator_address(client, articles):
    article = articles["changzhou"]
    page = client.get(f"/report/?article={article.pk}").content.decode()
    assert "您举报的内容" in page and "常州新闻" in page
    assert 'href="mailto:jubao@example.cn"' in page and "12377" in page
    for unknown in ("abc", "²", "9" * 5000):  # an unknown article: no name
        assert client.get("/report/", {"article": unknown}).status_code == 200
    assert "jubao@example.cn" in client.get("/").content.decode()


def test_pages_load_nothing_from_other_sites(client, articles):
    for url in ("/", "/js/", articles["changzhou"].get_absolute_url(), "/report/", "/about/"):
        page = client.get(url).content.decode()
        assert not re.search(r'src="(https?:)?//', page), url
        assert not re.search(r'<link[^>]+href="(https?:)?//', page), url
        assert '<meta name="viewport"' in page


def test_image_blocks_render_as_figures_with_captions_from_our_own_static_files(client):
    article = PublishedArticleFactory(
        body=[
            {"type": "paragraph", "text": "上半年主导产业产值1549.2亿元。"},
            {
                "type": "image",
                "src": "yuanqu/demo/changzhou-output-2024h1.svg",
                "caption": "主导产业产值",
            },
        ]
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<img src="/static/yuanqu/demo/changzhou-output-2024h1.svg" alt="主导产业产值"' in page
    assert "<figcaption>主导产业产值</figcaption>" in page


def test_a_link_to_a_figure_marks_its_sentence_and_the_figure(client):
    article = PublishedArticleFactory(
        title="标题",
        body=[
            {"type": "heading", "text": "一、总体"},
            {
                "type": "paragraph",
                "text": "园区发展平稳。上半年产值1549.2亿元，增长7.4%。下半年继续。",
            },
        ],
    )
    text = article.title + "\n" + article.text
    start = text.index("1549.2亿元")
    end = start + len("1549.2亿元")
    page = client.get(f"{article.get_absolute_url()}?hl={start}-{end}").content.decode()
    assert (
        '<p>园区发展平稳。<mark id="hl" class="source-sentence">上半年产值<strong>1549.2亿元</strong>'
        "，增长7.4%。</mark>下半年继续。</p>"
    ) in page
    for junk in ("abc", "9-3", "100000-100005", "1-99999999999999999", "²-³", "1-²"):
        response = client.get(f"{article.get_absolute_url()}?hl={junk}")
        assert response.status_code == 200 and "<mark" not in response.content.decode()
