"""The moderation state machine, reports, notices, counter-notices and appeals, each step leaving
its audit entry."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from tests.factories import (
    PublishedArticleFactory,
    UserSubmittedArticleFactory,
    confirm_link,
    pdf_bytes,
    user_with_role,
)
from yuanqu.audit.models import AuditEntry
from yuanqu.moderation import services
from yuanqu.moderation.models import Case, Notice, Policy, SensitiveWord
from yuanqu.news import services as articles
from yuanqu.news.models import Article
from yuanqu.publishing import services as publishing
from yuanqu.publishing.services import Draft, article_save_draft

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def draft_by(user, text="今年上半年，园区规上工业总产值增长7.4%。") -> Article:
    return article_save_draft(
        author=user, draft=Draft(title="园区动态", raw_body=text), now=NOW, ip="10.0.0.1"
    )


def events(article) -> list[str]:
    return list(
        AuditEntry.objects.filter(article=article).order_by("id").values_list("event", flat=True)
    )


def test_a_publishers_submission_waits_and_a_trusted_one_is_published():
    publisher, trusted = user_with_role("publisher"), user_with_role("trusted", "trusted")
    waiting = publishing.article_submit(article=draft_by(publisher), actor=publisher, now=NOW)
    assert waiting.status == Article.Status.PENDING and waiting.published_at is None
    direct = publishing.article_submit(article=draft_by(trusted), actor=trusted, now=NOW)
    assert direct.status == Article.Status.PUBLISHED and direct.published_at == NOW
    assert events(direct) == ["moderation.article.submit"]


def test_a_sensitive_word_or_the_operators_switch_sends_even_trusted_ones_to_review():
    trusted = user_with_role("trusted", "trusted")
    SensitiveWord.objects.create(word="代开发票")
    spaced = publishing.article_submit(
        article=draft_by(trusted, "本公司代 开 发 票，量大从优。"), actor=trusted, now=NOW
    )
    assert spaced.status == Article.Status.PENDING
    assert AuditEntry.objects.get(article=spaced).after["sensitive_words"] == ["代开发票"]
    Policy.objects.create(premoderate_all=True)
    clean = publishing.article_submit(article=draft_by(trusted), actor=trusted, now=NOW)
    assert clean.status == Article.Status.PENDING


def test_every_transition_is_checked_audited_and_told_to_the_author():
    author, moderator = user_with_role("author"), user_with_role("mod", "moderator")
    article = publishing.article_submit(article=draft_by(author), actor=author, now=NOW)
    with pytest.raises(articles.TransitionError, match="理由"):
        articles.article_reject(article=article, actor=moderator, now=NOW, reason=" ")
    articles.article_approve(article=article, actor=moderator, now=NOW)
    with pytest.raises(articles.TransitionError, match="不能进行此操作"):
        articles.article_approve(article=article, actor=moderator, now=NOW)
    articles.article_hide(article=article, actor=moderator, now=NOW, reason="被举报待核实")
    articles.article_take_down(article=article, actor=moderator, now=NOW, reason="内容不实")
    articles.article_restore(article=article, actor=moderator, now=NOW, reason="核实无误")
    assert events(article) == [
        "moderation.article.submit",
        "moderation.article.approve",
        "moderation.article.hide",
        "moderation.article.take_down",
        "moderation.article.restore",
    ]
    take_down = AuditEntry.objects.get(event="moderation.article.take_down")
    assert (take_down.before["status"], take_down.after["status"]) == ("hidden", "taken_down")
    assert take_down.actor == moderator and take_down.reason == "内容不实"
    subjects = list(author.notifications.values_list("subject", flat=True))
    assert any("已被删除" in subject for subject in subjects)
    with pytest.raises(ValueError, match="append-only"):
        take_down.save()
    with pytest.raises(ValueError, match="append-only"):
        take_down.delete()


def test_withdrawing_keeps_everything_and_only_the_author_may():
    author, other = user_with_role("author"), user_with_role("other")
    article = draft_by(author)
    with pytest.raises(articles.TransitionError):
        articles.article_withdraw(article=article, actor=other, now=NOW)
    articles.article_withdraw(article=article, actor=author, now=NOW)
    article.refresh_from_db()
    assert article.status == Article.Status.WITHDRAWN and article.revisions.count() == 1


def test_reports_on_one_article_are_one_case_and_the_outcome_reaches_every_reporter():
    article, moderator = PublishedArticleFactory(), user_with_role("mod", "moderator")
    first = services.report_create(category="advertising", details="广告", article=article, now=NOW)
    second = services.report_create(
        category="rumour", details="数据造假", article=article, now=NOW + timedelta(hours=1)
    )
    assert first.case == second.case and first.ticket != second.ticket
    assert Case.objects.get().deadline_at == NOW + timedelta(hours=25)  # the rumour's 24 h
    services.case_close(
        case=first.case,
        actor=moderator,
        now=NOW,
        outcome="upheld",
        note="经核实，文中数据与官方公报不符，已删除。",
        action="take_down",
    )
    article.refresh_from_db()
    assert article.status == Article.Status.TAKEN_DOWN
    second.case.refresh_from_db()
    assert second.case.public_note.startswith("经核实")
    assert "moderation.report.upheld" in events(article)
    with pytest.raises(services.ReportError):
        services.case_close(
            case=second.case, actor=moderator, now=NOW, outcome="dismissed", note="x"
        )


def notice_fields(**extra):
    return {
        "rights_holder": "常州某摄影工作室",
        "contact_email": "photo@example.cn",
        "contact_phone": "",
        "address": "常州市新北区",
        "work": "《高铁新城航拍》",
        "urls": "https://example.cn/news/1/",
        "signature": "张三",
        **extra,
    }


def proof():
    return ContentFile(pdf_bytes(), name="proof.pdf")


def sent(items, django_capture_on_commit_callbacks, **fields) -> list[Notice]:
    """A notice on the items, confirmed by its sender from the link mailed to them."""
    with django_capture_on_commit_callbacks(execute=True):
        notices = services.notice_create(
            articles=items, fields=notice_fields(**fields), proof=proof(), now=NOW
        )
    assert all(notice.state == Notice.State.UNCONFIRMED for notice in notices)
    token = confirm_link(mail.outbox).rstrip("/").rsplit("/", 1)[1]
    with django_capture_on_commit_callbacks(execute=True):
        return services.notice_confirm(batch=notices[0].batch, token=token, now=NOW)


def uploaded(n: int = 1) -> list[Article]:
    uploader = user_with_role(f"uploader{Article.objects.count()}")
    return [UserSubmittedArticleFactory(submitted_by=uploader) for _ in range(n)]


def test_a_notice_counts_only_once_its_sender_confirms_the_address(
    django_capture_on_commit_callbacks,
):
    [article] = uploaded()
    with django_capture_on_commit_callbacks(execute=True):
        [notice] = services.notice_create(
            articles=[article], fields=notice_fields(), proof=proof(), now=NOW
        )
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED  # not yet
    assert mail.outbox[-1].to == ["photo@example.cn"]
    token = confirm_link(mail.outbox).rstrip("/").rsplit("/", 1)[1]
    with pytest.raises(services.NoticeError, match="无效"):
        services.notice_confirm(batch=notice.batch, token="guessed", now=NOW)
    with pytest.raises(services.NoticeError, match="过期"):
        services.notice_confirm(batch=notice.batch, token=token, now=NOW + timedelta(hours=25))
    services.notice_confirm(batch=notice.batch, token=token, now=NOW + timedelta(hours=1))
    assert Article.objects.get(pk=article.pk).status == Article.Status.TAKEN_DOWN
    services.notice_confirm(batch=notice.batch, token=token, now=NOW + timedelta(hours=2))
    assert Notice.objects.get().state == Notice.State.ACCEPTED  # the link works once


def test_one_notice_takes_down_a_few_items_at_once_and_queues_the_rest(
    django_capture_on_commit_callbacks, settings
):
    settings.YUANQU_NOTICE_INSTANT_ITEMS = 3
    items, editorial = uploaded(5), PublishedArticleFactory()
    notices = sent([*items, editorial], django_capture_on_commit_callbacks)
    states = [notice.state for notice in notices]
    assert states == ["accepted"] * 3 + ["queued"] * 3
    assert [Article.objects.get(pk=a.pk).status for a in items] == ["taken_down"] * 3 + [
        "published"
    ] * 2
    assert Article.objects.get(pk=editorial.pk).status == Article.Status.PUBLISHED
    queued = notices[-1]
    assert "编辑" in queued.queued_because and queued.deadline_at == NOW + timedelta(hours=24)
    assert "立即删除的数量" in notices[3].queued_because
    with pytest.raises(services.NoticeError):
        services.notice_create(
            articles=uploaded(21), fields=notice_fields(), proof=proof(), now=NOW
        )


def test_a_moderator_decides_a_queued_notice_and_the_sender_is_told(
    django_capture_on_commit_callbacks,
):
    editorial, moderator = PublishedArticleFactory(), user_with_role("mod", "moderator")
    [notice] = sent([editorial], django_capture_on_commit_callbacks)
    with pytest.raises(services.NoticeError, match="决定"):
        services.notice_decide(notice=notice, actor=moderator, now=NOW, accept=True, note=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.notice_decide(
            notice=notice,
            actor=moderator,
            now=NOW,
            accept=True,
            note="经核实，照片确为权利人所摄。",
        )
    assert Article.objects.get(pk=editorial.pk).status == Article.Status.TAKEN_DOWN
    assert Notice.objects.get().public  # nobody to forward it to
    assert mail.outbox[-1].to == ["photo@example.cn"] and "经核实" in mail.outbox[-1].body
    assert "moderation.notice.accepted" in events(editorial)


def test_a_counter_notice_restores_the_item_and_the_same_claim_is_never_acted_on_again(
    django_capture_on_commit_callbacks,
):
    [article] = uploaded()
    uploader = article.submitted_by
    [notice] = sent([article], django_capture_on_commit_callbacks)
    assert notice.forwarded_to_uploader and not notice.public
    assert "权利人通知" in uploader.notifications.first().subject
    with pytest.raises(services.NoticeError):
        services.counter_notice_create(
            notice=notice, user=user_with_role("stranger"), fields={}, proof=None, now=NOW
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.counter_notice_create(
            notice=notice,
            user=uploader,
            proof=None,
            now=NOW,
            fields={
                "name": "上传者",
                "contact": "13812345678",
                "address": "常州",
                "reasons": "照片为本单位自行拍摄。",
                "signature": "上传者",
            },
        )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert mail.outbox[-1].to == ["photo@example.cn"] and "自行拍摄" in mail.outbox[-1].body
    # The same claim under a new name and address: it waits for a moderator, nothing comes down.
    [again] = sent(
        [article],
        django_capture_on_commit_callbacks,
        rights_holder="另一家影像公司",
        contact_email="other@example.com",
        work="  《高铁新城 航拍》 ",
    )
    assert again.state == Notice.State.QUEUED and "反通知" in again.queued_because
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert events(article) == [
        "moderation.article.publish",
        "moderation.notice.received",
        "moderation.article.take_down",
        "moderation.notice.countered",
        "moderation.article.restore",
        "moderation.notice.received",
        "moderation.notice.queued",
    ]


def test_an_action_is_appealed_once_and_decided_by_another_moderator():
    author = user_with_role("author")
    first, second = user_with_role("mod1", "moderator"), user_with_role("mod2", "moderator")
    article = publishing.article_submit(article=draft_by(author), actor=author, now=NOW)
    articles.article_approve(article=article, actor=first, now=NOW)
    action = articles.article_take_down(article=article, actor=first, now=NOW, reason="疑似广告")
    appeal = services.appeal_create(
        action=action, user=author, reason="这是园区官方活动通知。", now=NOW
    )
    with pytest.raises(services.NoticeError, match="申诉过"):
        services.appeal_create(action=action, user=author, reason="再次申诉", now=NOW)
    with pytest.raises(services.NoticeError, match="未作出原决定"):
        services.appeal_decide(appeal=appeal, actor=first, now=NOW, overturn=True, note="撤销")
    services.appeal_decide(
        appeal=appeal, actor=second, now=NOW, overturn=True, note="经复核属实，恢复。"
    )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert "moderation.appeal.overturned" in events(article)


def test_the_governance_report_counts_the_years_work():
    from io import StringIO

    from django.core.management import call_command

    from yuanqu.moderation.governance import governance_report

    article, moderator = PublishedArticleFactory(), user_with_role("mod", "moderator")
    report = services.report_create(
        category="advertising", details="广告", article=article, now=NOW
    )
    services.case_close(
        case=report.case,
        actor=moderator,
        now=NOW + timedelta(hours=5),
        outcome="upheld",
        note="已删除",
        action="take_down",
    )
    services.report_create(
        category="privacy", details="泄露手机号", article=PublishedArticleFactory(), now=NOW
    )
    services.user_warn(user=user_with_role("spammer"), actor=moderator, reason="广告", now=NOW)
    data = governance_report(2026)
    assert data["reports"]["total"] == 2
    assert data["reports"]["by_category"]["广告或垃圾信息"] == 1
    assert data["cases"] == {
        "opened": 2,
        "upheld": 1,
        "dismissed": 0,
        "open": 1,
        "closed": 1,
        "median_hours": 5.0,
        "p90_hours": 5.0,
        "overdue": 0,
    }
    assert data["takedowns"]["by_moderators"] == 1 and data["accounts"]["warned"] == 1
    assert governance_report(2025)["reports"]["total"] == 0
    out = StringIO()
    call_command("governance_report", year=2026, stdout=out)
    assert "2026年度内容治理报告" in out.getvalue() and "广告或垃圾信息  1" in out.getvalue()


def test_free_text_a_moderator_writes_is_bounded():
    article, moderator = PublishedArticleFactory(), user_with_role("mod", "moderator")
    with pytest.raises(articles.TransitionError, match="1000"):
        articles.article_hide(article=article, actor=moderator, now=NOW, reason="长" * 1001)
    report = services.report_create(category="other", details="x", article=article, now=NOW)
    with pytest.raises(services.ReportError, match="2000"):
        services.case_close(
            case=report.case, actor=moderator, now=NOW, outcome="dismissed", note="长" * 2001
        )
    with pytest.raises(services.SanctionError, match="1000"):
        services.user_warn(user=user_with_role("u"), actor=moderator, reason="长" * 1001, now=NOW)
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED
