"""Editors correct what was read from the news, on the pages readers see; every change is a POST
with its CSRF token, needs its permission, and survives reading the article again."""

from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.test import Client

from tests.html import text_of
from yuanqu.parks.models import ArticlePark, Membership, Park, ParkFact

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_corpus):
    return Park.objects.get(name="常州高新技术产业开发区")


@pytest.fixture
def editor():
    user = User.objects.create_user("editor", password="a-long-test-password")
    codenames = ["change_parkfact", "change_articlepark", "change_membership", "change_project"]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.force_login(user)
    return client


def firms(park) -> ParkFact:
    return ParkFact.objects.get(park=park, indicator="hitech_enterprises")


def test_readers_see_no_editor_controls_and_cannot_reach_them(demo, client):
    fact = firms(demo)
    assert "核对" not in client.get(demo.get_absolute_url()).content.decode()
    response = client.get(f"/parks/facts/{fact.pk}/review/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    reader = User.objects.create_user("reader", password="a-long-test-password")
    client.force_login(reader)
    assert client.get(f"/parks/facts/{fact.pk}/review/").status_code == 403
    assert (
        client.post(
            f"/parks/rows/membership/{Membership.objects.first().pk}/", {"action": "remove"}
        ).status_code
        == 403
    )


def test_an_editor_corrects_a_figure_and_a_bad_value_loses_nothing(demo, editor):
    fact = firms(demo)
    page = editor.get(demo.get_absolute_url()).content.decode()
    assert f"/parks/facts/{fact.pk}/review/" in page
    url = f"/parks/facts/{fact.pk}/review/"
    bad = editor.post(
        url, {"decision": "correct", "value": "一千", "period": "2024年", "reason": "公报"}
    )
    html = bad.content.decode()
    assert bad.status_code == 200 and 'value="一千"' in html and 'value="2024年"' in html
    assert "请按 2024" in html and 'value="公报"' in html
    assert ParkFact.objects.get(pk=fact.pk).status == "extracted"
    done = editor.post(
        url,
        {"decision": "correct", "value": "1372", "reason": "公报", "next": demo.get_absolute_url()},
    )
    assert done.status_code == 302 and done["Location"] == demo.get_absolute_url()
    assert ParkFact.objects.get(pk=fact.pk).corrected_value == Decimal("1372")
    assert "1372家" in editor.get(demo.get_absolute_url()).content.decode()
    assert "公报" in editor.get(url).content.decode()  # the history, with the reason


def test_the_review_page_names_the_indicator_and_the_decisions_in_words(demo, editor):
    fact = firms(demo)
    url = f"/parks/facts/{fact.pk}/review/"
    editor.post(url, {"decision": "correct", "value": "1372", "reason": "公报"})
    editor.post(url, {"decision": "confirm", "reason": "复核"})
    page = text_of(editor.get(url))
    assert "高新技术企业数" in page and "hitech_enterprises" not in page
    assert "更正数据：审核结论：自动提取 → 已更正；数值：1371家 → 1372家（公报）" in page
    assert "确认数据：审核结论：已更正 → 已确认（复核）" in page
    assert "parks.fact." not in page and ".000000" not in page


def test_changes_need_a_post_with_its_csrf_token(demo):
    user = User.objects.create_user("editor2", password="a-long-test-password")
    user.user_permissions.set(Permission.objects.filter(codename="change_membership"))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    membership = Membership.objects.filter(park=demo).first()
    assert (
        strict.post(f"/parks/rows/membership/{membership.pk}/", {"action": "remove"}).status_code
        == 403
    )
    assert strict.get(f"/parks/rows/membership/{membership.pk}/").status_code == 405
    assert not Membership.objects.get(pk=membership.pk).removed


def test_an_editor_removes_a_wrong_row_and_corrects_park_links(demo, editor):
    membership = Membership.objects.get(park=demo, enterprise__name="比亚迪")
    editor.post(f"/parks/rows/membership/{membership.pk}/", {"action": "remove", "next": "/"})
    assert (
        'href="/enterprises/' + membership.enterprise.slug
        not in editor.get(demo.get_absolute_url()).content.decode()
    )
    article = membership.article
    url = f"/parks/articles/{article.pk}/parks/"
    assert editor.post(url, {"action": "add", "name": "不存在的园区"}).status_code == 200
    editor.post(url, {"action": "add", "name": "苏州工业园区"})
    link = ArticlePark.objects.get(article=article, park=demo)
    editor.post(url, {"action": "remove", "link": link.pk})
    call_command("reextract", no_progress=True, stdout=StringIO())
    assert ArticlePark.objects.get(pk=link.pk).removed
    assert ArticlePark.objects.get(article=article, park__name="苏州工业园区").origin == "editor"
    assert Membership.objects.get(pk=membership.pk).removed
