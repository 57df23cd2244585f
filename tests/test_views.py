"""The error pages: in the layout, in Chinese, with a way back, and nothing internal on them —
even when the view, a context processor or the database fails."""

import pytest
from django.db import OperationalError
from django.test import Client

from tests.factories import PublishedArticleFactory, TakenDownArticleFactory, user_with_role

pytestmark = pytest.mark.django_db

DJANGO_ENGLISH = [
    "Forbidden",
    "CSRF verification failed",
    "Server Error",
    "Not Found",
    "Bad Request",
    "Reason given",
    "DEBUG",
    "Traceback",
    "exception",
]


def in_the_layout(response, status: int, heading: str) -> str:
    page = response.content.decode()
    assert response.status_code == status
    assert 'lang="zh-CN"' in page and 'class="brand" href="/">园区网</a>' in page
    assert f"<title>{heading} · 园区网</title>" in page and f"<h1>{heading}</h1>" in page
    assert 'class="site-footer"' in page and '<a href="/">返回首页</a>' in page
    assert not [text for text in DJANGO_ENGLISH if text in page]
    return page


@pytest.fixture
def failing_view(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("yuanqu.news.views.selectors.page_of", boom)


@pytest.fixture
def failing_regions(monkeypatch):
    def database_down():
        raise OperationalError("connection refused: secret internal detail")

    monkeypatch.setattr("yuanqu.regions.context_processors.province_list", database_down)


def test_a_failing_view_shows_the_500_page_in_the_layout(failing_view):
    client = Client(raise_request_exception=False)
    page = in_the_layout(client.get("/?page=2"), 500, "服务器错误")
    assert "secret internal detail" not in page and "RuntimeError" not in page
    assert '<a href="/?page=2">重试</a>' in page


def test_the_500_page_renders_when_a_context_processor_fails_too(failing_view, settings):
    processors = settings.TEMPLATES[0]["OPTIONS"]["context_processors"]
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "OPTIONS": {"context_processors": [*processors, "tests.test_views.broken_processor"]},
        }
    ]
    client = Client(raise_request_exception=False)
    in_the_layout(client.get("/about/"), 500, "服务器错误")  # the processor fails on any page
    in_the_layout(client.get("/"), 500, "服务器错误")


def broken_processor(request):
    raise RuntimeError("secret internal detail")


def test_the_500_page_renders_when_the_database_is_down(failing_view, failing_regions):
    client = Client(raise_request_exception=False)
    page = in_the_layout(client.get("/"), 500, "服务器错误")
    assert "connection refused" not in page


def test_a_page_renders_without_the_region_list_when_the_database_cannot_give_it(
    client, failing_regions
):
    page = client.get("/about/").content.decode()
    assert "关于我们" in page and 'class="switcher"' in page and "江苏" not in page


def test_the_404_page_offers_the_page_the_reader_came_from(client):
    page = in_the_layout(
        client.get("/nope/", HTTP_REFERER="http://testserver/js/"), 404, "页面不存在"
    )
    assert '<a href="http://testserver/js/">返回上一页</a>' in page
    elsewhere = client.get("/nope/", HTTP_REFERER="https://elsewhere.example/").content.decode()
    assert "elsewhere.example" not in elsewhere and "返回上一页" not in elsewhere


def test_permission_denied_shows_the_403_page_in_the_layout():
    publisher = Client()
    publisher.force_login(user_with_role("author"))
    page = in_the_layout(
        publisher.get("/moderation/", HTTP_REFERER="http://testserver/accounts/"), 403, "无权访问"
    )
    assert '<a href="http://testserver/accounts/">返回上一页</a>' in page


def test_permission_required_with_raise_exception_shows_the_403_page_in_the_layout():
    reader = Client()
    reader.force_login(user_with_role("reader", role=None))
    in_the_layout(reader.get("/submit/"), 403, "无权访问")


def test_a_form_sent_without_its_csrf_token_shows_the_layout_page_with_a_way_back():
    article = PublishedArticleFactory()
    client = Client(enforce_csrf_checks=True)
    form = f"http://testserver/report/?article={article.pk}"
    response = client.post(
        f"/report/?article={article.pk}", {"category": "other"}, HTTP_REFERER=form
    )
    page = in_the_layout(response, 403, "表单未能提交")
    assert f'<a href="{form}">返回上一页</a>' in page and "刷新后重新提交" in page


def test_a_request_for_another_host_shows_the_400_page_in_the_layout(client):
    page = in_the_layout(client.get("/", HTTP_HOST="evil.example"), 400, "请求无效")
    assert "evil.example" not in page


def test_a_taken_down_article_shows_the_410_page_in_the_layout(client):
    article = TakenDownArticleFactory()
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 410 and 'class="brand" href="/">园区网</a>' in page
    assert "该文章无法查看 · 园区网</title>" in page and '<a href="/">返回首页</a>' in page
