"""Reports without an account, the ticket page, notices, the 410 page, the moderators' queue;
hostile input each time."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import (
    PendingArticleFactory,
    PublishedArticleFactory,
    confirm_link,
    pdf_bytes,
    png_bytes,
    user_with_role,
)
from tests.html import text_of
from yuanqu.audit.models import AuditEntry
from yuanqu.moderation import challenge
from yuanqu.moderation.models import Case, Notice, Report

pytestmark = pytest.mark.django_db


def answered(page: str) -> dict:
    """The challenge's token and the right answer, read from the form like a person would."""
    token = re.search(r'name="token" value="([^"]+)"', page)[1]
    a, b = map(int, re.search(r"请回答：(\d+) \+ (\d+) = \?", page).groups())
    return {"token": token, "answer": str(a + b)}


def test_a_solved_challenge_is_accepted_once():
    question, token = challenge.new()
    a, b = map(int, re.match(r"(\d+) \+ (\d+)", question).groups())
    assert not challenge.passed(token, str(a + b + 1))  # a wrong answer does not use it up
    assert challenge.passed(token, str(a + b))
    assert not challenge.passed(token, str(a + b))  # replayed


def test_anyone_reports_an_article_and_follows_the_ticket_to_its_outcome(client):
    article = PublishedArticleFactory(title="某园区虚假招商信息")
    url = f"/report/?article={article.pk}"
    wrong = client.post(
        url, {"category": "rumour", "details": "数据与公报不符", "answer": "999", "token": "forged"}
    )
    page = wrong.content.decode()
    assert wrong.status_code == 200 and "答案不正确" in page and "数据与公报不符" in page
    assert not Report.objects.exists()
    fake = SimpleUploadedFile("shot.png", b"\x89PNG\r\n\x1a\n....")  # a PNG's first bytes only
    refused = client.post(
        url, {"category": "rumour", "details": "数据与公报不符", "evidence": fake, **answered(page)}
    )
    assert "请上传" in refused.content.decode() and not Report.objects.exists()
    page = refused.content.decode()
    evidence = SimpleUploadedFile("shot.png", png_bytes())
    response = client.post(
        url,
        {"category": "rumour", "details": "数据与公报不符", "evidence": evidence, **answered(page)},
    )
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    status = client.get(report.get_absolute_url()).content.decode()
    assert report.ticket in status and "处理中" in status
    assert client.get(f"/report/{report.ticket}/").status_code == 404  # without the key
    assert client.get(f"/report/{report.ticket}/?key=wrong").status_code == 404
    assert client.get(f"/media/{report.evidence.name}").status_code == 404  # evidence is private
    moderator = Client()
    moderator.force_login(user_with_role("mod", "moderator"))
    moderator.post(
        f"/moderation/cases/{report.case.pk}/",
        {"outcome": "upheld", "article_action": "take_down", "note": "经核实数据不实，已删除。"},
    )
    status = client.get(report.get_absolute_url()).content.decode()
    assert "已处理" in status and "经核实数据不实，已删除。" in status
    gone = client.get(article.get_absolute_url())
    assert gone.status_code == 410
    assert (
        "该文章无法查看" in gone.content.decode() and article.summary not in gone.content.decode()
    )
    assert moderator.get(f"/moderation/files/report/{report.pk}/").status_code == 200
    assert client.get(f"/moderation/files/report/{report.pk}/").status_code == 302  # sign in


def test_rapid_repeated_reports_are_refused_with_a_message_and_grouped(client, settings):
    settings.YUANQU_RATES = {**settings.YUANQU_RATES, "report": "3/10m"}
    article = PublishedArticleFactory()
    reporter = Client()
    reporter.force_login(user_with_role("reader", role=None))  # signed in: no question
    for number in range(3):
        reporter.post(
            f"/report/?article={article.pk}",
            {"category": "advertising", "details": f"广告{number}"},
        )
    refused = reporter.post(
        f"/report/?article={article.pk}", {"category": "advertising", "details": "第四次"}
    )
    assert "举报次数过多" in refused.content.decode() and "第四次" in refused.content.decode()
    assert Report.objects.count() == 3 and Case.objects.count() == 1


def notice_data(page: str, **extra) -> dict:
    return {
        "rights_holder": "某摄影工作室",
        "contact_email": "photo@example.cn",
        "address": "常州",
        "work": "航拍照片",
        "urls": "https://elsewhere.example/x",
        "signature": "张三",
        "statement": "on",
        **answered(page),
        **extra,
    }


