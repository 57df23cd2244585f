"""The state machine is the one write path for an article's status: imports, the admin and
scheduled publication go through it, and none of them undoes a moderator or an author."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    PublishedArticleFactory,
    ScheduledArticleFactory,
    TakenDownArticleFactory,
    user_with_role,
)
from yuanqu.audit.models import AuditEntry
from yuanqu.news import services as articles
from yuanqu.news.models import Article
from yuanqu.news.services import articles_import
from yuanqu.parks.models import Park, ParkFact
from yuanqu.parks.selectors import park_indicator_cards
from yuanqu.search import selectors as search

pytestmark = pytest.mark.django_db

RECORD = {
    "key": "wx-1",
    "title": "无锡高新区上半年规上工业总产值2400亿元",
    "body": "今年上半年，无锡高新区规上工业总产值2400亿元，同比增长6.5%。",
    "published_at": "2025-07-25 10:00",
    "source": "无锡发布",
    "regions": ["320200"],
}


def imported(django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return articles_import([("wx.jsonl:1", {**RECORD, **changes})])


def events(article) -> list[str]:
    return list(
        AuditEntry.objects.filter(article=article).order_by("id").values_list("event", flat=True)
    )


def test_an_import_publishes_through_the_state_machine(django_capture_on_commit_callbacks):
    report = imported(django_capture_on_commit_callbacks)
    article = Article.objects.get(import_key="wx-1")
    assert report.created == 1 and article.status == Article.Status.PUBLISHED
    assert events(article) == ["moderation.article.publish"]
    assert AuditEntry.objects.get(article=article).actor_label == "导入"
    assert search.search("无锡高新区").total == 1


@pytest.mark.parametrize("state", ["take_down", "hide", "withdraw"])
def test_a_reimport_never_undoes_a_moderator_or_an_author(
    django_capture_on_commit_callbacks, state
):
    imported(django_capture_on_commit_callbacks)
    article = Article.objects.get(import_key="wx-1")
    moderator, author = user_with_role("mod", "moderator"), user_with_role("author")
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        if state == "withdraw":
            article.submitted_by = author
            article.save(update_fields=["submitted_by"])
            articles.article_withdraw(article=article, actor=author, now=now)
        else:
            getattr(articles, f"article_{state}")(
                article=article, actor=moderator, now=now, reason="内容不实"
            )
    before = events(article)
    report = imported(django_capture_on_commit_callbacks, title="新标题：无锡高新区产值再创新高")
    article.refresh_from_db()
    assert article.status != Article.Status.PUBLISHED and article.title == RECORD["title"]
    assert (report.created, report.updated, report.unchanged) == (0, 0, 0)
    [(where, reason)] = report.skipped
    assert where == "wx.jsonl:1" and article.get_status_display() in reason
    assert events(article) == before  # nothing written
    assert search.search("无锡高新区").total == 0


def test_an_import_asking_for_a_draft_never_unpublishes(django_capture_on_commit_callbacks):
    imported(django_capture_on_commit_callbacks)
    report = imported(django_capture_on_commit_callbacks, status="draft")
    assert report.skipped and "草稿" in report.skipped[0][1]
    assert Article.objects.get(import_key="wx-1").status == Article.Status.PUBLISHED


def test_an_import_cannot_set_a_moderation_state(django_capture_on_commit_callbacks):
    report = imported(django_capture_on_commit_callbacks, status="taken_down")
    assert report.rejected and "状态无效" in report.rejected[0][1]
    assert not Article.objects.exists()


def test_a_draft_imported_again_as_published_is_published_once(
    django_capture_on_commit_callbacks,
):
    imported(django_capture_on_commit_callbacks, status="draft")
    article = Article.objects.get(import_key="wx-1")
    assert article.status == Article.Status.DRAFT and events(article) == []
    assert imported(django_capture_on_commit_callbacks).updated == 1
    assert imported(django_capture_on_commit_callbacks).unchanged == 1
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert events(article) == ["moderation.article.publish"]


def test_no_transition_from_a_state_it_does_not_start_from():
    article = TakenDownArticleFactory()
    with pytest.raises(articles.TransitionError, match="已删除"):
        articles.article_hide(article=article, actor=None, now=timezone.now(), reason="x")
    with pytest.raises(articles.TransitionError):
        articles.article_update(article=article, fields={"status": Article.Status.PUBLISHED})
    assert Article.objects.get(pk=article.pk).status == Article.Status.TAKEN_DOWN


def test_the_admin_changes_a_status_only_through_the_state_machine(
    admin_client, django_capture_on_commit_callbacks
):
    article = PublishedArticleFactory(title="后台文章")
    form = admin_client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert 'name="status"' not in form  # read-only
    admin_client.post(
        f"/admin/news/article/{article.pk}/change/",
        {"title": "后台文章", "status": "draft", "origin": "editorial", "body": "[]"},
    )
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED
    asked = admin_client.post(
        "/admin/news/article/", {"action": "take_down", "_selected_action": [article.pk]}
    )
    assert "理由" in asked.content.decode()  # the reason is asked for first
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/news/article/",
            {
                "action": "take_down",
                "_selected_action": [article.pk],
                "apply": "1",
                "reason": "侵权",
            },
        )
    article.refresh_from_db()
    assert article.status == Article.Status.TAKEN_DOWN
    entry = AuditEntry.objects.get(article=article, event="moderation.article.take_down")
    assert entry.reason == "侵权" and entry.actor.is_superuser


def test_a_scheduled_article_shows_its_figures_and_is_found_only_from_its_time(
    django_capture_on_commit_callbacks, client
):
    park = Park.objects.get(name="无锡高新技术产业开发区")
    with django_capture_on_commit_callbacks(execute=True):
        article = ScheduledArticleFactory(
            title="无锡高新区前三季度规上工业总产值3600亿元",
            body=[
                {"type": "paragraph", "text": "今年前三季度，无锡高新区规上工业总产值3600亿元。"}
            ],
        )
    assert ParkFact.objects.filter(article=article, park=park).exists()  # read ahead of time
    assert "3600亿元" not in client.get(park.get_absolute_url()).content.decode()
    assert not park_indicator_cards(park)
    assert search.search("无锡高新区前三季度").total == 0
    assert client.get(article.get_absolute_url()).status_code == 404
    later = article.published_at + timedelta(minutes=1)  # its time has come
    assert ParkFact.objects.shown(now=later).filter(article=article).exists()
    assert search.search("无锡高新区前三季度", now=later).total == 1
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now())
    assert "3600亿元" in client.get(park.get_absolute_url()).content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_no_code_assigns_an_articles_status_outside_the_state_machine():
    """`Article.status` is assigned in one module; everything else calls it."""
    import re
    from pathlib import Path

    import yuanqu

    root = Path(yuanqu.__file__).parent
    assigns = re.compile(r"\barticle\.status\s*=(?!=)|Article\.objects[^\n]*\.update\([^)]*status")
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "migrations" not in path.parts and assigns.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == ["news/services/lifecycle.py"]


def test_a_rerun_repairs_what_a_crash_after_the_commit_left_undone(
    django_capture_on_commit_callbacks,
):
    """kill -9 between an article's commit and its reading: the article is stored, but neither
    read nor indexed. Running the import again reports it unchanged and repairs both."""
    with django_capture_on_commit_callbacks(execute=False):  # the process dies after commit
        assert articles_import([("wx.jsonl:1", RECORD)]).created == 1
    article = Article.objects.get(import_key="wx-1")
    assert search.search("无锡高新区").total == 0 and not article.park_facts.exists()
    report = imported(django_capture_on_commit_callbacks)
    assert report.unchanged == 1
    assert search.search("无锡高新区").total == 1
    assert article.park_facts.filter(park__name="无锡高新技术产业开发区").exists()
    assert imported(django_capture_on_commit_callbacks).unchanged == 1  # and then nothing to do
