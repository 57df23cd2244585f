"""Every page carries a strict Content-Security-Policy; behind trusted proxies the client's
own address is the one rate limits and the audit log see, and nothing a client writes in a
header can move it."""

import pytest
from django.test import Client

from tests.factories import user_with_role
from yuanqu.moderation.models import SensitiveWord
from yuanqu.security import client_address

pytestmark = pytest.mark.django_db


def test_every_page_forbids_inline_script_and_style_and_other_sites(client):
    for url in ("/", "/parks/", "/search/?q=高新", "/notice/", "/no-such-page/"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy, url
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy, url


@pytest.mark.parametrize(
    ("forwarded", "trusted", "address"),
    [
        ("", 0, "10.0.0.9"),  # no proxy: the connection's address
        ("203.0.113.7", 0, "10.0.0.9"),  # an untrusted header is ignored
        ("203.0.113.7", 1, "203.0.113.7"),  # the shipped nginx
        ("6.6.6.6, 203.0.113.7", 1, "203.0.113.7"),  # what the client wrote stays out
        ("6.6.6.6, 203.0.113.7, 10.1.1.1", 2, "203.0.113.7"),  # a CDN, then nginx
        ("203.0.113.7", 2, "10.0.0.9"),  # fewer hops than proxies: not trusted
    ],
)
def test_the_client_address_comes_from_the_trusted_proxies_only(forwarded, trusted, address):
    meta = {"REMOTE_ADDR": "10.0.0.9", "HTTP_X_FORWARDED_FOR": forwarded}
    assert client_address(meta, trusted) == address


def test_behind_a_proxy_rate_limits_count_each_client_not_the_whole_site(settings):
    """Every request comes from nginx's address; the limit must still be per reader."""
    settings.YUANQU_TRUSTED_PROXIES = 1
    settings.YUANQU_RATES = {**settings.YUANQU_RATES, "login": "2/h"}

    def sign_in(reader: str):
        return (
            Client()
            .post(
                "/accounts/login/",
                {"username": "13800000000", "password": "wrong-password"},
                REMOTE_ADDR="127.0.0.1",
                HTTP_X_FORWARDED_FOR=reader,
            )
            .content.decode()
        )

    for _ in range(3):
        limited = sign_in("203.0.113.7")
    assert "登录尝试次数过多" in limited
    assert "登录尝试次数过多" not in sign_in("198.51.100.20")  # another reader is not limited


@pytest.mark.parametrize(
    "url",
    [
        "/parks/?q=%00",
        "/search/?q=x&park=%00",
        "/parks/compare/?p=%00",
        "/enterprises/?q=a%01b",
        "/search/?q=%E9%AB%98%00%E6%96%B0",
    ],
)
def test_characters_no_text_can_hold_are_dropped_from_parameters(client, url):
    assert client.get(url).status_code in (200, 404)


def test_nul_in_what_was_typed_is_dropped_and_the_rest_kept(client):
    page = client.get("/search/?q=%E9%AB%98%00%E6%96%B0").content.decode()
    assert 'value="高新"' in page  # 高\x00新 searched as 高新


@pytest.mark.parametrize("url", ["/report/%00/", "/notice/%00/", "/media/uploads/%00"])
def test_an_address_holding_one_is_refused_at_the_door(client, url):
    response = client.get(url)
    assert response.status_code == 400 and "请求无效" in response.content.decode()


def test_a_form_field_holding_nul_loses_nothing_but_the_nul(client):
    moderator = Client()
    moderator.force_login(user_with_role("mod", "moderator"))
    moderator.post("/moderation/words/", {"action": "add", "word": "代开\x00发票", "note": ""})
    assert list(SensitiveWord.objects.values_list("word", flat=True)) == ["代开发票"]


def test_a_long_or_odd_media_name_is_a_404_without_asking_the_filesystem(client):
    for name in ("uploads/" + "a" * 300 + ".png", "uploads/2024/" + "b" * 150 + ".jpg"):
        assert client.get(f"/media/{name}").status_code == 404
