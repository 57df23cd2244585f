import re

import pytest
from django.core.management import call_command

from yuanqu.seed import seed_all

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server):
    # A transactional test flushes every table afterwards, the seed data included, so load it
    # again (as `yuanqu init` does).
    seed_all()
    call_command("load_demo", verbosity=0)
    return live_server.url


def test_reader_switches_to_jiangsu_reads_an_article_and_goes_back_to_national(phone, demo):
    phone.goto(demo + "/")
    expect(phone.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(phone.locator(".current-region")).to_have_text("全国")

    phone.get_by_text("切换地区").click()
    switcher = phone.locator(".switcher-panel")
    expect(switcher.locator("a")).to_have_count(35)
    switcher.get_by_role("link", name="江苏", exact=True).click()
    expect(phone).to_have_url(re.compile(r"/js/$"))
    expect(phone.locator(".current-region")).to_have_text("江苏")
    expect(phone.locator("h1")).to_contain_text("江苏省")
    expect(phone.locator(".article-list li")).to_have_count(14)

    phone.get_by_role("link", name=re.compile("三十二载再出发")).click()
    expect(phone.locator("h1")).to_contain_text("常州国家高新区")
    meta = phone.locator(".article > .meta")
    expect(meta).to_contain_text("2024/08/29 15:53")
    expect(meta).to_contain_text("来源：常州发布")
    expect(phone.locator(".body h2").first).to_have_text("一、产业集群持续壮大")
    expect(phone.locator(".user-notice")).to_have_count(0)
    report = phone.get_by_role("link", name="举报", exact=True)
    expect(report).to_be_visible()

    report.click()
    expect(phone.locator(".report-address a")).to_have_attribute("href", re.compile(r"^mailto:"))
    expect(phone.locator("main")).to_contain_text("三十二载再出发")

    phone.get_by_text("切换地区").click()
    phone.locator(".switcher-panel").get_by_role("link", name="全国").click()
    expect(phone).to_have_url(demo + "/")
    expect(phone.locator(".current-region")).to_have_text("全国")
    expect(phone.locator(".article-list li")).to_have_count(20)


def test_user_submitted_article_shows_the_notice_and_the_page_fits_a_phone(phone, demo):
    phone.goto(demo + "/js/320400/")
    phone.get_by_role("link", name=re.compile("储能电池企业的成长记")).click()
    expect(phone.locator(".user-notice")).to_contain_text("本文为用户自行上传并发布")
    expect(phone.locator(".user-notice")).to_contain_text("仅提供信息存储空间服务")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no sideways scrolling on a phone"


def test_unknown_region_shows_the_chinese_404_with_a_way_home(phone, demo):
    response = phone.goto(demo + "/xx/")
    assert response.status == 404
    expect(phone.locator("h1")).to_have_text("页面不存在")
    phone.get_by_role("link", name="返回首页").click()
    expect(phone).to_have_url(demo + "/")


def test_reader_finds_a_park_in_the_directory_and_reads_its_news_on_a_phone(phone, demo):
    phone.goto(demo + "/")
    phone.get_by_role("link", name="园区", exact=True).click()
    expect(phone.locator("h1")).to_have_text("园区名录")
    phone.get_by_label("名称", exact=True).fill("常州")
    phone.get_by_label("级别", exact=True).select_option("national")
    phone.get_by_role("button", name="筛选").click()
    expect(phone.get_by_label("名称", exact=True)).to_have_value("常州")
    first = phone.locator(".park-list h2 a").first
    expect(first).to_have_text("常州高新技术产业开发区")
    first.click()
    expect(phone.locator("h1")).to_have_text("常州高新技术产业开发区")
    expect(phone.locator(".profile")).to_contain_text("国家级")
    expect(phone.locator(".profile")).to_contain_text("1992.11")
    card = phone.locator(".card", has_text="主导产业产值")
    expect(card.locator(".figure")).to_have_text("1549.2亿元")
    expect(card).to_contain_text("2024年上半年")
    card.get_by_role("link", name=re.compile("来源")).click()  # one click to its source
    expect(phone.locator("h1")).to_contain_text("三十二载再出发")
    expect(phone.locator(".body")).to_contain_text("主导产业实现产值1549.2亿元")
    marked = phone.locator("mark.source-sentence")
    expect(marked).to_contain_text("全区主导产业实现产值1549.2亿元")
    expect(marked.locator("strong")).to_have_text("1549.2亿元")
    expect(marked).to_be_in_viewport()
    phone.go_back()
    news = phone.get_by_role("link", name=re.compile("三十二载再出发"))
    expect(news).to_be_visible()
    news.click()
    expect(phone.locator(".related-parks").first).to_contain_text("常州高新技术产业开发区")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_reader_charts_a_park_and_compares_it_with_others_on_a_phone(phone, demo):
    phone.goto(demo + "/parks/?q=苏州工业园区")
    phone.locator(".park-list h2 a").first.click()
    expect(phone.locator("h1")).to_have_text("苏州工业园区")
    chart = phone.locator("figure.chart", has_text="规上工业总产值")
    expect(chart.locator("svg.pygal-chart")).to_be_visible()
    rows = chart.locator("tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.nth(0)).to_contain_text("2023年")
    expect(rows.nth(3)).to_contain_text("2025年上半年")
    expect(rows.nth(3)).to_contain_text("3560亿元")
    expect(phone.locator("#enterprises")).to_be_visible()
    expect(phone.get_by_role("link", name="苏州瑞丰生物医药有限公司")).to_be_visible()

    phone.get_by_role("link", name="与其他园区对比").click()
    expect(phone.locator("h1")).to_have_text("园区对比")
    expect(phone.locator(".empty")).to_contain_text("请至少选择两个园区")
    phone.get_by_label("添加要对比的园区").fill("无锡高新区")
    phone.get_by_role("button", name="添加").click()
    phone.get_by_label("再添加一个园区").fill("没有这个园区")
    phone.get_by_role("button", name="添加").click()
    expect(phone.locator(".form-error")).to_contain_text("没有找到与“没有这个园区”匹配的园区")
    expect(phone.get_by_label("再添加一个园区")).to_have_value("没有这个园区")
    phone.get_by_label("再添加一个园区").fill("西安高新区")
    phone.get_by_role("button", name="添加").click()
    table = phone.locator("table.compare-table")
    expect(table.locator("thead th")).to_have_count(4)
    output = table.locator("tr", has_text="规上工业总产值")
    expect(output).to_contain_text("2024年上半年")
    expect(output).to_contain_text("3420亿元")
    expect(output).to_contain_text("2310亿元")
    expect(output).to_contain_text("1850亿元")
    expect(phone.locator("figure.chart svg.pygal-chart").first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, (
        "the table scrolls, not the page"
    )
    phone.get_by_role("link", name="移除无锡高新技术产业开发区").click()
    expect(table.locator("thead th")).to_have_count(3)
