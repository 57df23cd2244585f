import re

import pytest
from django.core.management import call_command

from yuanqu.search.services import registry_sync
from yuanqu.seed import seed_all

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server):
    seed_all()  # a transactional test flushes the seed data afterwards
    call_command("load_demo", verbosity=0)
    registry_sync()
    return live_server.url


def test_reader_searches_from_a_channel_widens_to_china_filters_and_pages_on_a_phone(phone, site):
    phone.goto(site + "/js/")
    phone.get_by_placeholder("在江苏搜索").fill("產值")  # traditional characters
    phone.get_by_role("button", name="搜索").first.click()
    expect(phone.locator(".scope")).to_contain_text("仅在江苏范围内")
    hits = phone.locator(".search-results li")
    expect(hits.first).to_be_visible()
    expect(hits.first.locator("mark").first).to_have_text("产值")
    jiangsu = hits.count()
    phone.get_by_role("link", name="扩大到全国").click()
    expect(phone.locator(".scope")).to_have_count(0)
    expect(phone.locator(".result-count")).not_to_contain_text(f"共 {jiangsu} 条")

    phone.locator("#search-q").fill("常州高新区")
    phone.get_by_role("button", name="搜索").first.click()
    phone.locator(".kind-tabs").get_by_role("link", name=re.compile("^园区")).click()
    first = phone.locator(".search-results li").first
    expect(first.locator("h2 a")).to_have_text("常州高新技术产业开发区")
    expect(first).to_contain_text("名称匹配")

    phone.locator("#search-q").fill("高新区")
    phone.get_by_role("button", name="搜索").first.click()
    expect(phone.locator(".search-results li")).to_have_count(20)
    phone.get_by_role("link", name="下一页").click()
    expect(phone.locator(".pagination")).to_contain_text("第 2 /")
    phone.get_by_text("筛选与排序").click()
    phone.get_by_label("地区", exact=True).select_option("zj")
    phone.get_by_role("button", name="搜索").first.click()
    expect(phone.locator(".scope")).to_contain_text("浙江")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
