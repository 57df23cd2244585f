"""The whole process in Chromium on a phone: a publisher registers and submits, a moderator
approves, a reader reports without an account and follows the ticket, the moderator takes the
article down and restores it, a rights holder's notice takes it down once its sender confirms
the e-mail address, the uploader's counter-notice restores it — every step in the audit log."""

import re

import pytest
from django.core import mail

from tests.e2e.conftest import watched
from tests.factories import confirm_link, pdf_bytes, user_with_role
from yuanqu.accounts import sms
from yuanqu.audit.models import AuditEntry
from yuanqu.news.models import Article
from yuanqu.seed import seed_all

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "园区网-e2e-2026"


@pytest.fixture
def site(live_server):
    seed_all()  # a transactional test flushes the seed data afterwards
    moderator = user_with_role("moderator1", "moderator")
    moderator.set_password(PASSWORD)
    moderator.save()
    return live_server.url


def field(page, name: str):
    """A form field by its label (a required one's label ends with an asterisk)."""
    return page.get_by_label(re.compile(rf"^{re.escape(name)}( \*)?$"))


def solve(page) -> None:
    question = page.locator("label", has_text="请回答").inner_text()
    a, b = map(int, re.search(r"(\d+) \+ (\d+)", question).groups())
    page.get_by_label(re.compile("请回答")).fill(str(a + b))


def sign_in(page, site, username) -> None:
    page.goto(site + "/accounts/login/")
    field(page, "手机号码或用户名").fill(username)
    field(page, "密码").fill(PASSWORD)
    page.get_by_role("button", name="提交").click()


def moderate(page, site, title, button, reason=""):
    page.goto(site + "/moderation/")
    page.get_by_role("link", name=title).first.click()
    if reason:
        page.get_by_label(re.compile("理由")).fill(reason)
    page.get_by_role("button", name=button, exact=True).click()


@pytest.fixture
def people(browser):
    """Three phones: a publisher's, a moderator's, a reader's; closed before the server stops."""
    contexts = [
        browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
        for _ in range(3)
    ]
    pages = [context.new_page() for context in contexts]
    refused = [watched(page) for page in pages]
    yield pages
    for context in contexts:
        context.close()
    assert refused == [[], [], []], refused  # nothing refused under the site's policy


