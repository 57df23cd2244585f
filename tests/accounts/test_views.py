"""Signing in and out under the site's own name, never the request's host."""

import pytest
from django.test import Client

from tests.factories import PublishedArticleFactory, user_with_role

pytestmark = pytest.mark.django_db


def named(page: str, name: str) -> bool:
    return f'class="brand" href="/">{name}</a>' in page and f" · {name}</title>" in page


def test_the_login_page_shows_the_site_name_not_the_host(client):
    page = client.get("/accounts/login/").content.decode()
    assert named(page, "园区网") and "testserver" not in page
    assert "<title>登录 · 园区网</title>" in page


def test_a_failed_sign_in_keeps_the_site_name(client):
    user_with_role("author")
    response = client.post("/accounts/login/", {"username": "author", "password": "wrong"})
    page = response.content.decode()
    assert response.status_code == 200 and named(page, "园区网") and "testserver" not in page


def test_signing_out_from_a_link_offers_the_button_then_signs_out():
    client = Client()
    client.force_login(user_with_role("author"))
    page = client.get("/accounts/logout/").content.decode()
    assert named(page, "园区网") and "当前登录账号：author。" in page
    assert '<button class="button">退出</button>' in page
    assert client.post("/accounts/logout/")["Location"] == "/"
    assert "您尚未登录。" in client.get("/accounts/logout/").content.decode()


def test_every_page_uses_the_configured_site_name(client, settings):
    settings.YUANQU_SITE_NAME = "常州园区网"
    article = PublishedArticleFactory()
    author = Client()
    author.force_login(user_with_role("author"))
    urls = [
        "/",
        "/js/",
        "/js/320400/",
        article.get_absolute_url(),
        "/search/?q=园区",
        "/parks/",
        "/enterprises/",
        "/about/",
        "/report/",
        "/notice/",
        "/notices/",
        "/accounts/login/",
        "/accounts/register/",
        "/accounts/logout/",
        "/nope/",
    ]
    for url in urls:
        assert named(client.get(url).content.decode(), "常州园区网"), url
    for url in ("/accounts/", "/accounts/logout/", "/submit/", "/moderation/"):
        assert named(author.get(url).content.decode(), "常州园区网"), url
