"""Every page carries a strict Content-Security-Policy; behind trusted proxies the client's
own address is the one rate limits and the audit log see, and nothing a client writes in a
header can move it."""

import pytest
from django.test import Client

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
        return Client().post(
            "/accounts/login/", {"username": "13800000000", "password": "wrong-password"},
            REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=reader,
        ).content.decode()  # fmt: skip

    for _ in range(3):
        limited = sign_in("203.0.113.7")
    assert "登录尝试次数过多" in limited
    assert "登录尝试次数过多" not in sign_in("198.51.100.20")  # another reader is not limited