def test_publish_moderate_report_take_down_notice_and_counter_notice(people, site):
    publisher, moderator, reader = people

    # A publisher registers with a verified mobile number.
    publisher.goto(site + "/accounts/register/")
    field(publisher, "文章署名").fill("武进高新区管委会宣传处")
    field(publisher, "手机号码").fill("13912345678")
    field(publisher, "密码").fill(PASSWORD)
    field(publisher, "确认密码").fill(PASSWORD)
    publisher.get_by_label(re.compile("我承诺")).check()
    publisher.get_by_role("button", name="发送验证码").click()
    expect(publisher.locator(".message")).to_contain_text("验证码已发送")
    expect(field(publisher, "文章署名")).to_have_value("武进高新区管委会宣传处")
    code = re.search(r"\d{6}", sms.outbox[-1][1])[0]
    field(publisher, "验证码").fill(code)
    field(publisher, "密码").fill(PASSWORD)
    field(publisher, "确认密码").fill(PASSWORD)
    publisher.get_by_role("button", name="注册").click()
    expect(publisher.locator("h1")).to_have_text("我的文章")

    # It writes and submits an article: it waits for review.
    publisher.get_by_role("link", name="写文章").click()
    field(publisher, "标题").fill("武进高新区新能源产业园项目开工")
    field(publisher, "正文").fill("## 项目概况\n今年上半年，武进高新区规上工业总产值增长8.1%。")
    publisher.get_by_role("button", name="提交发布").click()
    expect(publisher.locator(".message")).to_contain_text("已提交")
    expect(publisher.locator(".my-articles")).to_contain_text("待审核")
    article = Article.objects.get(title="武进高新区新能源产业园项目开工")

    # The moderator approves it; it is public, with the notice of a user upload.
    sign_in(moderator, site, "moderator1")
    moderate(moderator, site, "武进高新区新能源产业园项目开工", "通过")
    expect(moderator.locator(".message")).to_contain_text("已发布")
    reader.goto(site + article.get_absolute_url())
    expect(reader.locator(".user-notice")).to_contain_text("仅提供信息存储空间服务")

    # A reader reports it without an account, and gets a ticket.
    reader.get_by_role("link", name="举报", exact=True).click()
    reader.get_by_label("散布谣言，扰乱经济秩序和社会秩序").check()
    field(reader, "举报说明").fill("文中增速与区统计局公布的数据不符。")
    solve(reader)
    reader.get_by_role("button", name="提交").click()
    expect(reader.locator("h1")).to_contain_text("举报 JB")
    expect(reader.locator(".ticket-state")).to_contain_text("处理中")
    ticket_page = reader.url

    # The moderator upholds the report and takes the article down; the ticket shows the outcome.
    moderator.goto(site + "/moderation/")
    moderator.locator("a[href^='/moderation/cases/']").first.click()
    moderator.get_by_label("已处理").check()
    field(moderator, "对文章的处理（举报成立时）").select_option("take_down")
    field(moderator, "告知举报人的处理结果").fill("经核实数据有误，已删除。")
    moderator.get_by_role("button", name="办结").click()
    reader.goto(ticket_page)
    expect(reader.locator(".ticket-outcome")).to_have_text("经核实数据有误，已删除。")
    response = reader.goto(site + article.get_absolute_url())
    assert response.status == 410
    expect(reader.locator("main")).not_to_contain_text("规上工业总产值")

    # It restores the article after a correction.
    moderator.goto(site + f"/moderation/articles/{article.pk}/")
    moderator.get_by_label(re.compile("理由")).fill("作者已更正数据来源。")
    moderator.get_by_role("button", name="恢复", exact=True).click()
    assert reader.goto(site + article.get_absolute_url()).status == 200

    # A rights holder's notice takes it down at once …
    reader.goto(site + "/notice/")
    field(reader, "权利人").fill("常州某摄影工作室")
    field(reader, "电子邮箱").fill("photo@example.cn")
    field(reader, "通讯地址").fill("江苏省常州市新北区")
    field(reader, "被侵害的作品或权利").fill("《新能源产业园航拍》摄影作品")
    field(reader, "本站侵权内容的网址").fill(site + article.get_absolute_url())
    reader.get_by_label(re.compile("权属证明")).set_input_files(
        files=[{"name": "proof.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    field(reader, "签名").fill("张三")
    reader.get_by_label(re.compile("我声明本通知内容真实")).check()
    solve(reader)
    reader.get_by_role("button", name="提交").click()
    expect(reader.locator(".ticket-state")).to_have_text("等待权利人确认邮箱")
    assert reader.goto(site + article.get_absolute_url()).status == 200  # not before confirming
    reader.goto(site + confirm_link(mail.outbox))  # the link mailed to the rights holder
    reader.get_by_role("button", name="确认通知").click()
    expect(reader.locator(".ticket-state")).to_have_text("已删除内容")
    assert reader.goto(site + article.get_absolute_url()).status == 410

    # … and the uploader's counter-notice restores it.
    publisher.goto(site + "/accounts/")
    publisher.locator(".notifications").get_by_role("link", name="查看").first.click()
    field(publisher, "姓名或单位名称").fill("武进高新区管委会宣传处")
    field(publisher, "电话或电子邮箱").fill("13912345678")
    field(publisher, "通讯地址").fill("常州市武进区")
    field(publisher, "不构成侵权的理由").fill("照片由我处工作人员拍摄，附原始文件。")
    field(publisher, "签名").fill("李四")
    publisher.get_by_label(re.compile("我声明以上内容真实")).check()
    publisher.get_by_role("button", name="提交").click()
    expect(publisher.locator(".message")).to_contain_text("文章已恢复")
    assert reader.goto(site + article.get_absolute_url()).status == 200

    # Every step is in the audit log.
    moderator.goto(site + "/moderation/audit/")
    events = list(
        AuditEntry.objects.filter(article=article).order_by("id").values_list("event", flat=True)
    )
    assert events == [
        "moderation.article.submit",
        "moderation.article.approve",
        "moderation.report.created",
        "moderation.article.take_down",
        "moderation.report.upheld",
        "moderation.article.restore",
        "moderation.notice.received",
        "moderation.article.take_down",
        "moderation.notice.countered",
        "moderation.article.restore",
    ]
    expect(moderator.locator("table.audit-log tbody tr")).to_have_count(len(events))
    assert moderator.evaluate("document.documentElement.scrollWidth") <= 390