def test_a_rights_holders_notice_needs_its_fields_real_proof_and_a_confirmed_address(
    client, django_capture_on_commit_callbacks
):
    article = PublishedArticleFactory()
    data = notice_data(client.get("/notice/").content.decode())
    response = client.post("/notice/", {**data, "proof": SimpleUploadedFile("p.pdf", pdf_bytes())})
    assert "请至少填写一篇本站文章的网址" in response.content.decode()
    data = notice_data(response.content.decode(), urls=f"https://x/news/{article.pk}/")
    for fake in (b"MZ\x90\x00 not a pdf", b"%PDF-1.4\n%" + b"x" * 40 + b"\n%%EOF"):
        response = client.post("/notice/", {**data, "proof": SimpleUploadedFile("p.pdf", fake)})
        assert "请上传不超过10MB的图片" in response.content.decode()  # a 52-byte "PDF" is none
        data.update(answered(response.content.decode()))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/notice/", {**data, "proof": SimpleUploadedFile("p.pdf", pdf_bytes())}
        )
    notice = Notice.objects.get()
    assert response["Location"] == notice.get_absolute_url()
    status = text_of(client.get(response["Location"]))
    assert "photo@example.cn" in status and "确认" in status
    assert client.get(article.get_absolute_url()).status_code == 200  # nothing happens yet
    link = confirm_link(mail.outbox)
    assert "确认" in text_of(client.get(link))  # opening the link changes nothing
    assert client.get(article.get_absolute_url()).status_code == 200
    response = client.post(link)
    assert response["Location"] == notice.get_absolute_url()
    # An editorial article: a moderator decides, by the deadline.
    assert "等待审核员处理" in text_of(client.get(response["Location"]))
    assert client.get(article.get_absolute_url()).status_code == 200


def test_one_sender_is_limited_whatever_network_it_comes_from(client, settings):
    settings.YUANQU_RATES = {**settings.YUANQU_RATES, "notice_sender": "2/d"}
    article = PublishedArticleFactory()
    page = client.get("/notice/").content.decode()
    for n in range(3):
        data = notice_data(page, urls=f"https://x/news/{article.pk}/")
        response = client.post(
            "/notice/",
            {**data, "proof": SimpleUploadedFile("p.pdf", pdf_bytes())},
            REMOTE_ADDR=f"10.0.0.{n + 1}",
        )
        page = (
            response.content.decode()
            if response.status_code == 200
            else client.get("/notice/").content.decode()
        )
    assert "过多" in page and Notice.objects.count() == 2


def test_moderators_work_from_the_queue_and_everyone_else_is_kept_out(client):
    author = user_with_role("author")
    article = PendingArticleFactory(title="待审稿件", submitted_by=author)
    assert client.get("/moderation/").status_code == 302
    publisher = Client()
    publisher.force_login(author)
    assert publisher.get("/moderation/").status_code == 403
    assert (
        publisher.post(f"/moderation/articles/{article.pk}/", {"action": "approve"}).status_code
        == 403
    )
    moderator = Client()
    moderator.force_login(user_with_role("mod", "moderator"))
    queue = moderator.get("/moderation/").content.decode()
    assert "待审稿件" in queue
    moderator.post(f"/moderation/articles/{article.pk}/", {"action": "reject", "reason": ""})
    article.refresh_from_db()
    assert article.status == "pending"  # no reason, nothing done
    moderator.post(f"/moderation/articles/{article.pk}/", {"action": "approve"})
    article.refresh_from_db()
    assert article.status == "published"
    assert client.get(article.get_absolute_url()).status_code == 200
    for days in ("x", "²", "9" * 5000):
        response = moderator.post(
            f"/moderation/users/{author.pk}/sanction/",
            {"kind": "suspend", "days": days, "reason": "多次违规"},
        )
        assert response.status_code == 302
    author.account.refresh_from_db()
    assert author.account.suspended_until is not None
    audit = moderator.get("/moderation/audit/").content.decode()
    assert "已批准" in audit and "状态：待审核 → 已发布" in audit
    assert "moderation.article" not in audit and "pending" not in audit
    assert AuditEntry.objects.filter(event="moderation.user.suspended").exists()


def visible(page: str) -> str:
    """The text a person reads: the page without its tags."""
    return re.sub(r"<[^>]+>", " ", page)


def test_the_queue_and_case_pages_name_categories_outcomes_and_actions_in_chinese():
    article = PublishedArticleFactory(title="某企业不实信息")
    reader = Client()
    reader.force_login(user_with_role("reader", role=None))
    for category in ("enterprise", "rumour"):
        reader.post(f"/report/?article={article.pk}", {"category": category, "details": "不实"})
    moderator = Client()
    moderator.force_login(user_with_role("mod", "moderator"))
    queue = visible(moderator.get("/moderation/").content.decode())
    assert "2 条举报 · 侵害企业合法权益的不实信息；散布谣言，扰乱经济秩序和社会秩序 ·" in queue
    assert "enterprise" not in queue and "rumour" not in queue
    case = Case.objects.get()
    page = visible(moderator.get(case.get_absolute_url()).content.decode())
    assert "处理中" in page and "侵害企业合法权益的不实信息" in page and "enterprise" not in page
    moderator.post(
        case.get_absolute_url(),
        {"outcome": "upheld", "article_action": "take_down", "note": "经核实，已删除。"},
    )
    closed = visible(moderator.get(case.get_absolute_url()).content.decode())
    assert "已办结" in closed and "已处理（删除）：经核实，已删除。" in closed
    assert not [code for code in ("upheld", "take_down", "taken_down", "closed") if code in closed]
